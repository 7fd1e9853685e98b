/** Test controls shared by the in-process API (StripeStandin) and the HTTP /_test/* routes. */
import { advanceClock, setSubscriptionStatus, type BillingContext, type SettableStatus } from "./billing";
import type { StripeEventRecord } from "./records";
import type { WebhookDelivery } from "./webhook-delivery";

export interface StandinControls {
  /** Moves the clock forward; renewals, trial ends and period-end cancellations happen (with events). */
  advanceClock(seconds: number): Promise<void>;
  /** Forces a subscription status and emits the matching events. */
  setSubscriptionStatus(subscriptionId: string, status: SettableStatus): Promise<void>;
  /** Unix seconds on the stand-in clock. */
  now(): number;
  /** Every event created, oldest first, with delivery status (copies). */
  events(): StripeEventRecord[];
  /** Resolves when every pending webhook delivery has been attempted (retries included). */
  flushWebhooks(): Promise<void>;
}

export function createControls(ctx: BillingContext, delivery: WebhookDelivery | null): StandinControls {
  return {
    async advanceClock(seconds) {
      advanceClock(ctx, seconds);
      ctx.state.save();
    },
    async setSubscriptionStatus(subscriptionId, status) {
      setSubscriptionStatus(ctx, ctx.state.subscription(subscriptionId), status);
      ctx.state.save();
    },
    now: () => ctx.state.now(),
    events: () => structuredClone(ctx.state.events),
    flushWebhooks: async () => {
      await delivery?.flush();
    },
  };
}
