import { isLocalDemoRequest } from "@/lib/mail/outbox-view";
import { listOutbox } from "@/lib/mail/transport";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  if (!isLocalDemoRequest(req.headers)) return new Response("Not found", { status: 404 });
  const mails = await listOutbox(1000);
  return Response.json(
    mails.map((m) => ({ id: m.id, to: m.to, from: m.from, subject: m.subject, html: m.html, text: m.text, headers: m.headers, createdAt: m.createdAt.toISOString() })),
    { headers: { "cache-control": "private, no-store" } },
  );
}
