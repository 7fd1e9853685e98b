import { BODY_LIMITS, readCappedText } from "@/lib/http/capped-body";
import { trustedClientAddress } from "@/lib/http/client";
import { countRead, ReadBeaconInput } from "@/lib/numbers/reads";

export const dynamic = "force-dynamic";

/** The piece page's read beacon: `{ slug }`, answered 204 whether it counted or not (202 when counted). */
export async function POST(req: Request): Promise<Response> {
  const body = await readCappedText(req, BODY_LIMITS.read);
  if (!body.ok) return body.response;
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    json = null;
  }
  const input = ReadBeaconInput.safeParse(json);
  if (!input.success) return Response.json({ error: "expected { slug }" }, { status: 400 });
  const outcome = await countRead(input.data.slug, trustedClientAddress(req.headers));
  return new Response(null, { status: outcome === "counted" ? 202 : 204, headers: { "cache-control": "no-store" } });
}
