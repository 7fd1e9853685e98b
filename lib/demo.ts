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
