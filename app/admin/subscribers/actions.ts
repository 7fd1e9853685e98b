"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/action";
import type { ImportState } from "@/lib/actions/form-state";
import { importMembers } from "@/lib/staff/import";

const REPORT_ROWS = 200;
const ImportForm = z.object({ file: z.instanceof(File, { error: "Choose a CSV file to import." }) });

/** Import of free members from CSV; importMembers checks the role again and writes the audit line. */
export const importMembersAction = formAction({ guard: "staff", from: "/admin/subscribers", input: ImportForm }, async ({ file }, { viewer }) => {
  const report = await importMembers(viewer, file);
  if (!report.ok) return report;
  revalidatePath("/admin/subscribers");
  revalidatePath("/admin");
  return {
    ok: true,
    report: {
      rows: report.rows,
      added: report.added,
      existing: report.existing,
      rejected: report.rejected.slice(0, REPORT_ROWS),
      rejectedTotal: report.rejected.length,
    },
  } satisfies ImportState;
});
