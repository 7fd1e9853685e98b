"use client";

import { useKeptForm } from "@/components/ui/use-kept-form";
import type { FormAction } from "@/lib/actions/form-state";
import { FormOutcome } from "@/components/ui/form-outcome";

export function PromoteForm({ action }: { action: FormAction }) {
  const { state, pending, formProps } = useKeptForm(action, {});
  return (
    <form className="form" {...formProps} noValidate>
      <label>
        Email
        <input
          type="email"
          name="email"
          autoComplete="off"
          required
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "promote-hint promote-error" : "promote-hint"}
        />
      </label>
      <p className="field-hint" id="promote-hint">
        The person needs an account (signed in once, or imported). They become an editor: they can write, publish and send pieces and manage
        subscribers.
      </p>
      <FormOutcome state={state} errorId="promote-error" />
      <div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Promoting…" : "Promote to editor"}
        </button>
      </div>
    </form>
  );
}
