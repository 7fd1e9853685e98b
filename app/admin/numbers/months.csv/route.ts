import { requireStaff } from "@/lib/auth/guards";
import { csvResponse } from "@/lib/http/csv-response";
import { monthsCsv } from "@/lib/numbers/csv";
import { monthlyReport } from "@/lib/numbers/monthly";

export const dynamic = "force-dynamic";

/** The last twelve months' subscriptions as CSV. Staff only. */
export async function GET(): Promise<Response> {
  await requireStaff("/admin/numbers");
  return csvResponse(monthsCsv(await monthlyReport(new Date())), "months.csv");
}
