"use client";

import { useKeptForm } from "@/components/ui/use-kept-form";
import type { FormAction } from "@/lib/actions/form-state";
import { FormOutcome } from "@/components/ui/form-outcome";

export function GrantForm({ action, userId, minDate }: { action: FormAction; userId: string; minDate: string }) {
  const { state, pending, formProps } = useKeptForm(action, {});
  const untilError = state.fieldErrors?.until;
  const noteError = state.fieldErrors?.note;
  return (
    <form className="form" {...formProps} noValidate>
      <input type="hidden" name="userId" value={userId} />
      <label>
        Access until
        <input
          type="date"
          name="until"
          min={minDate}
          aria-invalid={untilError ? true : undefined}
          aria-describedby={untilError ? "until-hint until-error" : "until-hint"}
        />
      </label>
      <p className="field-hint" id="until-hint">
        Access lasts through the end of that day (UTC). Leave it empty for no end date.
      </p>
      {untilError ? (
        <p id="until-error" className="field-error" role="alert">
          {untilError}
        </p>
      ) : null}
      <label>
        Note
        <textarea
          name="note"
          rows={2}
          maxLength={500}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={noteError ? "note-error" : undefined}
        />
      </label>
      {noteError ? (
        <p id="note-error" className="field-error" role="alert">
          {noteError}
        </p>
      ) : null}
      <FormOutcome state={state} errorShownByField={Boolean(untilError ?? noteError)} />
      <div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Granting…" : "Grant complimentary access"}
        </button>
      </div>
    </form>
  );
}
