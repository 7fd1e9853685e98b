import { z } from "zod";
import { config } from "@/lib/env";
import { BODY_LIMITS, readCappedText } from "@/lib/http/capped-body";
import { unsubscribeWithToken } from "@/lib/newsletter/unsubscribe";

/**
 * RFC 8058 one-click unsubscribe: `POST /api/unsubscribe?token=…` with the form body
 * `List-Unsubscribe=One-Click`, no session. The /unsubscribe page's confirm button posts the
 * same form (plus `from=page`) and is sent back to the page. There is no GET: following a link
 * never unsubscribes anyone.
 */
export const dynamic = "force-dynamic";

const bodySchema = z.object({
  "List-Unsubscribe": z.literal("One-Click"),
  from: z.literal("page").optional(),
});

const tokenSchema = z.string().min(1).max(1000);

const refuse = (error: string) => Response.json({ error }, { status: 400, headers: { "cache-control": "no-store" } });

export async function POST(req: Request): Promise<Response> {
  const token = tokenSchema.safeParse(new URL(req.url).searchParams.get("token") ?? undefined);
  const raw = await readCappedText(req, BODY_LIMITS.unsubscribe);
  if (!raw.ok) return raw.response;
  // Mail clients post the one-click form urlencoded or multipart (RFC 8058): parse the capped bytes either way.
  const contentType = req.headers.get("content-type") ?? "";
  const form = await new Request("http://body.invalid/", { method: "POST", body: raw.text, headers: { "content-type": contentType } })
    .formData()
    .catch(() => null);
  const body = bodySchema.safeParse({
    "List-Unsubscribe": form?.get("List-Unsubscribe") ?? undefined,
    from: form?.get("from") ?? undefined,
  });
  if (!body.success) return refuse('Expected a form body with "List-Unsubscribe=One-Click".');
  if (!token.success) return refuse("The unsubscribe link has no token. Use the link from the email.");

  const result = await unsubscribeWithToken(token.data);
  if (body.data.from === "page") {
    // Back to the page, which shows the outcome (or explains what is wrong with the link).
    const page = new URL("/unsubscribe", `${config().appUrl}/`);
    page.searchParams.set("token", token.data);
    return new Response(null, { status: 303, headers: { location: page.toString(), "cache-control": "no-store" } });
  }
  if (!result.ok) return refuse(result.error);
  return Response.json({ unsubscribed: true }, { headers: { "cache-control": "no-store" } });
}
