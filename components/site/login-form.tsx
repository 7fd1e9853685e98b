"use client";

import { useActionState } from "react";
import type { FormAction, SignInState } from "@/lib/actions/form-state";

export function LoginForm({
  action,
  next,
  submitLabel = "Email me a sign-in link",
}: {
  action: FormAction<SignInState>;
  next: string;
  submitLabel?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form className="form" action={formAction} noValidate>
      <input type="hidden" name="next" value={next} />
      <label>
        Email
        <input
          type="email"
          name="email"
          autoComplete="email"
          required
          defaultValue={state.email}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "login-error" : undefined}
        />
      </label>
      {state.error ? (
        <p id="login-error" className="notice error" role="alert">
          {state.error}
        </p>
      ) : null}
      <div>
        <button className="button large" type="submit" disabled={pending}>
          {pending ? "Sending…" : submitLabel}
        </button>
      </div>
    </form>
  );
}
