/**
 * Runs the Stripe stand-in on its own:
 *   STRIPE_STANDIN_PORT=12111 STRIPE_WEBHOOK_URL=http://localhost:3000/api/stripe/webhook \
 *   STRIPE_WEBHOOK_SECRET=whsec_… STRIPE_STANDIN_STATE=.data/stripe-standin.json \
 *   npx tsx standins/stripe/cli.ts
 * Optional: STRIPE_STANDIN_PUBLIC_URL (base for checkout/portal links), STRIPE_STANDIN_HOST.
 */
import { startStripeStandin } from "./server";

/** Same default as DEMO_WEBHOOK_SECRET in lib/env.ts, so the demo app verifies our signatures. */
const DEFAULT_WEBHOOK_SECRET = "whsec_demo_standin_secret";
const DEFAULT_PORT = 12111;

function env(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
}

async function main(): Promise<void> {
  const portText = env("STRIPE_STANDIN_PORT");
  const port = portText === undefined ? DEFAULT_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`STRIPE_STANDIN_PORT must be a port number, got "${portText ?? ""}"`);
  }
  const standin = await startStripeStandin({
    port,
    webhookUrl: env("STRIPE_WEBHOOK_URL"),
    webhookSecret: env("STRIPE_WEBHOOK_SECRET") ?? DEFAULT_WEBHOOK_SECRET,
    stateFile: env("STRIPE_STANDIN_STATE"),
    publicUrl: env("STRIPE_STANDIN_PUBLIC_URL"),
    host: env("STRIPE_STANDIN_HOST"),
  });
  console.log(`Stripe stand-in listening on ${standin.url}`);
  console.log(`  webhooks → ${env("STRIPE_WEBHOOK_URL") ?? "(none: set STRIPE_WEBHOOK_URL)"}`);
  console.log(`  state    → ${env("STRIPE_STANDIN_STATE") ?? "(memory only: set STRIPE_STANDIN_STATE)"}`);
  const stop = (): void => {
    standin.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
