import "server-only";
import type Stripe from "stripe";
import { lifecycleMailsAfter } from "./lifecycle";

/** Mail that follows a recorded (so: first-seen) Stripe event. Failures are logged; the once-per-key claim was released. */
export async function notifyAfterEvent(event: Stripe.Event, customerId: string): Promise<void> {
  try {
    await lifecycleMailsAfter(event, customerId);
  } catch (err) {
    console.error(`lifecycle mail for ${event.type} ${event.id} failed`, err);
  }
}
