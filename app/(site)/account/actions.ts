"use server";

import { z } from "zod";
import { submitAction } from "@/lib/actions/action";
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
