"use server";

import { z } from "zod";
import { submitAction } from "@/lib/actions/action";
import { deleteAccount, setWantsNewPieces } from "@/lib/auth/account";
import { signOut } from "@/lib/auth";
import { cancelCustomer } from "@/lib/billing/cancel";
import { withSessionFlash } from "@/lib/site";

const MailPreference = z.object({ newPieces: z.enum(["on", "off"]).catch("off") });

export const updateMailPreferenceAction = submitAction(
  { guard: "member", from: "/account", input: MailPreference, redirectTo: () => "/account?saved=mail" },
  ({ newPieces }, { viewer }) => setWantsNewPieces(viewer.userId, newPieces === "on"),
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
