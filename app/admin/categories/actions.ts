"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { CreateCategoryInput, EditCategoryInput, MergeCategoryInput, addCategory, editCategory, mergeCategories } from "@/lib/categories/admin";

// Admins only; the lib calls check the role again, write the audit line and drop the cached pages.
const FROM = "/admin/categories";

export const addCategoryAction = formAction({ guard: "admin", from: FROM, input: CreateCategoryInput }, async (input, { viewer }) => {
  const result = await addCategory(viewer, input);
  if (result.ok) revalidatePath(FROM);
  return result;
});

export const editCategoryAction = formAction({ guard: "admin", from: FROM, input: EditCategoryInput }, async (input, { viewer }) => {
  const result = await editCategory(viewer, input);
  if (result.ok) revalidatePath(FROM);
  return result;
});

export const mergeCategoryAction = formAction({ guard: "admin", from: FROM, input: MergeCategoryInput }, async (input, { viewer }) => {
  const result = await mergeCategories(viewer, input);
  if (result.ok) revalidatePath(FROM);
  return result;
});
