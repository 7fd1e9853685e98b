import { config } from "@/lib/env";
import { listOutbox } from "@/lib/mail/transport";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  if (!config().demoMode) return new Response("Not found", { status: 404 });
  const mails = await listOutbox(1000);
  return Response.json(
    mails.map((m) => ({ id: m.id, to: m.to, from: m.from, subject: m.subject, html: m.html, text: m.text, headers: m.headers, createdAt: m.createdAt.toISOString() })),
    { headers: { "cache-control": "private, no-store" } },
  );
}
