import type { NextRequest } from "next/server";
import { requireStaff } from "@/lib/auth/guards";
import { exportSubscribers, parseSubscriberQuery } from "@/lib/staff/subscribers";
import { currentPolicy } from "@/lib/access/policy";
import { orForbidden } from "@/lib/staff/request";

export const dynamic = "force-dynamic";

/** The subscriber list as CSV, honouring ?q= and ?status=. Staff only (here, and in lib/admin). */
export async function GET(request: NextRequest): Promise<Response> {
  const staff = await requireStaff("/admin/subscribers");
  const query = parseSubscriberQuery(Object.fromEntries(request.nextUrl.searchParams));
  const out = await orForbidden(exportSubscribers(staff, query, currentPolicy()));
  const encoder = new TextEncoder();
  const chunks = out.chunks[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return?.();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${out.filename}"`,
      "cache-control": "private, no-store",
      "x-robots-tag": "noindex",
    },
  });
}
