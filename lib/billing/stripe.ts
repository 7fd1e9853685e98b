import "server-only";
import Stripe from "stripe";
import { config } from "@/lib/env";

export const STRIPE_TIMEOUT_MS = 5_000;

const store = globalThis as unknown as { esmStripe?: Stripe; esmStandinPort?: number };

/** Demo mode: the port the local stand-in really listens on (lib/demo.ts; it may differ from the configured one). */
export function setStandinPort(port: number): void {
  store.esmStandinPort = port;
  store.esmStripe = undefined;
}

/** The Stripe SDK, pointed at the local stand-in in demo mode (same code path, other host). */
export function stripe(): Stripe {
  if (!store.esmStripe) {
    const s = config().stripe;
    // A reader waits on these calls: a few seconds, one retry, then a clear error instead of minutes of spinner.
    const patience = { timeout: STRIPE_TIMEOUT_MS, maxNetworkRetries: 1 };
    const standinPort = s.standin ? (store.esmStandinPort ?? s.standin.port) : undefined;
    store.esmStripe = standinPort
      ? new Stripe(s.secretKey, { host: "localhost", port: standinPort, protocol: "http", ...patience })
      : new Stripe(s.secretKey, patience);
  }
  return store.esmStripe;
}

export function setStripeForTests(client: Stripe | undefined): void {
  store.esmStripe = client;
}
