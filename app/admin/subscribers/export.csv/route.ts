import type { NextRequest } from "next/server";
import { requireStaff } from "@/lib/auth/guards";
import { exportSubscribers, parseSubscriberQuery } from "@/lib/staff/subscribers";
import { currentPolicy } from "@/lib/access/policy";
import { orForbidden } from "@/lib/staff/request";
import { csvResponse } from "@/lib/http/csv-response";

export const dynamic = "force-dynamic";

/** The subscriber list as CSV, honouring ?q= and ?status=. Staff only (here, and in lib/admin). */
export async function GET(request: NextRequest): Promise<Response> {
  const staff = await requireStaff("/admin/subscribers");
  const query = parseSubscriberQuery(Object.fromEntries(request.nextUrl.searchParams));
  const out = await orForbidden(exportSubscribers(staff, query, currentPolicy()));
  return csvResponse(out.chunks, out.filename);
}
