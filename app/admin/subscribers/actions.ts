"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/guards";
import { importMembers, type RejectedRow } from "@/lib/staff/import";
import { orForbidden } from "@/lib/staff/request";

export type ImportState = {
  error?: string;
  report?: { rows: number; added: number; existing: number; rejected: RejectedRow[]; rejectedTotal: number };
};

const REPORT_ROWS = 200;
const FileField = z.instanceof(File, { error: "Choose a CSV file to import." });

/** Import of free members from CSV. Staff only: the guard runs here, and again in lib/admin/import. */
export async function importMembersAction(_prev: ImportState, form: FormData): Promise<ImportState> {
  const staff = await requireStaff("/admin/subscribers");
  const file = FileField.safeParse(form.get("file"));
  if (!file.success) return { error: file.error.issues[0]?.message ?? "Choose a CSV file to import." };
  const report = await orForbidden(importMembers(staff, file.data));
  if (!report.ok) return { error: report.error };
  revalidatePath("/admin/subscribers");
  revalidatePath("/admin");
  return {
    report: {
      rows: report.rows,
      added: report.added,
      existing: report.existing,
      rejected: report.rejected.slice(0, REPORT_ROWS),
      rejectedTotal: report.rejected.length,
    },
  };
}
