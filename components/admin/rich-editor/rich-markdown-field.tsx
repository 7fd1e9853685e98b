"use client";

import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { FormAction, UploadState } from "@/lib/actions/form-state";
import { editorExtensions } from "./extensions";
import { ImageDialog } from "./image-dialog";

const noSubscription = () => () => {};

interface FieldProps {
  /** The form field's name, and (as f-<name>) the id its <label> points at. */
  name: string;
  label: string;
  value: string;
  onChange: (markdown: string) => void;
  rows: number;
  describedBy?: string;
  invalid?: boolean;
  upload: FormAction<UploadState>;
  /** One-text mode: the toolbar offers the movable paywall marker. */
  paywall?: boolean;
}

/**
 * A markdown field with a rich editor over it. Without JavaScript (and in "Markdown" mode) it is the
 * plain textarea; with it, the editor edits the same markdown and writes it back into the textarea,
 * which is what the form submits. The label names whichever of the two is showing.
 */
export function RichMarkdownField({ name, label, value, onChange, rows, describedBy, invalid, upload, paywall = false }: FieldProps) {
  const enhanced = useSyncExternalStore(noSubscription, () => true, () => false);
  const [source, setSource] = useState(false);
  const [imageOpen, setImageOpen] = useState(false);
  const written = useRef(value);
  const id = `f-${name}`;

  const editor = useEditor({
    extensions: editorExtensions({ paywall }),
    content: value,
    contentType: "markdown",
    immediatelyRender: false,
    editorProps: {
      attributes: {
        class: "rich-surface prose",
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": `l-${name}`,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(invalid ? { "aria-invalid": "true" } : {}),
      },
    },
    onUpdate: ({ editor: e }) => {
      written.current = e.getMarkdown();
      onChange(written.current);
    },
  });

  // The textarea (Markdown mode, or a test filling it) changed the text: show it in the editor too.
  useEffect(() => {
    if (!editor || value === written.current) return;
    written.current = value;
    editor.commands.setContent(value, { contentType: "markdown", emitUpdate: false });
  }, [editor, value]);

  const rich = enhanced && !source && editor !== null;
  return (
    <div className="rich-field">
      {enhanced ? <Toolbar editor={editor} label={label} source={source} paywall={paywall} onSource={() => setSource((s) => !s)} onImage={() => setImageOpen(true)} /> : null}
      <textarea
        id={rich ? undefined : id}
        name={name}
        rows={rows}
        required={!rich}
        hidden={rich}
        value={value}
        onChange={(ev) => onChange(ev.target.value)}
        aria-describedby={describedBy}
        aria-invalid={invalid ? true : undefined}
      />
      {enhanced ? <EditorContent editor={editor} hidden={!rich} className="rich-editor" /> : null}
      {enhanced && editor ? (
        <ImageDialog
          open={imageOpen}
          upload={upload}
          onClose={() => setImageOpen(false)}
          onInsert={(image) => {
            setImageOpen(false);
            editor.chain().focus().setImage({ src: image.src, alt: image.alt, width: image.width, height: image.height }).run();
          }}
        />
      ) : null}
    </div>
  );
}

function nextFootnoteLabel(editor: Editor): string {
  let highest = 0;
  editor.state.doc.descendants((node) => {
    if (node.type.name === "footnoteRef" || node.type.name === "footnoteDef") highest = Math.max(highest, Number.parseInt(String(node.attrs.label), 10) || 0);
  });
  return String(highest + 1);
}

function addFootnote(editor: Editor) {
  const label = nextFootnoteLabel(editor);
  editor.chain().focus().insertContent({ type: "footnoteRef", attrs: { label } }).run();
  const end = editor.state.doc.content.size;
  editor
    .chain()
    .insertContentAt(end, { type: "footnoteDef", attrs: { label } })
    .focus(editor.state.doc.content.size + 1)
    .run();
}

function addLink(editor: Editor) {
  const previous = String(editor.getAttributes("link").href ?? "");
  const href = window.prompt("Link address (https://…); empty removes the link", previous);
  if (href === null) return;
  if (href.trim() === "") editor.chain().focus().extendMarkRange("link").unsetLink().run();
  else editor.chain().focus().extendMarkRange("link").setLink({ href: href.trim() }).run();
}

function movePaywall(editor: Editor) {
  let at: number | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (node.type.name === "paywallMarker") at = pos;
  });
  const { $from } = editor.state.selection;
  // Between blocks, never inside one: after the top-level block that holds the cursor.
  const to = $from.depth > 0 ? $from.after(1) : $from.pos;
  const chain = editor.chain().focus().insertContentAt(to, { type: "paywallMarker" });
  // One marker only: placing it again moves it (the old one sits one further on if it came after).
  if (at !== null) {
    const old = at < to ? at : at + 1;
    chain.deleteRange({ from: old, to: old + 1 });
  }
  chain.run();
}

// Where a button's visible text is not in its title, the name starts with that text (WCAG 2.5.3).
const SPOKEN: Record<string, string> = { H2: "H2 heading", H3: "H3 subheading", "1. List": "1. List, numbered" };
const nameOf = (text: string, title: string) => SPOKEN[text] ?? title;

function Toolbar({ editor, label, source, paywall, onSource, onImage }: { editor: Editor | null; label: string; source: boolean; paywall: boolean; onSource: () => void; onImage: () => void }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e
        ? {
            h2: e.isActive("heading", { level: 2 }),
            h3: e.isActive("heading", { level: 3 }),
            bold: e.isActive("bold"),
            italic: e.isActive("italic"),
            bullet: e.isActive("bulletList"),
            ordered: e.isActive("orderedList"),
            quote: e.isActive("blockquote"),
            link: e.isActive("link"),
          }
        : null,
  });
  const off = source || !editor;
  const button = (key: string, text: string, title: string, run: (e: Editor) => void, pressed?: boolean) => (
    <button key={key} type="button" className="toolbar-button" title={title} aria-label={nameOf(text, title)} aria-pressed={pressed} disabled={off} onClick={() => editor && run(editor)}>
      {text}
    </button>
  );
  return (
    <div className="rich-toolbar" role="toolbar" aria-label={`${label} formatting`}>
      {button("h2", "H2", "Heading", (e) => e.chain().focus().toggleHeading({ level: 2 }).run(), active?.h2)}
      {button("h3", "H3", "Subheading", (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), active?.h3)}
      {button("b", "B", "Bold", (e) => e.chain().focus().toggleBold().run(), active?.bold)}
      {button("i", "I", "Italic", (e) => e.chain().focus().toggleItalic().run(), active?.italic)}
      {button("ul", "• List", "Bulleted list", (e) => e.chain().focus().toggleBulletList().run(), active?.bullet)}
      {button("ol", "1. List", "Numbered list", (e) => e.chain().focus().toggleOrderedList().run(), active?.ordered)}
      {button("q", "“ Quote", "Quote", (e) => e.chain().focus().toggleBlockquote().run(), active?.quote)}
      {button("a", "Link", "Link", addLink, active?.link)}
      {button("img", "Image", "Insert image", onImage)}
      {button("fn", "Footnote", "Insert footnote", addFootnote)}
      {paywall ? button("pw", "Paywall", "Place the paywall here", movePaywall) : null}
      <button type="button" className="toolbar-button toolbar-source" aria-pressed={source} onClick={onSource}>
        Markdown
      </button>
    </div>
  );
}
