"use server";

import { z } from "zod";
import { formAction, submitAction } from "@/lib/actions/action";
import type { CancelState } from "@/lib/actions/form-state";
import { CancelInput, cancelWithReason } from "@/lib/billing/retention";
import { redirect } from "next/navigation";
import { deleteAccount } from "@/lib/auth/account";
import { db } from "@/lib/db";
import { setMailPreference } from "@/lib/newsletter/preferences";
import { follow, FollowInput, unfollow, type FollowResult } from "@/lib/risk/follows";
import { pieceHref } from "@/lib/site";
import { signOut } from "@/lib/auth";
import { cancelCustomer } from "@/lib/billing/cancel";
import { withSessionFlash } from "@/lib/site";

const Switch = z.enum(["on", "off"]).catch("off");
const MailPreference = z.object({ newPieces: Switch, alerts: Switch });

export const updateMailPreferenceAction = submitAction(
  { guard: "member", from: "/account", input: MailPreference, redirectTo: () => "/account?saved=mail" },
  async ({ newPieces, alerts }, { viewer }) => {
    const d = await db();
    await d.transaction(async (tx) => {
      await setMailPreference(tx, viewer.userId, "pieces", newPieces === "on");
      await setMailPreference(tx, viewer.userId, "alerts", alerts === "on");
    });
  },
);

/** Follow buttons live on /account and on a piece's risk card; `back` (a piece's slug) sends the reader back to the piece. */
const FollowForm = FollowInput.extend({ back: z.string().regex(/^[a-z0-9-]{1,120}$/).optional() });

const backTo = (input: z.output<typeof FollowForm>): string => (input.back ? pieceHref(input.back) : "/account");

const afterFollow = (input: z.output<typeof FollowForm>, result: FollowResult): string =>
  input.back ? pieceHref(input.back) : result.ok ? "/account?saved=follows" : "/account?error=follow";

export const followAction = submitAction<"member", typeof FollowForm, FollowResult>(
  { guard: "member", from: backTo, input: FollowForm, invalid: "/account?error=follow", redirectTo: afterFollow },
  ({ kind, target }, { viewer }) => follow(viewer.userId, { kind, target }),
);

export const unfollowAction = submitAction<"member", typeof FollowForm, FollowResult>(
  { guard: "member", from: backTo, input: FollowForm, invalid: "/account?error=follow", redirectTo: afterFollow },
  ({ kind, target }, { viewer }) => unfollow(viewer.userId, { kind, target }),
);

export const signOutAction = submitAction({ guard: "anyone", from: "/", input: z.object({}) }, () => signOut({ redirectTo: withSessionFlash("/", "signed-out") }));

const DeleteConfirmation = z.object({ confirm: z.literal("DELETE") });

export const deleteAccountAction = submitAction(
  { guard: "member", from: "/account", input: DeleteConfirmation, invalid: "/account?error=confirm" },
  async (_confirmed, { viewer }) => {
    await deleteAccount(viewer.userId, cancelCustomer);
    await signOut({ redirectTo: withSessionFlash("/", "deleted") });
  },
);

/** The reason first, then the retention offer once (if configured), then Stripe: lib/billing/retention.ts (audited there). */
export const cancelSubscriptionAction = formAction({ guard: "member", from: "/account/cancel", input: CancelInput }, async (input, { viewer }): Promise<CancelState> => {
  const step = await cancelWithReason({ userId: viewer.userId, email: viewer.email }, input);
  if (!step.ok) return { ok: false, error: step.error, feedback: input.feedback, comment: input.comment };
  if (step.step === "offer") return { ok: true, offer: step.offer, feedback: input.feedback, comment: input.comment };
  redirect(`/account?saved=${step.outcome}`);
});
