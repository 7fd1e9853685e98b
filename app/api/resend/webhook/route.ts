import { BODY_LIMITS, readCappedText } from "@/lib/http/capped-body";
import { handleResendWebhook } from "@/lib/mail/resend-webhook";

export const dynamic = "force-dynamic";

export async function POST(req: Request): Promise<Response> {
  const body = await readCappedText(req, BODY_LIMITS.resendWebhook);
  if (!body.ok) return body.response;
  try {
    const outcome = await handleResendWebhook(body.text, req.headers);
    return Response.json(outcome.body, { status: outcome.status });
  } catch (err) {
    console.error("resend webhook failed", err);
    return Response.json({ error: "processing failed; Resend will retry" }, { status: 500 });
  }
}
