import "server-only";
import path from "node:path";
import { ConfigError, type Config } from "./env";
import { setStandinPort } from "./billing/stripe";

const isAddressInUse = (err: unknown): boolean => err instanceof Error && "code" in err && err.code === "EADDRINUSE";

/**
 * The one module of the product that starts a stand-in: demo mode's local Stripe. It takes the
 * port STRIPE_STANDIN_PORT chose (a clash stops the start with one line naming the variable), or
 * else the one derived from PORT, or any free port when that one is taken: two demos side by side
 * never trip over each other.
 */
export async function startDemoServices(cfg: Config, want: { port: number; chosen: boolean }): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const { startStripeStandin } = await import("@/standins/stripe/server");
  const start = (port: number) =>
    startStripeStandin({
      port,
      webhookUrl: `${cfg.appUrl}/api/stripe/webhook`,
      webhookSecret: cfg.stripe.webhookSecret,
      stateFile: path.join(cfg.dataDir, "stripe-standin.json"),
    });
  let standin: Awaited<ReturnType<typeof start>>;
  try {
    standin = await start(want.port);
  } catch (err) {
    if (!isAddressInUse(err)) throw err;
    if (want.chosen) {
      throw new ConfigError(`Port ${want.port} (the local Stripe stand-in) is taken by another program: set STRIPE_STANDIN_PORT to a free port.`);
    }
    standin = await start(0);
  }
  setStandinPort(standin.port);
  console.log(`  stripe:    local test-mode Stripe stand-in at ${standin.url} (no real card is charged; STRIPE_STANDIN_PORT to choose its port)`);
  return standin;
}

/**
 * Demo mode's stand-in for Resend's webhook: the local mailbox has Resend deliver, open or click one
 * of its messages, and the event reaches the app's own Resend webhook signed the way Resend signs it.
 */
export async function emitDemoMailEvent(
  cfg: Config,
  message: { id: string; from: string; to: string; subject: string; createdAt: Date },
  request: unknown,
): Promise<{ ok: true; status: number } | { ok: false; error: string }> {
  const { emailEvent, emailEventRequestSchema, postEvent } = await import("@/standins/resend/webhook-events");
  const parsed = emailEventRequestSchema.safeParse(request);
  if (!parsed.success) return { ok: false, error: "type must be email.delivered, email.opened or email.clicked" };
  if (!cfg.resendWebhookSecret) return { ok: false, error: "no Resend webhook secret configured" };
  const event = emailEvent(parsed.data.type, { ...message, to: [message.to] }, { link: parsed.data.link });
  const status = await postEvent({ url: `${cfg.appUrl}/api/resend/webhook`, secret: cfg.resendWebhookSecret }, event);
  return { ok: true, status };
}
