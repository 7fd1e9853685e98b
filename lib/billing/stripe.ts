import "server-only";
import Stripe from "stripe";
import { config } from "@/lib/env";

const store = globalThis as unknown as { esmStripe?: Stripe };

/** The Stripe SDK, pointed at the local stand-in in demo mode (same code path, other host). */
export function stripe(): Stripe {
  if (!store.esmStripe) {
    const s = config().stripe;
    store.esmStripe = s.standinPort
      ? new Stripe(s.secretKey, { host: "localhost", port: s.standinPort, protocol: "http", maxNetworkRetries: 2 })
      : new Stripe(s.secretKey, { maxNetworkRetries: 2 });
  }
  return store.esmStripe;
}

export function setStripeForTests(client: Stripe | undefined): void {
  store.esmStripe = client;
}
