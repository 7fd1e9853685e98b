"use client";

import { useActionState } from "react";
import { useFullNavigation } from "./use-full-navigation";
import { usePublication } from "./publication-context";
import type { FormAction, SignInState } from "@/lib/actions/form-state";

export function ConfirmSignIn({ action, id }: { action: FormAction<SignInState>; id: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const leaving = useFullNavigation(state.navigateTo);
  const { name } = usePublication();
  return (
    <form className="form" action={formAction}>
      <input type="hidden" name="id" value={id} />
      {state.error ? (
        <p className="notice error" role="alert">
          {state.error} <a href="/login">Request a new link</a>
        </p>
      ) : null}
      <div>
        <button className="button large" type="submit" disabled={pending || leaving}>
          {pending ? "Signing in…" : `Sign in to ${name}`}
        </button>
      </div>
    </form>
  );
}
