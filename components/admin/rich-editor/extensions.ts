import { mergeAttributes, Node, type Extensions } from "@tiptap/core";
import Image from "@tiptap/extension-image";
import { Markdown } from "@tiptap/markdown";
import StarterKit from "@tiptap/starter-kit";
import { PAYWALL_MARKER } from "@/lib/pieces/paywall";

const LABEL = "[\\w-]{1,20}";

/** A footnote reference, `[^label]` in markdown (rendered by marked-footnote on the server). */
export const FootnoteRef = Node.create({
  name: "footnoteRef",
  group: "inline",
  inline: true,
  atom: true,
  addAttributes: () => ({ label: { default: "1" } }),
  parseHTML: () => [{ tag: "sup[data-footnote-ref]", getAttrs: (el) => ({ label: el.getAttribute("data-footnote-ref") ?? "1" }) }],
  renderHTML: ({ node, HTMLAttributes }) => ["sup", mergeAttributes(HTMLAttributes, { "data-footnote-ref": node.attrs.label, class: "editor-footnote-ref" }), `[${node.attrs.label}]`],
  markdownTokenizer: {
    name: "footnoteRef",
    level: "inline",
    start: (src) => src.indexOf("[^"),
    tokenize: (src) => {
      const m = new RegExp(`^\\[\\^(${LABEL})\\](?!:)`).exec(src);
      return m ? { type: "footnoteRef", raw: m[0], label: m[1] } : undefined;
    },
  },
  parseMarkdown: (token, helpers) => helpers.createNode("footnoteRef", { label: token.label }),
  renderMarkdown: (node) => `[^${String(node.attrs?.label ?? "1")}]`,
});

/** A footnote's text, `[^label]: text` in markdown: a paragraph that starts with its label. */
export const FootnoteDef = Node.create({
  name: "footnoteDef",
  group: "block",
  content: "inline*",
  addAttributes: () => ({ label: { default: "1" } }),
  parseHTML: () => [{ tag: "p[data-footnote-def]", getAttrs: (el) => ({ label: el.getAttribute("data-footnote-def") ?? "1" }) }],
  renderHTML: ({ node, HTMLAttributes }) => ["p", mergeAttributes(HTMLAttributes, { "data-footnote-def": node.attrs.label, class: "editor-footnote-def" }), 0],
  markdownTokenizer: {
    name: "footnoteDef",
    level: "block",
    start: (src) => src.search(new RegExp(`^\\[\\^${LABEL}\\]:`, "m")),
    tokenize: (src, _tokens, lexer) => {
      const m = new RegExp(`^\\[\\^(${LABEL})\\]:[ \\t]*([^\\n]*)(?:\\n|$)`).exec(src);
      return m ? { type: "footnoteDef", raw: m[0], label: m[1], tokens: lexer.inlineTokens(m[2] ?? "") } : undefined;
    },
  },
  parseMarkdown: (token, helpers) => helpers.createNode("footnoteDef", { label: token.label }, helpers.parseInline(token.tokens ?? [])),
  renderMarkdown: (node, helpers) => `[^${String(node.attrs?.label ?? "1")}]: ${helpers.renderChildren(node.content ?? [])}`,
});

/** The paywall: what is above it is the public teaser, what is below the gated analysis (lib/pieces/paywall). */
export const PaywallMarker = Node.create({
  name: "paywallMarker",
  group: "block",
  atom: true,
  draggable: true,
  parseHTML: () => [{ tag: "div[data-paywall]" }],
  renderHTML: ({ HTMLAttributes }) => ["div", mergeAttributes(HTMLAttributes, { "data-paywall": "", class: "editor-paywall", role: "separator", "aria-label": "Paywall" }), "— paywall —"],
  markdownTokenizer: {
    name: "paywallMarker",
    level: "block",
    start: (src) => src.indexOf(PAYWALL_MARKER),
    tokenize: (src) => (src.startsWith(PAYWALL_MARKER) ? { type: "paywallMarker", raw: /^.*(?:\n+|$)/.exec(src)?.[0] ?? PAYWALL_MARKER } : undefined),
  },
  parseMarkdown: (_token, helpers) => helpers.createNode("paywallMarker"),
  renderMarkdown: () => PAYWALL_MARKER,
});

/** The rich editor's schema: what the site's sanitizer lets through (lib/pieces/markdown), and nothing else. */
export function editorExtensions(options: { paywall: boolean }): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      link: { openOnClick: false, autolink: true, protocols: ["http", "https", "mailto"], defaultProtocol: "https" },
    }),
    Image.configure({ inline: false, allowBase64: false }),
    FootnoteRef,
    FootnoteDef,
    ...(options.paywall ? [PaywallMarker] : []),
    Markdown,
  ];
}
