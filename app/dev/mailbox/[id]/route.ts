import { localOutboxMessage } from "@/lib/mail/outbox-view";

export const dynamic = "force-dynamic";

/** One outbox message's HTML, as a mail client would show it. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const mail = await localOutboxMessage(req, (await ctx.params).id);
  if (!mail) return new Response("Not found", { status: 404 });
  return new Response(mail.html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "private, no-store",
      "content-security-policy": "script-src 'none'; frame-ancestors 'self'",
    },
  });
}
