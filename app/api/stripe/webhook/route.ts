import { handleStripeWebhook } from "@/lib/billing/webhook";
import { BODY_LIMITS, readCappedText } from "@/lib/http/capped-body";

export const dynamic = "force-dynamic";

export async function POST(req: Request): Promise<Response> {
  const body = await readCappedText(req, BODY_LIMITS.stripeWebhook);
  if (!body.ok) return body.response;
  try {
    const outcome = await handleStripeWebhook(body.text, req.headers.get("stripe-signature"));
    return Response.json(outcome.body, { status: outcome.status });
  } catch (err) {
    console.error("stripe webhook failed", err);
    return Response.json({ error: "processing failed; Stripe will retry" }, { status: 500 });
  }
}
