/** Turns stored records into JSON shaped like Stripe's API objects. */
import type { JsonObject } from "./json";
import type {
  CheckoutSessionRecord,
  CustomerRecord,
  InvoiceRecord,
  PortalSessionRecord,
  PriceRecord,
  ProductRecord,
  SubscriptionItemRecord,
  SubscriptionRecord,
} from "./records";
import type { StandinState } from "./state";

export interface SerializeContext {
  state: StandinState;
  /** Base URL for checkout/portal links, no trailing slash. */
  publicUrl: string;
}

export function listJson(url: string, data: JsonObject[], hasMore = false): JsonObject {
  return { object: "list", data, has_more: hasMore, url };
}

export function customerJson(customer: CustomerRecord): JsonObject {
  if (customer.deleted) return deletedCustomerJson(customer.id);
  return {
    id: customer.id,
    object: "customer",
    address: null,
    balance: 0,
    created: customer.created,
    currency: null,
    default_source: null,
    delinquent: false,
    description: customer.description,
    discount: null,
    email: customer.email,
    invoice_prefix: customer.id.slice(4, 12).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: { ...customer.metadata },
    name: customer.name,
    phone: customer.phone,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  };
}

export function deletedCustomerJson(id: string): JsonObject {
  return { id, object: "customer", deleted: true };
}

export function productJson(product: ProductRecord): JsonObject {
  return {
    id: product.id,
    object: "product",
    active: product.active,
    created: product.created,
    default_price: null,
    description: product.description,
    images: [],
    livemode: false,
    metadata: { ...product.metadata },
    name: product.name,
    type: "service",
    updated: product.created,
    url: null,
  };
}

export function priceJson(price: PriceRecord): JsonObject {
  return {
    id: price.id,
    object: "price",
    active: price.active,
    billing_scheme: "per_unit",
    created: price.created,
    currency: price.currency,
    livemode: false,
    lookup_key: price.lookup_key,
    metadata: { ...price.metadata },
    nickname: price.nickname,
    product: price.product,
    recurring: price.interval
      ? {
          interval: price.interval,
          interval_count: price.interval_count,
          meter: null,
          trial_period_days: null,
          usage_type: "licensed",
        }
      : null,
    tax_behavior: "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: price.interval ? "recurring" : "one_time",
    unit_amount: price.unit_amount,
    unit_amount_decimal: String(price.unit_amount),
  };
}

/** The legacy `plan` view of a price, still present on subscription items. */
function planJson(price: PriceRecord): JsonObject {
  return {
    id: price.id,
    object: "plan",
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: String(price.unit_amount),
    billing_scheme: "per_unit",
    created: price.created,
    currency: price.currency,
    interval: price.interval ?? "month",
    interval_count: price.interval_count,
    livemode: false,
    metadata: { ...price.metadata },
    nickname: price.nickname,
    product: price.product,
    usage_type: "licensed",
  };
}

function subscriptionItemJson(ctx: SerializeContext, sub: SubscriptionRecord, item: SubscriptionItemRecord): JsonObject {
  const price = ctx.state.price(item.price);
  return {
    id: item.id,
    object: "subscription_item",
    created: item.created,
    current_period_start: sub.current_period_start,
    current_period_end: sub.current_period_end,
    discounts: [],
    metadata: {},
    plan: planJson(price),
    price: priceJson(price),
    quantity: item.quantity,
    subscription: sub.id,
    tax_rates: [],
  };
}

export function subscriptionJson(ctx: SerializeContext, sub: SubscriptionRecord): JsonObject {
  const firstPrice = sub.items[0] ? ctx.state.prices.get(sub.items[0].price) : undefined;
  return {
    id: sub.id,
    object: "subscription",
    billing_cycle_anchor: sub.current_period_start,
    cancel_at: sub.cancel_at,
    cancel_at_period_end: sub.cancel_at_period_end,
    canceled_at: sub.canceled_at,
    cancellation_details: {
      comment: sub.cancellation_comment ?? null,
      feedback: sub.cancellation_feedback ?? null,
      reason: sub.canceled_at || sub.cancel_at_period_end ? "cancellation_requested" : null,
    },
    collection_method: "charge_automatically",
    created: sub.created,
    currency: firstPrice?.currency ?? "usd",
    current_period_start: sub.current_period_start,
    current_period_end: sub.current_period_end,
    customer: sub.customer,
    default_payment_method: null,
    description: null,
    discounts: [],
    ended_at: sub.ended_at,
    items: listJson(
      `/v1/subscription_items?subscription=${sub.id}`,
      sub.items.map((item) => subscriptionItemJson(ctx, sub, item)),
    ),
    latest_invoice: sub.latest_invoice,
    livemode: false,
    metadata: { ...sub.metadata },
    pause_collection: null,
    pending_update: null,
    schedule: null,
    start_date: sub.start_date,
    status: sub.status,
    test_clock: null,
    trial_end: sub.trial_end,
    trial_start: sub.trial_start,
  };
}

export function invoiceJson(ctx: SerializeContext, invoice: InvoiceRecord): JsonObject {
  const price = invoice.price ? ctx.state.prices.get(invoice.price) : undefined;
  return {
    id: invoice.id,
    object: "invoice",
    amount_due: invoice.amount_due,
    amount_paid: invoice.amount_paid,
    amount_remaining: invoice.amount_due - invoice.amount_paid,
    attempt_count: invoice.status === "paid" ? 1 : invoice.status === "open" ? 1 : 0,
    billing_reason: invoice.billing_reason,
    collection_method: "charge_automatically",
    created: invoice.created,
    currency: invoice.currency,
    customer: invoice.customer,
    hosted_invoice_url: `${ctx.publicUrl}/invoices/${invoice.id}`,
    invoice_pdf: `${ctx.publicUrl}/invoices/${invoice.id}/pdf`,
    lines: listJson(`/v1/invoices/${invoice.id}/lines`, [
      {
        id: `il_${invoice.id.slice(3)}`,
        object: "line_item",
        amount: invoice.amount_due,
        currency: invoice.currency,
        description: price?.nickname ?? null,
        period: { start: invoice.period_start, end: invoice.period_end },
        pricing: price ? { type: "price_details", price_details: { price: price.id, product: price.product } } : null,
        quantity: 1,
      },
    ]),
    livemode: false,
    parent: invoice.subscription
      ? {
          type: "subscription_details",
          quote_details: null,
          subscription_details: { metadata: {}, subscription: invoice.subscription },
        }
      : null,
    period_start: invoice.period_start,
    period_end: invoice.period_end,
    status: invoice.status,
    status_transitions: {
      finalized_at: invoice.created,
      paid_at: invoice.status === "paid" ? invoice.created : null,
      marked_uncollectible_at: null,
      voided_at: null,
    },
    subscription: invoice.subscription,
    total: invoice.amount_due,
    subtotal: invoice.amount_due,
  };
}

function sessionAmount(ctx: SerializeContext, session: CheckoutSessionRecord): { total: number; currency: string } {
  let total = 0;
  let currency = "usd";
  for (const line of session.line_items) {
    const price = ctx.state.prices.get(line.price);
    if (!price) continue;
    total += price.unit_amount * line.quantity;
    currency = price.currency;
  }
  return { total, currency };
}

export function checkoutSessionJson(ctx: SerializeContext, session: CheckoutSessionRecord): JsonObject {
  const { total, currency } = sessionAmount(ctx, session);
  const customer = session.customer ? ctx.state.customers.get(session.customer) : undefined;
  const email = customer?.email ?? session.customer_email;
  const firstInvoice = session.subscription ? ctx.state.subscriptions.get(session.subscription)?.latest_invoice : null;
  return {
    id: session.id,
    object: "checkout.session",
    allow_promotion_codes: session.allow_promotion_codes,
    amount_subtotal: total,
    amount_total: total,
    cancel_url: session.cancel_url,
    client_reference_id: session.client_reference_id,
    created: session.created,
    currency,
    customer: session.customer,
    customer_creation: session.customer ? null : "always",
    customer_details:
      session.status === "complete" ? { email: email ?? null, name: customer?.name ?? null, phone: null } : null,
    customer_email: session.customer_email,
    expires_at: session.expires_at,
    invoice: firstInvoice ?? null,
    livemode: false,
    metadata: { ...session.metadata },
    mode: session.mode,
    payment_status: session.payment_status,
    status: session.status,
    subscription: session.subscription,
    success_url: session.success_url,
    ui_mode: "hosted",
    url: session.status === "open" ? `${ctx.publicUrl}/checkout/${session.id}` : null,
  };
}

export function checkoutLineItemsJson(ctx: SerializeContext, session: CheckoutSessionRecord): JsonObject {
  const data: JsonObject[] = [];
  session.line_items.forEach((line, index) => {
    const price = ctx.state.prices.get(line.price);
    if (!price) return;
    const amount = price.unit_amount * line.quantity;
    data.push({
      id: `li_${session.id.slice(8)}${index}`,
      object: "item",
      amount_subtotal: amount,
      amount_total: amount,
      currency: price.currency,
      description: price.nickname ?? "",
      price: priceJson(price),
      quantity: line.quantity,
    });
  });
  return listJson(`/v1/checkout/sessions/${session.id}/line_items`, data);
}

export function portalSessionJson(ctx: SerializeContext, session: PortalSessionRecord): JsonObject {
  return {
    id: session.id,
    object: "billing_portal.session",
    configuration: "bpc_standin_default",
    created: session.created,
    customer: session.customer,
    flow: null,
    livemode: false,
    locale: null,
    on_behalf_of: null,
    return_url: session.return_url,
    url: `${ctx.publicUrl}/portal/${session.id}`,
  };
}

/** Any stored object by id (used to expand ids into objects). */
export function objectJsonById(ctx: SerializeContext, id: string): JsonObject | undefined {
  const state = ctx.state;
  const prefix = id.slice(0, id.indexOf("_") + 1);
  switch (prefix) {
    case "cus_": {
      const c = state.customers.get(id);
      return c ? customerJson(c) : undefined;
    }
    case "prod_": {
      const p = state.products.get(id);
      return p ? productJson(p) : undefined;
    }
    case "price_": {
      const p = state.prices.get(id);
      return p ? priceJson(p) : undefined;
    }
    case "sub_": {
      const s = state.subscriptions.get(id);
      return s ? subscriptionJson(ctx, s) : undefined;
    }
    case "in_": {
      const i = state.invoices.get(id);
      return i ? invoiceJson(ctx, i) : undefined;
    }
    case "cs_": {
      const s = state.checkoutSessions.get(id);
      return s ? checkoutSessionJson(ctx, s) : undefined;
    }
    default:
      return undefined;
  }
}
