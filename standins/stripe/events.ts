/** Creates Stripe event objects, records them, and hands them to webhook delivery. */
import Stripe from "stripe";
import { newId } from "./ids";
import { cloneJson, type JsonObject } from "./json";
import type { StripeEventRecord } from "./records";
import type { StandinState } from "./state";
import type { WebhookDelivery } from "./webhook-delivery";

export type StripeEventType =
  | "checkout.session.completed"
  | "customer.subscription.created"
  | "customer.subscription.updated"
  | "customer.subscription.deleted"
  | "customer.subscription.paused"
  | "customer.subscription.resumed"
  | "customer.subscription.trial_will_end"
  | "invoice.payment_action_required"
  | "invoice.paid"
  | "invoice.payment_failed"
  | "customer.deleted";

export const API_VERSION: string = Stripe.API_VERSION;

function customerOf(object: JsonObject): string | null {
  if (object.object === "customer" && typeof object.id === "string") return object.id;
  return typeof object.customer === "string" ? object.customer : null;
}

export class EventLog {
  constructor(
    private readonly state: StandinState,
    private readonly delivery: WebhookDelivery | null,
  ) {}

  /** Records an event for `object` (snapshotted now) and queues its webhook. */
  emit(type: StripeEventType, object: JsonObject, previousAttributes?: JsonObject): StripeEventRecord {
    const id = newId("evt");
    const created = this.state.now();
    const data: JsonObject = { object: cloneJson(object) };
    if (previousAttributes && Object.keys(previousAttributes).length > 0) {
      data.previous_attributes = cloneJson(previousAttributes);
    }
    const event: JsonObject = {
      id,
      object: "event",
      api_version: API_VERSION,
      created,
      data,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
    const record: StripeEventRecord = {
      id,
      type,
      created,
      customer: customerOf(object),
      event,
      delivery: {
        status: this.delivery ? "pending" : "not_configured",
        attempts: 0,
        last_status_code: null,
        last_error: null,
        delivered_at: null,
      },
    };
    this.state.events.push(record);
    this.delivery?.enqueue(record);
    return record;
  }

  /** Re-queues events left pending by an earlier run (state file reload). */
  resumePending(): void {
    if (!this.delivery) return;
    for (const record of this.state.events) {
      if (record.delivery.status === "pending") this.delivery.enqueue(record);
    }
  }
}

/** Top-level keys whose values differ, with their old values (Stripe's `previous_attributes`). */
export function previousAttributes(before: JsonObject, after: JsonObject): JsonObject {
  const previous: JsonObject = {};
  for (const [key, value] of Object.entries(before)) {
    const next = after[key];
    if (JSON.stringify(value) !== JSON.stringify(next)) previous[key] = value;
  }
  return previous;
}
