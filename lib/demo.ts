import "server-only";
import path from "node:path";
import type { Config } from "./env";

/** The one module of the product that starts a stand-in: demo mode's local Stripe. */
export async function startDemoServices(cfg: Config, port: number): Promise<void> {
  const { startStripeStandin } = await import("@/standins/stripe/server");
  const standin = await startStripeStandin({
    port,
    webhookUrl: `${cfg.appUrl}/api/stripe/webhook`,
    webhookSecret: cfg.stripe.webhookSecret,
    stateFile: path.join(cfg.dataDir, "stripe-standin.json"),
  });
  console.log(`  stripe:    local test-mode stand-in at ${standin.url} (no real card is charged)`);
}
