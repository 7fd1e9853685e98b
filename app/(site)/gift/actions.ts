"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/action";
import type { FormState } from "@/lib/actions/form-state";
import { currentViewer } from "@/lib/auth/viewer";
import { startGiftCheckout } from "@/lib/gifts/checkout";
import { giftFormSchema } from "@/lib/gifts/input";
import { redeemGift } from "@/lib/gifts/redeem";

const GiftInput = z.lazy(() => giftFormSchema());

/** Anyone may buy a gift; Checkout collects the buyer's email when nobody is signed in. */
export const buyGiftAction = formAction({ guard: "anyone", from: "/gift", input: GiftInput }, async (input): Promise<FormState> => {
  const viewer = await currentViewer();
  const url = await startGiftCheckout(input, viewer.kind === "member" ? { userId: viewer.userId, email: viewer.email } : null);
  redirect(url);
});

const RedeemInput = z.object({ token: z.string().min(1).max(100) });

/** Sign-in comes back to the redeem page of this token. */
export const redeemGiftAction = formAction(
  { guard: "member", from: ({ token }) => `/gift/redeem/${encodeURIComponent(token)}`, input: RedeemInput },
  async ({ token }, { viewer }) => {
    const result = await redeemGift(viewer.userId, token);
    if (!result.ok) return result;
    redirect(`/gift/redeem/${encodeURIComponent(token)}`);
  },
);
