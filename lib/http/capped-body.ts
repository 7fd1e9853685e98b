/** A request body read up to a size cap: a larger one is refused before it is held in memory. */
export type CappedBody = { ok: true; text: string } | { ok: false; response: Response };

export const tooLarge = (limitBytes: number): Response =>
  Response.json({ error: `Request body over ${limitBytes} bytes.` }, { status: 413, headers: { "cache-control": "no-store" } });

export async function readCappedText(req: Request, limitBytes: number): Promise<CappedBody> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limitBytes) return { ok: false, response: tooLarge(limitBytes) };
  if (!req.body) return { ok: true, text: "" };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      return { ok: false, response: tooLarge(limitBytes) };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString("utf8") };
}

/** Caps per route: Stripe's largest events, Resend's events, a one-click unsubscribe form. */
export const BODY_LIMITS = { stripeWebhook: 512 * 1024, resendWebhook: 128 * 1024, unsubscribe: 4 * 1024, read: 1024 } as const;
