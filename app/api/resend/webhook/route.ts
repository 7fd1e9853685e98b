import { handleResendWebhook } from "@/lib/mail/resend-webhook";

export const dynamic = "force-dynamic";

export async function POST(req: Request): Promise<Response> {
  try {
    const outcome = await handleResendWebhook(await req.text(), req.headers);
    return Response.json(outcome.body, { status: outcome.status });
  } catch (err) {
    console.error("resend webhook failed", err);
    return Response.json({ error: "processing failed; Resend will retry" }, { status: 500 });
  }
}
