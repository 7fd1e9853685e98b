"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { AddTermInput, RenameTermInput, RetireTermInput, addTerm, renameTerm, retireTerm } from "@/lib/risk/taxonomy-admin";

// Admins only; the lib calls check the role again, write the audit line and drop the cached pages.
const FROM = "/admin/taxonomy";

export const addTermAction = formAction({ guard: "admin", from: FROM, input: AddTermInput }, async (input, { viewer }) => {
  const result = await addTerm(viewer, input);
  if (result.ok) revalidatePath(FROM);
  return result;
});

export const renameTermAction = formAction({ guard: "admin", from: FROM, input: RenameTermInput }, async (input, { viewer }) => {
  const result = await renameTerm(viewer, input);
  if (result.ok) revalidatePath(FROM);
  return result;
});

export const retireTermAction = formAction({ guard: "admin", from: FROM, input: RetireTermInput }, async (input, { viewer }) => {
  const result = await retireTerm(viewer, input);
  if (result.ok) revalidatePath(FROM);
  return result;
});
