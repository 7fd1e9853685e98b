/** /v1/subscriptions (list, retrieve, update, cancel), /v1/invoices and /v1/events (read-only). */
import { cancelNow, updateSubscription, type ItemChange, type SubscriptionPatch } from "./billing";
import { invalidParam } from "./errors";
import { applyMetadata, readArray, readBoolean, readInteger, readNullableString, readObject, readString } from "./form-body";
import type { JsonObject } from "./json";
import { subscriptionStatusSchema, type SubscriptionRecord } from "./records";
import type { ApiRoute } from "./router";
import { invoiceJson, subscriptionJson } from "./serialize";
import { paginate } from "./pagination";

function statusFilter(status: string | undefined): (sub: SubscriptionRecord) => boolean {
  const ended = (s: SubscriptionRecord): boolean => s.status === "canceled" || s.status === "incomplete_expired";
  if (status === undefined) return (s) => !ended(s);
  if (status === "all") return () => true;
  if (status === "ended") return ended;
  const parsed = subscriptionStatusSchema.safeParse(status);
  if (!parsed.success) {
    throw invalidParam(
      "Invalid status: must be one of active, all, canceled, ended, incomplete, incomplete_expired, past_due, paused, trialing, or unpaid",
      "status",
    );
  }
  return (s) => s.status === parsed.data;
}

function readItemChanges(body: Parameters<typeof readArray>[0]): ItemChange[] | undefined {
  if (body.items === undefined) return undefined;
  return readArray(body, "items").map((entry, index) => {
    const param = `items[${index}]`;
    if (typeof entry !== "object" || Array.isArray(entry)) throw invalidParam(`Invalid object: ${param}`, param);
    const change: ItemChange = {};
    const id = readString(entry, "id", `${param}[id]`);
    const price = readString(entry, "price", `${param}[price]`);
    const quantity = readInteger(entry, "quantity", `${param}[quantity]`);
    const deleted = readBoolean(entry, "deleted", `${param}[deleted]`);
    if (entry.price_data !== undefined) {
      throw invalidParam("The Stripe stand-in does not support price_data; pass a price id.", `${param}[price_data]`);
    }
    if (id) change.id = id;
    if (price) change.price = price;
    if (quantity !== undefined) {
      if (quantity < 1) throw invalidParam("Quantity must be at least 1.", `${param}[quantity]`);
      change.quantity = quantity;
    }
    if (deleted) change.deleted = true;
    return change;
  });
}

export const subscriptionRoutes: ApiRoute[] = [
  {
    method: "GET",
    pattern: "/v1/subscriptions",
    handler: (ctx, req) => {
      const customer = readString(req.query, "customer");
      const price = readString(req.query, "price");
      const matchesStatus = statusFilter(readString(req.query, "status"));
      const items = [...ctx.state.subscriptions.values()]
        .filter((s) => customer === undefined || s.customer === customer)
        .filter((s) => price === undefined || s.items.some((item) => item.price === price))
        .filter(matchesStatus)
        .reverse()
        .map((s) => subscriptionJson(ctx, s));
      return paginate(items, req.query, "/v1/subscriptions");
    },
  },
  {
    method: "GET",
    pattern: "/v1/subscriptions/:id",
    handler: (ctx, req) => subscriptionJson(ctx, ctx.state.subscription(req.params.id ?? "")),
  },
  {
    method: "POST",
    pattern: "/v1/subscriptions/:id",
    handler: (ctx, req) => {
      const sub = ctx.state.subscription(req.params.id ?? "");
      const patch: SubscriptionPatch = {};
      const cancelAtPeriodEnd = readBoolean(req.body, "cancel_at_period_end");
      if (cancelAtPeriodEnd !== undefined) patch.cancelAtPeriodEnd = cancelAtPeriodEnd;
      const items = readItemChanges(req.body);
      if (items !== undefined) patch.items = items;
      if (req.body.metadata !== undefined) patch.metadata = applyMetadata(sub.metadata, req.body);
      const details = readObject(req.body, "cancellation_details");
      if (details) {
        patch.cancellationDetails = {
          feedback: readNullableString(details, "feedback", "cancellation_details[feedback]"),
          comment: readNullableString(details, "comment", "cancellation_details[comment]"),
        };
      }
      updateSubscription(ctx, sub, patch);
      return subscriptionJson(ctx, sub);
    },
  },
  {
    method: "DELETE",
    pattern: "/v1/subscriptions/:id",
    handler: (ctx, req) => {
      const sub = ctx.state.subscription(req.params.id ?? "");
      cancelNow(ctx, sub);
      return subscriptionJson(ctx, sub);
    },
  },
  {
    method: "GET",
    pattern: "/v1/invoices",
    handler: (ctx, req) => {
      const customer = readString(req.query, "customer");
      const subscription = readString(req.query, "subscription");
      const status = readString(req.query, "status");
      const items = [...ctx.state.invoices.values()]
        .filter((i) => customer === undefined || i.customer === customer)
        .filter((i) => subscription === undefined || i.subscription === subscription)
        .filter((i) => status === undefined || i.status === status)
        .reverse()
        .map((i) => invoiceJson(ctx, i));
      return paginate(items, req.query, "/v1/invoices");
    },
  },
  {
    method: "GET",
    pattern: "/v1/invoices/:id",
    handler: (ctx, req) => invoiceJson(ctx, ctx.state.invoice(req.params.id ?? "")),
  },
  {
    method: "GET",
    pattern: "/v1/events",
    handler: (ctx, req) => {
      const type = readString(req.query, "type");
      const items: JsonObject[] = ctx.state.events
        .filter((e) => type === undefined || e.type === type)
        .map((e) => e.event)
        .reverse();
      return paginate(items, req.query, "/v1/events");
    },
  },
  {
    method: "GET",
    pattern: "/v1/events/:id",
    handler: (ctx, req) => ctx.state.event(req.params.id ?? "").event,
  },
];
