"use client";

import { useActionState, useId } from "react";
import type { FormAction } from "@/lib/actions/form-state";
import { InlineOutcome } from "@/components/ui/form-outcome";

/** A category's name and description: a new one, or an existing one renamed or described. */
export function CategoryForm({
  action,
  id,
  name,
  description,
  submitLabel,
  pendingLabel,
}: {
  action: FormAction;
  id?: string;
  name?: string;
  description?: string;
  submitLabel: string;
  pendingLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const key = useId();
  const about = name ? ` of ${name}` : "";
  return (
    <form className="category-form" action={formAction} noValidate>
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <label htmlFor={`${key}-name`}>{name ? `Name${about}` : "Name"}</label>
      <input id={`${key}-name`} name="name" defaultValue={name} required maxLength={40} aria-invalid={state.error ? true : undefined} aria-describedby={state.error ? `${key}-error` : undefined} />
      <label htmlFor={`${key}-description`}>{name ? `Description${about}` : "Description"}</label>
      <textarea id={`${key}-description`} name="description" defaultValue={description} maxLength={300} rows={2} />
      <div className="category-form-actions">
        <button className="button secondary small" type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
        <InlineOutcome state={state} errorId={`${key}-error`} />
      </div>
    </form>
  );
}

/** Merges one category into another the admin chooses, after a confirmation naming both. */
export function CategoryMergeForm({ action, id, name, others }: { action: FormAction; id: string; name: string; others: { id: string; name: string }[] }) {
  const [state, formAction, pending] = useActionState(action, {});
  const key = useId();
  return (
    <form
      className="category-form"
      action={formAction}
      onSubmit={(e) => {
        const into = new FormData(e.currentTarget).get("into");
        const target = others.find((o) => o.id === into)?.name ?? "the chosen category";
        if (!window.confirm(`Merge “${name}” into “${target}”? Its pieces move there and “${name}” is removed; its address redirects.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <label htmlFor={`${key}-into`}>Merge {name} into</label>
      <select id={`${key}-into`} name="into" required defaultValue="">
        <option value="" disabled>
          Choose a category
        </option>
        {others.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <div className="category-form-actions">
        <button className="button secondary small" type="submit" disabled={pending || others.length === 0}>
          {pending ? "Merging…" : "Merge"}
        </button>
        <InlineOutcome state={state} />
      </div>
    </form>
  );
}
