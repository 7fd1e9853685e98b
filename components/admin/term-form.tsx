"use client";

import { useActionState, useId } from "react";
import type { FormAction } from "@/lib/actions/form-state";
import { InlineOutcome } from "@/components/ui/form-outcome";

/** Adds or renames a term of a managed list: one name field, with the action's answer beside it. */
export function TermForm({
  action,
  fields,
  label,
  submitLabel,
  pendingLabel,
  defaultName,
}: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  submitLabel: string;
  pendingLabel: string;
  defaultName?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const id = useId();
  return (
    <form className="inline-action term-form" action={formAction} noValidate>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input
        name="name"
        aria-label={label}
        defaultValue={defaultName}
        required
        maxLength={60}
        aria-invalid={state.error ? true : undefined}
        aria-describedby={state.error ? `${id}-error` : undefined}
      />
      <button className="button secondary small" type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
      <InlineOutcome state={state} errorId={`${id}-error`} />
    </form>
  );
}
