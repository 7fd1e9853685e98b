import { config } from "@/lib/env";
import { emitDemoMailEvent } from "@/lib/demo";
import { localOutboxMessage } from "@/lib/mail/outbox-view";

export const dynamic = "force-dynamic";

/**
 * Demo mode only, loopback only: Resend reports this outbox message delivered, opened or clicked
 * (a form field `type`, or JSON `{ type, link? }`). A form post returns to the mailbox.
 */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const mail = await localOutboxMessage(req, (await ctx.params).id);
  if (!mail) return new Response("Not found", { status: 404 });
  const isForm = (req.headers.get("content-type") ?? "").includes("form");
  const input: unknown = isForm ? Object.fromEntries(await req.formData()) : await req.json().catch(() => null);
  const out = await emitDemoMailEvent(config(), mail, input);
  if (!out.ok) return Response.json({ error: out.error }, { status: 400 });
  if (isForm) return new Response(null, { status: 303, headers: { location: `/dev/mailbox?event=${out.status}` } });
  return Response.json({ webhookStatus: out.status });
}
