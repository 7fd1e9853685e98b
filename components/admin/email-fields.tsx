"use client";

import { useState } from "react";
import { firstSentence, PREHEADER_MAX, SUBJECT_MAX } from "@/lib/newsletter/mail-heading";

type Errors = Record<string, string | undefined>;

/**
 * The newsletter mail's subject and preheader in the piece editor. Empty fields fall back to the
 * headline and the teaser's first sentence, which the hints show, computed by the code the mail uses
 * (lib/newsletter/mail-heading.ts) from the live preview's sanitized teaser.
 */
export function EmailFields({
  initial,
  headline,
  teaserHtml,
  errors,
  onChange,
}: {
  initial: { emailSubject: string; emailPreheader: string };
  headline: string;
  /** The teaser through the site's sanitizer (the live preview's), or null before the first preview. */
  teaserHtml: string | null;
  errors: Errors;
  onChange?: () => void;
}) {
  const [subject, setSubject] = useState(initial.emailSubject);
  const [preheader, setPreheader] = useState(initial.emailPreheader);
  const defaultPreheader = teaserHtml === null ? null : firstSentence(teaserHtml);
  const describedBy = (name: string) => [`h-${name}`, errors[name] ? `e-${name}` : ""].filter(Boolean).join(" ");
  const fields = [
    { name: "emailSubject", label: "Email subject", value: subject, set: setSubject, max: SUBJECT_MAX, hint: "Left empty: the headline.", fallback: headline.trim() },
    { name: "emailPreheader", label: "Preheader", value: preheader, set: setPreheader, max: PREHEADER_MAX, hint: "The line inboxes show after the subject. Left empty: the teaser’s first sentence.", fallback: defaultPreheader ?? "" },
  ];
  return (
    <fieldset className="editor-source">
      <legend>The newsletter mail</legend>
      {fields.map((f) => (
        <div className="editor-field" key={f.name}>
          <label htmlFor={`f-${f.name}`}>{f.label}</label>
          <span className="field-hint" id={`h-${f.name}`}>
            {f.hint}
          </span>
          <input
            id={`f-${f.name}`}
            name={f.name}
            type="text"
            maxLength={f.max}
            value={f.value}
            placeholder={f.fallback || undefined}
            onChange={(ev) => {
              f.set(ev.target.value);
              onChange?.();
            }}
            aria-describedby={describedBy(f.name)}
            aria-invalid={errors[f.name] ? true : undefined}
          />
          {errors[f.name] ? (
            <span className="field-error" id={`e-${f.name}`} role="alert">
              {errors[f.name]}
            </span>
          ) : null}
        </div>
      ))}
    </fieldset>
  );
}
