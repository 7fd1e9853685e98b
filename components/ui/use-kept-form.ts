"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { FormAction, FormState } from "@/lib/actions/form-state";

/**
 * useActionState for a form that keeps what was typed. React resets a form once the function in its
 * `action` runs, which would throw away an entry the server refused; with JavaScript the submit goes
 * through a transition instead (no reset). Without JavaScript the browser posts the form as usual.
 */
export function useKeptForm<State extends FormState>(action: FormAction<State>, initial: Awaited<State>) {
  const [state, formAction, pending] = useActionState<State, FormData>(action, initial);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    if (e.defaultPrevented) return;
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(e.currentTarget, submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement ? submitter : null);
    startTransition(() => formAction(data));
  };
  return { state, pending, formProps: { action: formAction, onSubmit } };
}
