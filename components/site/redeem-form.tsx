"use client";

import { useActionState } from "react";
import type { FormAction, FormState } from "@/lib/actions/form-state";

export function RedeemForm({ action, token, label }: { action: FormAction<FormState>; token: string; label: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form className="form" action={formAction}>
      <input type="hidden" name="token" value={token} />
      {state.error ? (
        <p className="notice error" role="alert">
          {state.error}
        </p>
      ) : null}
      <div>
        <button className="button large" type="submit" disabled={pending}>
          {pending ? "Redeeming…" : label}
        </button>
      </div>
    </form>
  );
}
