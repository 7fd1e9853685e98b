import type { z } from "zod";
import type { FormState } from "./form-state";

/** A submitted form as a plain object for a zod schema: one value per name, or a list when the name repeats. */
export function formFields(form: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

/** The first thing a schema found wrong, in its own words. */
export const firstIssue = (error: z.ZodError, fallback = "Check the form and try again."): string => error.issues[0]?.message ?? fallback;

/** A schema's refusal as the form's answer: the first message for the form, and one per field. */
export function invalidState(error: z.ZodError): FormState {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" || typeof field === "number") fieldErrors[String(field)] ??= issue.message;
  }
  return { ok: false, error: firstIssue(error), fieldErrors };
}

/**
 * What lib entry points answer when they refuse: one message, or messages by field (with the
 * whole form's under "form").
 */
export type Refusal = { ok: false; error: string } | { ok: false; errors: Partial<Record<string, string>> };

export function refusalState(refusal: Extract<Refusal, { errors: unknown }>): FormState {
  const { form, ...fieldErrors } = refusal.errors;
  return { ok: false, error: form, fieldErrors };
}
