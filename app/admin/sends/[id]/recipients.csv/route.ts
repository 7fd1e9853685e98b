import { requireStaff } from "@/lib/auth/guards";
import { getSend } from "@/lib/newsletter/progress";
import { csvResponse } from "@/lib/http/csv-response";
import { recipientsCsv } from "@/lib/numbers/csv";
import { sendRecipients } from "@/lib/numbers/piece-stats";

export const dynamic = "force-dynamic";

/** Every recipient of one send and what became of their mail, as CSV. Staff only. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  await requireStaff(`/admin/sends/${id}`);
  const send = await getSend(id);
  if (!send) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  return csvResponse(recipientsCsv((await sendRecipients(send.id, "all")).rows), `send-${send.id}.csv`);
}
