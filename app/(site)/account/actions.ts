"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { deleteAccount, setWantsNewPieces } from "@/lib/auth/account";
import { signOut } from "@/lib/auth";
import { requireMember } from "@/lib/auth/guards";
import { cancelCustomer } from "@/lib/billing/cancel";

export async function updateMailPreferenceAction(form: FormData): Promise<void> {
  const viewer = await requireMember("/account");
  const on = z.enum(["on", "off"]).catch("off").parse(form.get("newPieces"));
  await setWantsNewPieces(viewer.userId, on === "on");
  redirect("/account?saved=mail");
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

export async function deleteAccountAction(form: FormData): Promise<void> {
  const viewer = await requireMember("/account");
  if (form.get("confirm") !== "DELETE") redirect("/account?error=confirm");
  await deleteAccount(viewer.userId, cancelCustomer);
  await signOut({ redirectTo: "/?deleted=1" });
}
