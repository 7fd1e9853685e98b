"use client";

import { useKeptForm } from "@/components/ui/use-kept-form";
import type { MailAudience } from "@/db/schema";
import type { FormAction } from "@/lib/actions/form-state";
import { AUDIENCE_LABELS } from "./mail-choice";
import { FormOutcome } from "@/components/ui/form-outcome";

/** The admin's default for the publish confirmation's audience choice. */
export function DefaultAudienceForm({ action, initial }: { action: FormAction; initial: MailAudience }) {
  const { state, pending, formProps } = useKeptForm(action, {});
  return (
    <form className="form" {...formProps}>
      <fieldset className="mail-choice">
        <legend>When a piece is published, offer to email</legend>
        {(Object.keys(AUDIENCE_LABELS) as MailAudience[]).map((a) => (
          <label key={a} className="checkbox">
            <input type="radio" name="audience" value={a} defaultChecked={a === initial} /> {AUDIENCE_LABELS[a]}
          </label>
        ))}
      </fieldset>
      <FormOutcome state={state} />
      <div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save default"}
        </button>
      </div>
    </form>
  );
}
