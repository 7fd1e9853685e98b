"use client";

import { useState } from "react";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import type { MailAudience } from "@/db/schema";
import type { AudienceCounts } from "@/lib/newsletter/audience";
import { formatNumber } from "@/lib/format";

export const AUDIENCE_LABELS: Record<MailAudience, string> = {
  everyone: "Everyone",
  paid: "Paid subscribers only",
  none: "No email",
};

/** The sentence the editor confirms: who gets which mail, with the counts of the audience as it stands now. */
export function audienceSentence(choice: MailAudience, counts: AudienceCounts | null): string {
  if (choice === "none") return "Publish without emailing anyone?";
  if (!counts) return "Counting the audience…";
  const full = `${formatNumber(counts.full)} ${counts.full === 1 ? "reader" : "readers"} with full access the full piece`;
  if (choice === "paid") return `Email ${full}, and nobody else?`;
  return `Email ${full} and ${formatNumber(counts.teaser)} free ${counts.teaser === 1 ? "member" : "members"} the teaser?`;
}

/**
 * The form's own audience choice: the only one without JavaScript, where the server refuses to
 * publish until one is ticked. With JavaScript the confirmation dialog fills it in and it is hidden.
 */
export function MailChoiceFieldset({ value, hidden, error, onChange }: { value: MailAudience | ""; hidden: boolean; error?: string | undefined; onChange: (v: MailAudience) => void }) {
  return (
    <fieldset className="mail-choice" hidden={hidden} aria-describedby={error ? "e-mailAudience" : undefined}>
      <legend>Email when it publishes</legend>
      {(Object.keys(AUDIENCE_LABELS) as MailAudience[]).map((a) => (
        <label key={a} className="checkbox">
          <input type="radio" name="mailAudience" value={a} checked={value === a} onChange={() => onChange(a)} /> {AUDIENCE_LABELS[a]}
        </label>
      ))}
      {error ? (
        <span className="field-error" id="e-mailAudience" role="alert">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}

/** "Publish & email N readers?": states the audience, offers everyone / paid only / no email. */
export function MailConfirmDialog({
  open,
  intent,
  initial,
  counts,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  intent: "publish" | "schedule";
  initial: MailAudience;
  counts: { everyone: AudienceCounts; paid: AudienceCounts } | null;
  onConfirm: (choice: MailAudience) => void;
  onCancel: () => void;
}) {
  const [choice, setChoice] = useState<MailAudience>(initial);
  const ref = useModalDialog(open, () => setChoice(initial));
  const verb = intent === "publish" ? "Publish" : "Schedule";
  const counted = choice === "none" ? null : (counts?.[choice] ?? null);
  return (
    <dialog ref={ref} className="mail-dialog" aria-labelledby="mail-dialog-title" onCancel={onCancel} data-testid="mail-dialog">
      <form
        method="dialog"
        onSubmit={(ev) => {
          ev.preventDefault();
          onConfirm(choice);
        }}
      >
        <h2 id="mail-dialog-title">{verb} and email?</h2>
        <fieldset>
          <legend>Who gets it by email</legend>
          {(Object.keys(AUDIENCE_LABELS) as MailAudience[]).map((a) => (
            <label key={a} className="checkbox">
              <input type="radio" name="dialogAudience" value={a} checked={choice === a} onChange={() => setChoice(a)} /> {AUDIENCE_LABELS[a]}
            </label>
          ))}
        </fieldset>
        <p className="mail-dialog-sentence" role="status" data-testid="mail-dialog-sentence">
          {choice === "none" ? `${verb} without emailing anyone?` : audienceSentence(choice, counted)}
        </p>
        <div className="toolbar">
          <button className="button" type="submit" disabled={choice !== "none" && counted === null}>
            {choice === "none" ? verb : `${verb} and email`}
          </button>
          <button className="button secondary" type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
