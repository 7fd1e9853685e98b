"use client";

import { useActionState } from "react";
import type { FormAction, FormState } from "@/lib/actions/form-state";

export interface GiftOption {
  months: number;
  label: string;
  price: string;
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span id={id} className="field-error">
      {message}
    </span>
  ) : null;
}

export function GiftForm({
  action,
  options,
  today,
  latest,
  messageMax,
}: {
  action: FormAction<FormState>;
  options: GiftOption[];
  today: string;
  latest: string;
  messageMax: number;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const err = state.fieldErrors ?? {};
  const invalid = (name: string) => (err[name] ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {});
  return (
    <form className="form" action={formAction} noValidate>
      {state.error ? (
        <p className="notice error" role="alert">
          {state.error}
        </p>
      ) : null}
      <fieldset {...invalid("months")}>
        <legend>How long</legend>
        {options.map((o, i) => (
          <label key={o.months} className="choice">
            <input type="radio" name="months" value={o.months} defaultChecked={i === 0} /> {o.label}: {o.price}
          </label>
        ))}
        <FieldError id="months-error" message={err.months} />
      </fieldset>
      <label>
        Recipient’s email
        <input type="email" name="recipientEmail" autoComplete="off" required {...invalid("recipientEmail")} />
        <FieldError id="recipientEmail-error" message={err.recipientEmail} />
      </label>
      <label>
        Deliver on
        <input type="date" name="deliverOn" required min={today} max={latest} defaultValue={today} {...invalid("deliverOn")} />
        <FieldError id="deliverOn-error" message={err.deliverOn} />
      </label>
      <label>
        Message (optional)
        <textarea name="message" rows={3} maxLength={messageMax} {...invalid("message")} />
        <FieldError id="message-error" message={err.message} />
      </label>
      <div>
        <button className="button large" type="submit" disabled={pending}>
          {pending ? "Opening checkout…" : "Continue to payment"}
        </button>
      </div>
    </form>
  );
}
