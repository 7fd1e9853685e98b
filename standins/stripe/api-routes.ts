/**
 * The /v1 dispatcher: API-key check, form parsing, Idempotency-Key replay, routing,
 * `expand[]`, Stripe-shaped errors, and persisting state after changes.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { catalogRoutes } from "./api-catalog";
import { checkoutRoutes } from "./api-checkout";
import { customerRoutes } from "./api-customers";
import { subscriptionRoutes } from "./api-subscriptions";
import { invoiceRoutes } from "./api-invoices";
import { portalConfigurationRoutes } from "./api-portal-configurations";
import { couponRoutes } from "./api-coupons";
import { settleDuePeriods, type BillingContext } from "./billing";
import { StripeApiError } from "./errors";
import { applyExpand } from "./expand";
import { parseForm, readExpand } from "./form-body";
import { readBody, requestId, sendJson } from "./http-util";
import type { IdempotencyCache, StoredResponse } from "./idempotency";
import { cloneJson } from "./json";
import { findRoute, type ApiRoute } from "./router";
import { objectJsonById } from "./serialize";

const routes: readonly ApiRoute[] = [...customerRoutes, ...catalogRoutes, ...checkoutRoutes, ...subscriptionRoutes, ...invoiceRoutes, ...portalConfigurationRoutes, ...couponRoutes];

const KEY_PATTERN = /^(sk_test_|rk_test_)\S+$/;

/** The API key from `Authorization: Bearer sk_…` or HTTP Basic (`-u sk_…:`). */
function apiKeyOf(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const [scheme, value] = header.split(" ", 2);
  if (!value) return null;
  if (scheme?.toLowerCase() === "bearer") return value.trim();
  if (scheme?.toLowerCase() === "basic") {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    return decoded.split(":")[0] ?? null;
  }
  return null;
}

function redact(key: string): string {
  return key.length > 12 ? `${key.slice(0, 8)}${"*".repeat(Math.min(key.length - 12, 20))}${key.slice(-4)}` : key;
}

function authError(key: string | null): StripeApiError {
  if (!key) {
    return new StripeApiError(
      401,
      "You did not provide an API key. You need to provide your API key in the Authorization header, " +
        "using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  return new StripeApiError(
    401,
    `Invalid API Key provided: ${redact(key)}. The Stripe stand-in accepts test keys only (sk_test_… or rk_test_…).`,
  );
}

function run(ctx: BillingContext, method: string, path: string, queryText: string, bodyText: string): StoredResponse {
  const found = findRoute(routes, method, path);
  if (!found.route) {
    throw new StripeApiError(
      404,
      `Unrecognized request URL (${method}: ${path}). The Stripe stand-in only implements the endpoints ESM Insight uses.`,
    );
  }
  const query = parseForm(queryText);
  const body = parseForm(bodyText);
  const expand = [...readExpand(query), ...readExpand(body)];
  const result = cloneJson(found.route.handler(ctx, { method, path, params: found.params, query, body, expand }));
  return { status: 200, body: applyExpand(result, expand, (id) => objectJsonById(ctx, id)) };
}

export async function handleApi(
  ctx: BillingContext,
  idempotency: IdempotencyCache,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  const headers = { "Request-Id": requestId(), "Stripe-Version": String(req.headers["stripe-version"] ?? "") };
  let response: StoredResponse;
  let changed = false;
  try {
    const key = apiKeyOf(req);
    if (!key || !KEY_PATTERN.test(key)) throw authError(key);
    const bodyText = method === "POST" ? await readBody(req) : "";
    const queryText = url.search.slice(1);
    const idempotencyKey = method === "POST" ? req.headers["idempotency-key"] : undefined;
    const fingerprint = `${method} ${url.pathname}?${queryText}\n${bodyText}`;
    const replay = typeof idempotencyKey === "string" ? idempotency.lookup(idempotencyKey, fingerprint) : undefined;
    if (replay) {
      sendJson(res, replay.status, replay.body, { ...headers, "Idempotent-Replayed": "true" });
      return;
    }
    changed = settleDuePeriods(ctx) > 0;
    try {
      response = run(ctx, method, url.pathname, queryText, bodyText);
      if (method !== "GET") changed = true;
    } catch (error) {
      if (!(error instanceof StripeApiError)) throw error;
      response = { status: error.status, body: error.toJson() };
    }
    if (typeof idempotencyKey === "string") idempotency.store(idempotencyKey, fingerprint, response);
  } catch (error) {
    const apiError =
      error instanceof StripeApiError
        ? error
        : new StripeApiError(500, `Stripe stand-in internal error: ${error instanceof Error ? error.message : String(error)}`, "api_error");
    if (!(error instanceof StripeApiError)) console.error("[stripe-standin]", error);
    response = { status: apiError.status, body: apiError.toJson() };
  }
  if (changed) ctx.state.save();
  sendJson(res, response.status, response.body, headers);
}
