"use client";

import { useActionState, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { flushSync } from "react-dom";
import type { AutosaveState, FormAction, FormState, UploadState } from "@/lib/actions/form-state";
import { useAutosave } from "./use-autosave";
import { joinAtPaywall, OneText } from "@/lib/pieces/paywall";
import { RichMarkdownField } from "./rich-editor/rich-markdown-field";
import type { EditorValues, PreviewHtml } from "@/lib/publishing/editor-values";
import { slugify } from "@/lib/publishing/slug";
import { PiecePreview } from "./piece-preview";
import { usePublication } from "@/components/site/publication-context";
import { AssessmentFields } from "./assessment-fields";
import { EmailFields } from "./email-fields";
import type { AssessmentState } from "@/lib/risk/editor-state";
import type { TagKind } from "@/lib/risk/scale";
import type { MailAudience } from "@/db/schema";
import type { AudienceCounts } from "@/lib/newsletter/audience";
import { MailChoiceFieldset, MailConfirmDialog } from "./mail-choice";

/** Issue 14: the send confirmation's default and counts, and who may sign the piece. */
export interface EditorNewsroom {
  defaultAudience: MailAudience;
  countAudience: (input: { visibility: EditorValues["visibility"] }) => Promise<{ everyone: AudienceCounts; paid: AudienceCounts }>;
  authors: { userId: string; label: string }[];
}

/** Issue 12: the risk assessment's initial state and the managed lists it picks from. */
export interface EditorRisk {
  initial: AssessmentState;
  options: { vectors: { slug: string; name: string }[]; tags: { id: string; kind: TagKind; name: string }[] };
}

const noSubscription = () => () => {};

function toLocalInput(iso: string): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function Field({ label, name, error, children, hint }: { label: string; name: string; error?: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className="editor-field">
      <label htmlFor={`f-${name}`} id={`l-${name}`}>
        {label}
      </label>
      {hint ? <span className="field-hint" id={`h-${name}`}>{hint}</span> : null}
      {children}
      {error ? (
        <span className="field-error" id={`e-${name}`} role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function PieceEditor({
  initial,
  categories,
  risk,
  newsroom,
  save,
  autosave,
  upload,
  renderPreview,
}: {
  initial: EditorValues;
  categories: string[];
  risk?: EditorRisk;
  newsroom: EditorNewsroom;
  save: FormAction;
  /** A saved piece's autosave (a new piece has nothing to save onto until its first Save). */
  autosave?: FormAction<AutosaveState>;
  upload: FormAction<UploadState>;
  renderPreview: (input: { teaser: string; analysis: string }) => Promise<PreviewHtml>;
}) {
  const [state, action, pending] = useActionState(save, {});
  // React resets the form after each action; a controlled <select> is not put back (its default is
  // not kept in sync, unlike an input's), so each answer remounts the selects with the chosen values.
  const [answered, setAnswered] = useState<FormState>(state);
  const [round, setRound] = useState(0);
  if (answered !== state) {
    setAnswered(state);
    setRound(round + 1);
  }
  const [v, setV] = useState(initial);
  const [slugTouched, setSlugTouched] = useState(initial.slug !== "");
  const [dirty, setDirty] = useState(false);
  const [preview, setPreview] = useState<PreviewHtml | null>(null);
  const [publishAtLocal, setPublishAtLocal] = useState(toLocalInput(initial.publishAt));
  const submitting = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  // After hydration the confirmation dialog asks; before it (or without JavaScript) the form's own radios do.
  const enhanced = useSyncExternalStore(noSubscription, () => true, () => false);
  const [asking, setAsking] = useState<"publish" | "schedule" | null>(null);
  const [counts, setCounts] = useState<{ everyone: AudienceCounts; paid: AudienceCounts } | null>(null);
  const willMail = v.status !== "published";
  const e = state.fieldErrors ?? {};
  const { joinLabel } = usePublication();
  // One text with a movable paywall marker instead of the two fields (lib/pieces/paywall splits it on save).
  const [oneText, setOneText] = useState<string | null>(null);
  const [layoutError, setLayoutError] = useState<string | null>(null);
  const auto = useAutosave({ formRef, action: v.id ? autosave : undefined, initialVersion: initial.version, submitting, onSaved: (kept) => kept === "draft" && setDirty(false) });
  const markDirty = () => {
    setDirty(true);
    auto.changed();
  };

  useEffect(() => {
    const onUnload = (ev: BeforeUnloadEvent) => {
      if (dirty && !submitting.current) ev.preventDefault();
    };
    window.addEventListener("beforeunload", onUnload);
    return () => window.removeEventListener("beforeunload", onUnload);
  }, [dirty]);

  useEffect(() => {
    const t = setTimeout(() => {
      renderPreview({ teaser: v.teaser, analysis: v.analysis }).then(setPreview, () => setPreview(null));
    }, 350);
    return () => clearTimeout(t);
  }, [renderPreview, v.teaser, v.analysis]);

  useEffect(() => {
    if (state.error || state.fieldErrors) submitting.current = false;
  }, [state]);

  const ask = (intent: "publish" | "schedule") => {
    setCounts(null);
    setAsking(intent);
    newsroom.countAudience({ visibility: v.visibility }).then(setCounts, () => setCounts(null));
  };

  const set = <K extends keyof EditorValues>(key: K, value: EditorValues[K]) => {
    markDirty();
    setV((old) => {
      const next = { ...old, [key]: value };
      if (key === "headline" && !slugTouched) next.slug = slugify(String(value));
      return next;
    });
  };
  const describedBy = (name: string, hint = false) => [hint ? `h-${name}` : "", e[name] ? `e-${name}` : ""].filter(Boolean).join(" ") || undefined;
  const publishAtIso = publishAtLocal ? new Date(publishAtLocal).toISOString() : "";

  return (
    <div className="editor-grid">
      <form
        ref={formRef}
        className="form editor-form"
        action={action}
        onSubmit={(ev) => {
          const submitter = (ev.nativeEvent as SubmitEvent).submitter;
          const intent = submitter instanceof HTMLButtonElement ? submitter.value : "";
          if (enhanced && willMail && (intent === "publish" || intent === "schedule") && asking === null && v.mailAudience === "") {
            ev.preventDefault();
            ask(intent);
            return;
          }
          submitting.current = true;
          setDirty(false);
        }}
      >
        <input type="hidden" name="id" value={v.id ?? ""} />
        <input type="hidden" name="version" value={auto.version} />
        <input type="hidden" name="publishAt" value={publishAtIso} />
        {state.error ? (
          <p className="notice error" role="alert">
            {state.error}
          </p>
        ) : null}
        {Object.keys(e).length > 0 && !state.error ? (
          <p className="notice error" role="alert">
            Nothing was saved: fix the fields marked below.
          </p>
        ) : null}
        <Field label="Headline" name="headline" error={e.headline}>
          <input id="f-headline" name="headline" type="text" required maxLength={200} value={v.headline} onChange={(ev) => set("headline", ev.target.value)} aria-describedby={describedBy("headline")} aria-invalid={e.headline ? true : undefined} />
        </Field>
        <Field label="Slug" name="slug" error={e.slug} hint="Made from the headline; the address is /p/slug.">
          <input
            id="f-slug"
            name="slug"
            type="text"
            maxLength={80}
            value={v.slug}
            onChange={(ev) => {
              setSlugTouched(true);
              set("slug", ev.target.value);
            }}
            aria-describedby={describedBy("slug", true)}
            aria-invalid={e.slug ? true : undefined}
          />
        </Field>
        <Field label="Category" name="category" error={e.category} hint="From the managed list; admins add, rename and merge categories under Categories.">
          <select key={`category-${round}`} id="f-category" name="category" required value={v.category} onChange={(ev) => set("category", ev.target.value)} aria-describedby={describedBy("category", true)} aria-invalid={e.category ? true : undefined}>
            <option value="" disabled>
              {categories.length === 0 ? "No category yet: an admin adds them under Categories" : "Choose a category"}
            </option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
        {enhanced ? (
          <fieldset className="editor-layout">
            <legend>Layout</legend>
            <label>
              <input type="radio" name="layout" value="two" checked={oneText === null} onChange={() => {
                const split = OneText.safeParse(oneText ?? "");
                if (!split.success) {
                  setLayoutError(split.error.issues[0]?.message ?? "Place the paywall marker first.");
                  return;
                }
                setLayoutError(null);
                setOneText(null);
                set("teaser", split.data.teaser);
                set("analysis", split.data.analysis);
              }} /> Teaser and analysis
            </label>
            <label>
              <input type="radio" name="layout" value="one" checked={oneText !== null} onChange={() => {
                setLayoutError(null);
                setOneText(joinAtPaywall(v.teaser, v.analysis));
              }} /> One text with a paywall marker
            </label>
            {layoutError ? <span className="field-error" role="alert">{layoutError}</span> : null}
          </fieldset>
        ) : null}
        {oneText !== null ? (
          <Field label="Text" name="body" error={e.body} hint="Above the paywall marker: the public teaser. Below: the analysis, gated by Visibility. Place the marker with the Paywall button.">
            <RichMarkdownField
              name="body"
              label="Text"
              rows={20}
              paywall
              upload={upload}
              value={oneText}
              describedBy={describedBy("body", true)}
              invalid={Boolean(e.body)}
              onChange={(text) => {
                markDirty();
                setOneText(text);
                const split = OneText.safeParse(text);
                if (split.success) setV((old) => ({ ...old, teaser: split.data.teaser, analysis: split.data.analysis }));
              }}
            />
          </Field>
        ) : (
          <>
            <Field label="Teaser" name="teaser" error={e.teaser} hint="Public. Markdown (the Markdown button shows it): **bold**, *italics*, [links](https://…), lists, > quotes, ## subheadings, footnotes[^1].">
              <RichMarkdownField name="teaser" label="Teaser" rows={5} upload={upload} value={v.teaser} onChange={(text) => set("teaser", text)} describedBy={describedBy("teaser", true)} invalid={Boolean(e.teaser)} />
            </Field>
            <Field label="Full analysis" name="analysis" error={e.analysis} hint="Gated by Visibility. Markdown.">
              <RichMarkdownField name="analysis" label="Full analysis" rows={14} upload={upload} value={v.analysis} onChange={(text) => set("analysis", text)} describedBy={describedBy("analysis", true)} invalid={Boolean(e.analysis)} />
            </Field>
          </>
        )}
        <Field label="Call to action" name="ctaPitch" error={e.ctaPitch} hint={`The pitch line above the “${joinLabel}” button.`}>
          <input id="f-ctaPitch" name="ctaPitch" type="text" required maxLength={300} value={v.ctaPitch} onChange={(ev) => set("ctaPitch", ev.target.value)} aria-describedby={describedBy("ctaPitch", true)} />
        </Field>
        <Field label="Visibility" name="visibility" error={e.visibility}>
          <select key={`visibility-${round}`} id="f-visibility" name="visibility" value={v.visibility} onChange={(ev) => set("visibility", ev.target.value as EditorValues["visibility"])}>
            <option value="public">Public</option>
            <option value="members">Members</option>
            <option value="paid">Paid</option>
          </select>
        </Field>
        <EmailFields initial={initial} headline={v.headline} teaserHtml={preview?.teaserHtml ?? null} errors={e} onChange={markDirty} />
        <fieldset className="editor-source">
          <legend>The source report</legend>
          <Field label="Source outlet" name="sourceOutlet" error={e.sourceOutlet}>
            <input id="f-sourceOutlet" name="sourceOutlet" type="text" maxLength={120} value={v.sourceOutlet} onChange={(ev) => set("sourceOutlet", ev.target.value)} />
          </Field>
          <Field label="Source headline" name="sourceHeadline" error={e.sourceHeadline}>
            <input id="f-sourceHeadline" name="sourceHeadline" type="text" maxLength={300} value={v.sourceHeadline} onChange={(ev) => set("sourceHeadline", ev.target.value)} />
          </Field>
          <Field label="Source link" name="sourceUrl" error={e.sourceUrl}>
            <input id="f-sourceUrl" name="sourceUrl" type="url" maxLength={2000} value={v.sourceUrl} onChange={(ev) => set("sourceUrl", ev.target.value)} />
          </Field>
          <Field label="Source published" name="sourcePublishedAt" error={e.sourcePublishedAt}>
            <input id="f-sourcePublishedAt" name="sourcePublishedAt" type="date" value={v.sourcePublishedAt} onChange={(ev) => set("sourcePublishedAt", ev.target.value)} />
          </Field>
          <Field label="Source summary" name="sourceSummary" error={e.sourceSummary}>
            <textarea id="f-sourceSummary" name="sourceSummary" rows={4} maxLength={3000} value={v.sourceSummary} onChange={(ev) => set("sourceSummary", ev.target.value)} />
          </Field>
        </fieldset>
        {risk ? <AssessmentFields initial={risk.initial} options={risk.options} errors={e} onChange={markDirty} /> : null}
        <Field label="Author" name="authorId" error={e.authorId}>
          <select key={`author-${round}`} id="f-authorId" name="authorId" value={v.authorId} onChange={(ev) => set("authorId", ev.target.value)}>
            {v.authorId === "" ? <option value="">Choose the byline</option> : null}
            {newsroom.authors.map((a) => (
              <option key={a.userId} value={a.userId}>
                {a.label}
              </option>
            ))}
          </select>
        </Field>
        {willMail ? <MailChoiceFieldset value={v.mailAudience} hidden={enhanced} error={e.mailAudience} onChange={(a) => set("mailAudience", a)} /> : null}
        <Field label="Publish at" name="publishAt" error={e.publishAt} hint="For Schedule: your local time.">
          <input id="f-publishAt" type="datetime-local" step={1} value={publishAtLocal} onChange={(ev) => { markDirty(); setPublishAtLocal(ev.target.value); }} aria-describedby={describedBy("publishAt", true)} />
        </Field>
        <div className="editor-actions">
          <button className="button secondary" type="submit" name="intent" value="draft" disabled={pending || auto.inFlight}>
            Save draft
          </button>
          <button className="button" type="submit" name="intent" value="publish" disabled={pending || auto.inFlight}>
            Publish
          </button>
          <button className="button secondary" type="submit" name="intent" value="schedule" disabled={pending}>
            Schedule
          </button>
          {v.status !== "draft" ? (
            <button className="button secondary" type="submit" name="intent" value="unpublish" disabled={pending}>
              Unpublish
            </button>
          ) : null}
          {dirty && !auto.status ? <span className="meta" role="status">Unsaved changes</span> : null}
          <span className="meta" role="status" aria-live="polite" data-testid="autosave-status">
            {auto.status}
          </span>
        </div>
      </form>
      <PiecePreview values={v} html={preview} />
      <MailConfirmDialog
        open={asking !== null}
        intent={asking ?? "publish"}
        initial={newsroom.defaultAudience}
        counts={counts}
        onCancel={() => setAsking(null)}
        onConfirm={(choice) => {
          const intent = asking;
          // The chosen audience must be in the form before it is submitted.
          flushSync(() => {
            setAsking(null);
            set("mailAudience", choice);
          });
          const form = formRef.current;
          form?.requestSubmit(form.querySelector<HTMLButtonElement>(`button[name=intent][value=${intent ?? "publish"}]`));
        }}
      />
    </div>
  );
}
