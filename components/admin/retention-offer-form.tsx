"use client";

import { useState } from "react";
import { useKeptForm } from "@/components/ui/use-kept-form";
import type { FormAction } from "@/lib/actions/form-state";
import { FormOutcome, TextField } from "@/components/ui/form-outcome";

/** The Stripe coupon offered once to a reader who cancels, and the words of the offer ("Stay for …"). */
export function RetentionOfferForm({ action, initial }: { action: FormAction; initial: { couponId: string; description: string } | null }) {
  const { state, pending, formProps } = useKeptForm(action, {});
  // Kept here, not in the DOM: React resets a form after its action, which would wipe a refused entry.
  const [couponId, setCouponId] = useState(initial?.couponId ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const errors = state.fieldErrors ?? {};
  return (
    <form className="form" {...formProps} noValidate>
      <p className="meta">
        Readers who cancel from their account are offered this coupon once, after telling you why. Leave both fields empty to
        make no offer.
      </p>
      <TextField name="couponId" label="Stripe coupon id" error={errors.couponId} value={couponId} onChange={(e) => setCouponId(e.target.value)} />
      <TextField
        name="description"
        label="The offer, as the button ends it: “Stay for …”"
        error={errors.description}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        placeholder="half price for the next three months"
      />
      <FormOutcome state={state} errorShownByField={Boolean(errors.couponId ?? errors.description)} />
      <div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save offer"}
        </button>
      </div>
    </form>
  );
}
