import { handleStripeWebhook } from "@/lib/billing/webhook";

export const dynamic = "force-dynamic";

export async function POST(req: Request): Promise<Response> {
  try {
    const outcome = await handleStripeWebhook(await req.text(), req.headers.get("stripe-signature"));
    return Response.json(outcome.body, { status: outcome.status });
  } catch (err) {
    console.error("stripe webhook failed", err);
    return Response.json({ error: "processing failed; Stripe will retry" }, { status: 500 });
  }
}
