import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db";
import { outbox } from "@/db/schema";
import { isLocalDemoRequest } from "@/lib/mail/outbox-view";

export const dynamic = "force-dynamic";

/** One outbox message's HTML, as a mail client would show it. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  if (!isLocalDemoRequest(req.headers)) return new Response("Not found", { status: 404 });
  const id = z.uuid().safeParse((await ctx.params).id);
  if (!id.success) return new Response("Not found", { status: 404 });
  const [mail] = await (await db()).select().from(outbox).where(eq(outbox.id, id.data));
  if (!mail) return new Response("Not found", { status: 404 });
  return new Response(mail.html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "private, no-store",
      "content-security-policy": "script-src 'none'; frame-ancestors 'self'",
    },
  });
}
