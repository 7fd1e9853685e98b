"use client";

import { useActionState } from "react";
import { useFullNavigation } from "./use-full-navigation";
import type { FormAction, SignInState } from "@/lib/actions/form-state";

export function CodeForm({ action, email }: { action: FormAction<SignInState>; email: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const leaving = useFullNavigation(state.navigateTo);
  return (
    <form className="form" action={formAction} noValidate>
      <input type="hidden" name="email" value={email} />
      <label>
        Code
        <span className="field-hint">The 6-digit code in the email</span>
        <input
          type="text"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          required
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "code-error" : undefined}
        />
      </label>
      {state.error ? (
        <p id="code-error" className="notice error" role="alert">
          {state.error}
        </p>
      ) : null}
      <div>
        <button className="button" type="submit" disabled={pending || leaving}>
          {pending ? "Checking…" : "Sign in with code"}
        </button>
      </div>
    </form>
  );
}
