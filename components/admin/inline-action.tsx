"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/actions/form-state";
import { InlineOutcome } from "@/components/ui/form-outcome";

/** A one-button form for a server action (revoke, demote) that shows the action's answer next to it. */
export function InlineAction({
  action,
  fields,
  label,
  accessibleLabel,
  pendingLabel,
  confirm,
}: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  /** A fuller name for the button when the row gives the visible label its context. */
  accessibleLabel?: string;
  pendingLabel: string;
  confirm?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form
      className="inline-action"
      action={formAction}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button className="button secondary small" type="submit" disabled={pending} aria-label={accessibleLabel}>
        {pending ? pendingLabel : label}
      </button>
      <InlineOutcome state={state} />
    </form>
  );
}
