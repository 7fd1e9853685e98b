/**
 * Subscription lifecycle: creation from checkout, updates (cancel at period end, plan
 * switch), cancellation, status changes and renewals when the clock passes a period end.
 * Every change emits the events Stripe would send.
 */
import { periodEndFor, SECONDS_PER_DAY } from "./clock";
import { invalidParam, StripeApiError } from "./errors";
import { previousAttributes, type EventLog } from "./events";
import { newId } from "./ids";
import type {
  CheckoutSessionRecord,
  CustomerRecord,
  InvoiceRecord,
  PriceRecord,
  SubscriptionRecord,
  SubscriptionStatus,
} from "./records";
import { checkoutSessionJson, customerJson, invoiceJson, subscriptionJson, type SerializeContext } from "./serialize";

export interface BillingContext extends SerializeContext {
  events: EventLog;
}

/** Statuses a test may force with setSubscriptionStatus. */
export const SETTABLE_STATUSES = ["active", "past_due", "unpaid", "canceled", "trialing", "paused"] as const;
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];

const DEFAULT_FORCED_TRIAL_DAYS = 14;
const MAX_RENEWALS_PER_TICK = 1000;

function firstPrice(ctx: BillingContext, sub: SubscriptionRecord): PriceRecord {
  const item = sub.items[0];
  if (!item) throw new StripeApiError(500, `Subscription ${sub.id} has no items`, "api_error");
  return ctx.state.price(item.price);
}

function subscriptionAmount(ctx: BillingContext, sub: SubscriptionRecord): number {
  return sub.items.reduce((sum, item) => sum + ctx.state.price(item.price).unit_amount * item.quantity, 0);
}

function createInvoice(
  ctx: BillingContext,
  sub: SubscriptionRecord,
  opts: { amount: number; paid: boolean; reason: string; periodStart: number; periodEnd: number },
): InvoiceRecord {
  const price = firstPrice(ctx, sub);
  const invoice: InvoiceRecord = {
    id: newId("in"),
    customer: sub.customer,
    subscription: sub.id,
    status: opts.paid ? "paid" : "open",
    amount_due: opts.amount,
    amount_paid: opts.paid ? opts.amount : 0,
    currency: price.currency,
    billing_reason: opts.reason,
    price: price.id,
    period_start: opts.periodStart,
    period_end: opts.periodEnd,
    created: ctx.state.now(),
  };
  ctx.state.invoices.set(invoice.id, invoice);
  sub.latest_invoice = invoice.id;
  return invoice;
}

function assertNotEnded(sub: SubscriptionRecord): void {
  if (sub.status === "canceled" || sub.status === "incomplete_expired") {
    throw invalidParam(
      "A canceled subscription can only update its cancellation_details and metadata.",
      null,
      null,
    );
  }
}

/** Runs `change` on `sub` and emits customer.subscription.updated with previous_attributes, if anything changed. */
function updateWithEvent(ctx: BillingContext, sub: SubscriptionRecord, change: () => void): boolean {
  const before = subscriptionJson(ctx, sub);
  change();
  const after = subscriptionJson(ctx, sub);
  const previous = previousAttributes(before, after);
  if (Object.keys(previous).length === 0) return false;
  ctx.events.emit("customer.subscription.updated", after, previous);
  return true;
}

// ---- checkout -------------------------------------------------------------

/**
 * Pays a checkout session: creates the customer if needed, the subscription (trialing when the
 * session asked for trial days) and its first invoice, completes the session, emits
 * checkout.session.completed, customer.subscription.created and invoice.paid.
 */
export function completeCheckout(
  ctx: BillingContext,
  session: CheckoutSessionRecord,
  email: string | null,
): SubscriptionRecord {
  const state = ctx.state;
  const now = state.now();
  let customer: CustomerRecord;
  if (session.customer) {
    customer = state.liveCustomer(session.customer);
  } else {
    customer = {
      id: newId("cus"),
      email: session.customer_email ?? email,
      name: null,
      description: null,
      phone: null,
      metadata: {},
      created: now,
      deleted: false,
    };
    state.customers.set(customer.id, customer);
    session.customer = customer.id;
  }
  const items = session.line_items.map((line) => ({
    id: newId("si"),
    price: state.price(line.price).id,
    quantity: line.quantity,
    created: now,
  }));
  const trialDays = session.trial_period_days ?? 0;
  const trialEnd = trialDays > 0 ? now + trialDays * SECONDS_PER_DAY : null;
  const sub: SubscriptionRecord = {
    id: newId("sub"),
    customer: customer.id,
    status: trialEnd ? "trialing" : "active",
    items,
    cancel_at_period_end: false,
    cancel_at: null,
    canceled_at: null,
    ended_at: null,
    trial_start: trialEnd ? now : null,
    trial_end: trialEnd,
    created: now,
    start_date: now,
    current_period_start: now,
    current_period_end: now,
    latest_invoice: null,
    metadata: { ...session.subscription_metadata },
  };
  sub.current_period_end = trialEnd ?? periodEndFor(now, firstPrice(ctx, sub));
  state.subscriptions.set(sub.id, sub);
  const invoice = createInvoice(ctx, sub, {
    amount: trialEnd ? 0 : subscriptionAmount(ctx, sub),
    paid: true,
    reason: "subscription_create",
    periodStart: sub.current_period_start,
    periodEnd: sub.current_period_end,
  });
  session.status = "complete";
  session.payment_status = trialEnd ? "no_payment_required" : "paid";
  session.subscription = sub.id;
  ctx.events.emit("checkout.session.completed", checkoutSessionJson(ctx, session));
  ctx.events.emit("customer.subscription.created", subscriptionJson(ctx, sub));
  ctx.events.emit("invoice.paid", invoiceJson(ctx, invoice));
  return sub;
}

// ---- updates ----------------------------------------------------------------

export interface ItemChange {
  /** `items[n][id]`; absent = add a new item. */
  id?: string;
  price?: string;
  quantity?: number;
  deleted?: boolean;
}

export interface SubscriptionPatch {
  cancelAtPeriodEnd?: boolean;
  items?: ItemChange[];
  metadata?: Record<string, string>;
  cancellationDetails?: { feedback?: string | null; comment?: string | null };
}

function applyItemChanges(ctx: BillingContext, sub: SubscriptionRecord, changes: ItemChange[]): void {
  const now = ctx.state.now();
  const items = sub.items.map((item) => ({ ...item }));
  changes.forEach((change, index) => {
    const param = `items[${index}]`;
    if (change.price !== undefined) {
      const price = ctx.state.price(change.price, `${param}[price]`);
      if (!price.interval) throw invalidParam("The price specified is not recurring.", `${param}[price]`);
      if (!price.active) throw invalidParam("The price specified is inactive.", `${param}[price]`);
    }
    if (change.id !== undefined) {
      const position = items.findIndex((item) => item.id === change.id);
      const item = items[position];
      if (!item) throw invalidParam(`No such subscription item: '${change.id}'`, `${param}[id]`, "resource_missing");
      if (change.deleted) {
        items.splice(position, 1);
        return;
      }
      if (change.price !== undefined) item.price = change.price;
      if (change.quantity !== undefined) item.quantity = change.quantity;
      return;
    }
    if (change.price === undefined) throw invalidParam(`Missing required param: ${param}[price].`, `${param}[price]`, "parameter_missing");
    items.push({ id: newId("si"), price: change.price, quantity: change.quantity ?? 1, created: now });
  });
  if (items.length === 0) throw invalidParam("A subscription must have at least one item.", "items");
  sub.items = items;
}

/**
 * Applies a subscriptions.update. A switch to a price with a different interval restarts the
 * billing period now and invoices it (invoice.paid), as Stripe does; same-interval switches
 * keep the period. Emits customer.subscription.updated when something changed.
 */
export function updateSubscription(ctx: BillingContext, sub: SubscriptionRecord, patch: SubscriptionPatch): void {
  const hasBillingChange = patch.cancelAtPeriodEnd !== undefined || patch.items !== undefined;
  if (hasBillingChange) assertNotEnded(sub);
  const now = ctx.state.now();
  const oldPrice = sub.items[0] ? ctx.state.prices.get(sub.items[0].price) : undefined;
  let newPeriodInvoice = false;
  updateWithEvent(ctx, sub, () => {
    if (patch.items) {
      applyItemChanges(ctx, sub, patch.items);
      const price = firstPrice(ctx, sub);
      const intervalChanged =
        !oldPrice || oldPrice.interval !== price.interval || oldPrice.interval_count !== price.interval_count;
      if (intervalChanged && sub.status !== "trialing") {
        sub.current_period_start = now;
        sub.current_period_end = periodEndFor(now, price);
        if (sub.cancel_at_period_end) sub.cancel_at = sub.current_period_end;
        newPeriodInvoice = true;
      }
    }
    if (patch.metadata) sub.metadata = patch.metadata;
    if (patch.cancellationDetails?.feedback !== undefined) sub.cancellation_feedback = patch.cancellationDetails.feedback;
    if (patch.cancellationDetails?.comment !== undefined) sub.cancellation_comment = patch.cancellationDetails.comment;
    if (patch.cancelAtPeriodEnd !== undefined && patch.cancelAtPeriodEnd !== sub.cancel_at_period_end) {
      sub.cancel_at_period_end = patch.cancelAtPeriodEnd;
      sub.cancel_at = patch.cancelAtPeriodEnd ? sub.current_period_end : null;
      sub.canceled_at = patch.cancelAtPeriodEnd ? now : null;
    }
  });
  if (newPeriodInvoice) {
    const invoice = createInvoice(ctx, sub, {
      amount: subscriptionAmount(ctx, sub),
      paid: true,
      reason: "subscription_update",
      periodStart: sub.current_period_start,
      periodEnd: sub.current_period_end,
    });
    ctx.events.emit("invoice.paid", invoiceJson(ctx, invoice));
  }
}

/** Cancels immediately (DELETE /v1/subscriptions/:id): status canceled, emits customer.subscription.deleted. */
export function cancelNow(ctx: BillingContext, sub: SubscriptionRecord, at: number = ctx.state.now()): void {
  assertNotEnded(sub);
  sub.status = "canceled";
  sub.canceled_at = sub.canceled_at ?? at;
  sub.ended_at = at;
  sub.cancel_at = null;
  ctx.events.emit("customer.subscription.deleted", subscriptionJson(ctx, sub));
}

/** Deletes a customer: cancels its live subscriptions (customer.subscription.deleted), then customer.deleted. */
export function deleteCustomer(ctx: BillingContext, customer: CustomerRecord): void {
  for (const sub of ctx.state.subscriptions.values()) {
    if (sub.customer !== customer.id) continue;
    if (sub.status === "canceled" || sub.status === "incomplete_expired") continue;
    cancelNow(ctx, sub);
  }
  const snapshot = customerJson(customer);
  customer.deleted = true;
  ctx.events.emit("customer.deleted", snapshot);
}

// ---- test controls -------------------------------------------------------------

/** Forces a status (test control) and emits the events Stripe would send for that transition. */
export function setSubscriptionStatus(ctx: BillingContext, sub: SubscriptionRecord, status: SettableStatus): void {
  const from: SubscriptionStatus = sub.status;
  if (from === status) return;
  assertNotEnded(sub);
  const now = ctx.state.now();
  switch (status) {
    case "canceled":
      cancelNow(ctx, sub, now);
      return;
    case "past_due": {
      const invoice = createInvoice(ctx, sub, {
        amount: subscriptionAmount(ctx, sub),
        paid: false,
        reason: "subscription_cycle",
        periodStart: sub.current_period_start,
        periodEnd: sub.current_period_end,
      });
      ctx.events.emit("invoice.payment_failed", invoiceJson(ctx, invoice));
      updateWithEvent(ctx, sub, () => {
        sub.status = "past_due";
      });
      return;
    }
    case "unpaid":
      updateWithEvent(ctx, sub, () => {
        sub.status = "unpaid";
      });
      return;
    case "paused":
      updateWithEvent(ctx, sub, () => {
        sub.status = "paused";
      });
      ctx.events.emit("customer.subscription.paused", subscriptionJson(ctx, sub));
      return;
    case "trialing":
      updateWithEvent(ctx, sub, () => {
        sub.status = "trialing";
        sub.trial_start = now;
        sub.trial_end = sub.trial_end && sub.trial_end > now ? sub.trial_end : now + DEFAULT_FORCED_TRIAL_DAYS * SECONDS_PER_DAY;
        sub.current_period_start = now;
        sub.current_period_end = sub.trial_end;
      });
      return;
    case "active":
      activate(ctx, sub, from, now);
      return;
  }
}

function activate(ctx: BillingContext, sub: SubscriptionRecord, from: SubscriptionStatus, now: number): void {
  const latest = sub.latest_invoice ? ctx.state.invoices.get(sub.latest_invoice) : undefined;
  if (latest && latest.status === "open") {
    latest.status = "paid";
    latest.amount_paid = latest.amount_due;
    ctx.events.emit("invoice.paid", invoiceJson(ctx, latest));
  }
  let startedPeriod = false;
  updateWithEvent(ctx, sub, () => {
    sub.status = "active";
    if (from === "trialing") {
      sub.trial_end = now;
      sub.current_period_start = now;
      sub.current_period_end = periodEndFor(now, firstPrice(ctx, sub));
      startedPeriod = true;
    }
  });
  if (startedPeriod) {
    const invoice = createInvoice(ctx, sub, {
      amount: subscriptionAmount(ctx, sub),
      paid: true,
      reason: "subscription_cycle",
      periodStart: sub.current_period_start,
      periodEnd: sub.current_period_end,
    });
    ctx.events.emit("invoice.paid", invoiceJson(ctx, invoice));
  }
  if (from === "paused") ctx.events.emit("customer.subscription.resumed", subscriptionJson(ctx, sub));
}

/** Stripe's notice three days before a trial ends (a test control; the clock does not send it on its own). */
export function announceTrialEnd(ctx: BillingContext, sub: SubscriptionRecord): void {
  if (sub.status !== "trialing") throw invalidParam(`Subscription ${sub.id} is not trialing.`, "id");
  ctx.events.emit("customer.subscription.trial_will_end", subscriptionJson(ctx, sub));
}

/** An open invoice whose payment the bank wants confirmed (3-D Secure): invoice.payment_action_required. */
export function requirePaymentAction(ctx: BillingContext, sub: SubscriptionRecord): void {
  assertNotEnded(sub);
  const invoice = createInvoice(ctx, sub, {
    amount: subscriptionAmount(ctx, sub),
    paid: false,
    reason: "subscription_cycle",
    periodStart: sub.current_period_start,
    periodEnd: sub.current_period_end,
  });
  ctx.events.emit("invoice.payment_action_required", invoiceJson(ctx, invoice));
}

// ---- the clock -----------------------------------------------------------------

/** Statuses whose period rolls over on its own (past_due/unpaid/paused wait for a status change). */
function renews(status: SubscriptionStatus): boolean {
  return status === "active" || status === "trialing";
}

/**
 * Settles every subscription whose period ended by the stand-in's `now`: ends those set to
 * cancel at period end (customer.subscription.deleted), turns trials into paid periods and
 * renews active ones (invoice.paid + customer.subscription.updated). Returns how many changed.
 */
export function settleDuePeriods(ctx: BillingContext): number {
  const now = ctx.state.now();
  let changed = 0;
  for (const sub of ctx.state.subscriptions.values()) {
    for (let guard = 0; guard < MAX_RENEWALS_PER_TICK; guard++) {
      if (!renews(sub.status) || sub.current_period_end > now) break;
      changed += 1;
      const boundary = sub.current_period_end;
      if (sub.cancel_at_period_end) {
        sub.status = "canceled";
        sub.ended_at = boundary;
        sub.cancel_at = boundary;
        ctx.events.emit("customer.subscription.deleted", subscriptionJson(ctx, sub));
        break;
      }
      const before = subscriptionJson(ctx, sub);
      if (sub.status === "trialing") sub.status = "active";
      sub.current_period_start = boundary;
      sub.current_period_end = periodEndFor(boundary, firstPrice(ctx, sub));
      const invoice = createInvoice(ctx, sub, {
        amount: subscriptionAmount(ctx, sub),
        paid: true,
        reason: "subscription_cycle",
        periodStart: sub.current_period_start,
        periodEnd: sub.current_period_end,
      });
      ctx.events.emit("invoice.paid", invoiceJson(ctx, invoice));
      const after = subscriptionJson(ctx, sub);
      ctx.events.emit("customer.subscription.updated", after, previousAttributes(before, after));
    }
  }
  return changed;
}

/** Moves the stand-in clock forward and settles whatever came due. */
export function advanceClock(ctx: BillingContext, seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0) throw invalidParam("seconds must be a non-negative number", "seconds");
  ctx.state.clockOffset += Math.floor(seconds);
  return settleDuePeriods(ctx);
}
