import type { FormState } from "@/lib/actions/form-state";

/** The answer of a useActionState form: its error (unless a field shows it) and its success message. */
export function FormOutcome({ state, errorShownByField = false, errorId }: { state: FormState; errorShownByField?: boolean; errorId?: string }) {
  return (
    <>
      {state.error && !errorShownByField ? (
        <p id={errorId} className="notice error" role="alert">
          {state.error}
        </p>
      ) : null}
      {state.ok && state.message ? (
        <p className="notice" role="status">
          {state.message}
        </p>
      ) : null}
    </>
  );
}

/** A text field with its label and its own error, tied together for screen readers. */
export function TextField({
  name,
  label,
  error,
  ...input
}: {
  name: string;
  label: string;
  error: string | undefined;
  value?: string;
  onChange?: (e: { target: { value: string } }) => void;
  placeholder?: string;
}) {
  const errorId = `${name}-error`;
  return (
    <>
      <label>
        {label}
        <input type="text" name={name} autoComplete="off" aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} {...input} />
      </label>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** The answer of a one-line form (a button with a field or two), beside its button. */
export function InlineOutcome({ state, errorId }: { state: FormState; errorId?: string }) {
  return (
    <>
      {state.error ? (
        <span id={errorId} className="field-error" role="alert">
          {state.error}
        </span>
      ) : null}
      {state.ok && state.message ? <span role="status">{state.message}</span> : null}
    </>
  );
}
