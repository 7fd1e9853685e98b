"use client";

import { useKeptForm } from "@/components/ui/use-kept-form";
import Link from "next/link";
import type { CancelState, FormAction } from "@/lib/actions/form-state";
import { CANCELLATION_FEEDBACK, FEEDBACK_WORDS } from "@/lib/billing/cancellation-reasons";

/** Asks why, then (when the server has one to make) the retention offer, before the cancellation itself. */
export function CancelForm({ action, endsOn }: { action: FormAction<CancelState>; endsOn: string | null }) {
  const { state, pending, formProps } = useKeptForm(action, {});
  if (state.offer) {
    return (
      <form className="form cancel-offer" {...formProps}>
        <input type="hidden" name="feedback" value={state.feedback ?? ""} />
        <input type="hidden" name="comment" value={state.comment ?? ""} />
        <h2 id="offer-title">Before you go</h2>
        <p>We’d like to keep you reading. You can stay for {state.offer}.</p>
        {state.error ? (
          <p className="notice error" role="alert">
            {state.error}
          </p>
        ) : null}
        <div className="cancel-actions">
          <button className="button large" type="submit" name="choice" value="accept" disabled={pending}>
            Stay for {state.offer}
          </button>
          <button className="button secondary" type="submit" name="choice" value="decline" disabled={pending}>
            No thanks, cancel my subscription
          </button>
        </div>
      </form>
    );
  }
  const fieldError = state.fieldErrors?.feedback;
  return (
    <form className="form cancel-form" {...formProps}>
      <input type="hidden" name="choice" value="continue" />
      <fieldset className="cancel-reasons" aria-describedby={fieldError ? "feedback-error" : undefined}>
        <legend>Why are you cancelling?</legend>
        {CANCELLATION_FEEDBACK.map((reason) => (
          <label key={reason} className="checkbox">
            <input type="radio" name="feedback" value={reason} required defaultChecked={state.feedback === reason} /> {FEEDBACK_WORDS[reason]}
          </label>
        ))}
      </fieldset>
      {fieldError ? (
        <p id="feedback-error" className="field-error" role="alert">
          {fieldError}
        </p>
      ) : null}
      <label>
        Anything you’d like to tell us? <span className="field-hint">(optional)</span>
        <textarea name="comment" maxLength={1000} rows={4} defaultValue={state.comment} />
      </label>
      {state.error && !fieldError ? (
        <p className="notice error" role="alert">
          {state.error}
        </p>
      ) : null}
      <p className="meta">{endsOn ? `You keep reading until ${endsOn}; nothing more is charged.` : "Nothing more is charged."}</p>
      <div className="cancel-actions">
        <button className="button" type="submit" disabled={pending}>
          {pending ? "One moment…" : "Continue"}
        </button>
        <Link className="button secondary" href="/account">
          Keep my subscription
        </Link>
      </div>
    </form>
  );
}
