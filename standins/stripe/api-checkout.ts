/** /v1/checkout/sessions (create, retrieve, line_items, expire) and /v1/billing_portal/sessions. */
import { invalidParam, missingParam, StripeApiError } from "./errors";
import {
  applyMetadata,
  readArray,
  readBoolean,
  readInteger,
  readNullableString,
  readObject,
  readString,
  type FormObject,
} from "./form-body";
import { newId } from "./ids";
import { readCheckoutTaxParams } from "./tax";
import { paginate } from "./pagination";
import type { CheckoutSessionRecord, PortalSessionRecord } from "./records";
import type { ApiRoute } from "./router";
import { checkoutLineItemsJson, checkoutSessionJson, portalSessionJson } from "./serialize";
import type { StandinState } from "./state";

const SESSION_LIFETIME_SECONDS = 24 * 60 * 60;

function assertUrl(value: string, param: string): void {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("scheme");
  } catch {
    throw invalidParam("Not a valid URL", param, "url_invalid");
  }
}

function readLineItems(state: StandinState, body: FormObject, mode: CheckoutSessionRecord["mode"]): CheckoutSessionRecord["line_items"] {
  const raw = readArray(body, "line_items");
  if (raw.length === 0) throw missingParam("line_items");
  return raw.map((entry, index) => {
    const param = `line_items[${index}]`;
    if (typeof entry !== "object" || Array.isArray(entry)) throw invalidParam(`Invalid object: ${param}`, param);
    if (entry.price_data !== undefined) {
      throw invalidParam("The Stripe stand-in does not support price_data; pass a price id.", `${param}[price_data]`);
    }
    const priceId = readString(entry, "price", `${param}[price]`);
    if (!priceId) throw missingParam(`${param}[price]`);
    const price = state.price(priceId, `${param}[price]`);
    if (!price.active) throw invalidParam(`The price specified is inactive.`, `${param}[price]`);
    if (mode === "payment" && price.interval) {
      throw invalidParam("You specified `payment` mode but passed a recurring price.", `${param}[price]`);
    }
    if (mode === "subscription" && !price.interval) {
      throw invalidParam(
        "You must provide at least one recurring price in `subscription` mode when using prices.",
        `${param}[price]`,
      );
    }
    const quantity = readInteger(entry, "quantity", `${param}[quantity]`) ?? 1;
    if (quantity < 1) throw invalidParam("Quantity must be at least 1.", `${param}[quantity]`);
    return { price: price.id, quantity };
  });
}

/** `expires_at`: 30 minutes to 24 hours from now, as Stripe allows; 24 hours when absent. */
function readExpiresAt(body: FormObject): number {
  const wall = Math.floor(Date.now() / 1000);
  const asked = readInteger(body, "expires_at");
  if (asked === undefined) return wall + SESSION_LIFETIME_SECONDS;
  if (asked < wall + 30 * 60 - 60 || asked > wall + SESSION_LIFETIME_SECONDS) {
    throw invalidParam("The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.", "expires_at");
  }
  return asked;
}

export const checkoutRoutes: ApiRoute[] = [
  {
    method: "POST",
    pattern: "/v1/checkout/sessions",
    handler: (ctx, req) => {
      const body = req.body;
      const mode = readString(body, "mode");
      if (!mode) throw missingParam("mode");
      if (mode !== "subscription" && mode !== "payment") {
        throw invalidParam(`The Stripe stand-in supports mode=subscription and mode=payment (got '${mode}').`, "mode");
      }
      const successUrl = readString(body, "success_url");
      if (!successUrl) throw missingParam("success_url");
      assertUrl(successUrl, "success_url");
      const cancelUrl = readNullableString(body, "cancel_url") ?? null;
      if (cancelUrl) assertUrl(cancelUrl, "cancel_url");
      const customer = readNullableString(body, "customer") ?? null;
      const customerEmail = readNullableString(body, "customer_email") ?? null;
      if (customer && customerEmail) {
        throw invalidParam("You may only specify one of these parameters: customer, customer_email.", "customer_email");
      }
      if (customer) ctx.state.liveCustomer(customer, "customer");
      const subscriptionData = readObject(body, "subscription_data") ?? {};
      const trialDays = readInteger(subscriptionData, "trial_period_days", "subscription_data[trial_period_days]") ?? null;
      if (trialDays !== null && (trialDays < 1 || trialDays > 730)) {
        throw invalidParam(
          "subscription_data[trial_period_days] must be between 1 and 730.",
          "subscription_data[trial_period_days]",
        );
      }
      const now = ctx.state.now();
      const session: CheckoutSessionRecord = {
        id: newId("cs_test"),
        mode,
        customer,
        customer_email: customerEmail,
        line_items: readLineItems(ctx.state, body, mode),
        success_url: successUrl,
        cancel_url: cancelUrl,
        client_reference_id: readNullableString(body, "client_reference_id") ?? null,
        allow_promotion_codes: readBoolean(body, "allow_promotion_codes") ?? null,
        trial_period_days: trialDays,
        subscription_metadata: applyMetadata({}, subscriptionData),
        metadata: applyMetadata({}, body),
        status: "open",
        payment_status: "unpaid",
        subscription: null,
        created: now,
        // Like Stripe's test clocks, the stand-in's clock moves billing, not how long a session lives.
        expires_at: readExpiresAt(body),
        ...readCheckoutTaxParams(body, customer),
      };
      ctx.state.checkoutSessions.set(session.id, session);
      return checkoutSessionJson(ctx, session);
    },
  },
  {
    method: "GET",
    pattern: "/v1/checkout/sessions",
    handler: (ctx, req) => {
      const subscription = readString(req.query, "subscription");
      const customer = readString(req.query, "customer");
      const items = [...ctx.state.checkoutSessions.values()]
        .filter((s) => subscription === undefined || s.subscription === subscription)
        .filter((s) => customer === undefined || s.customer === customer)
        .reverse()
        .map((s) => checkoutSessionJson(ctx, s));
      return paginate(items, req.query, "/v1/checkout/sessions");
    },
  },
  {
    method: "GET",
    pattern: "/v1/checkout/sessions/:id",
    handler: (ctx, req) => {
      const session = ctx.state.checkoutSession(req.params.id ?? "");
      const json = checkoutSessionJson(ctx, session);
      if (req.expand.includes("line_items")) json.line_items = checkoutLineItemsJson(ctx, session);
      return json;
    },
  },
  {
    method: "GET",
    pattern: "/v1/checkout/sessions/:id/line_items",
    handler: (ctx, req) => checkoutLineItemsJson(ctx, ctx.state.checkoutSession(req.params.id ?? "")),
  },
  {
    method: "POST",
    pattern: "/v1/checkout/sessions/:id/expire",
    handler: (ctx, req) => {
      const session = ctx.state.checkoutSession(req.params.id ?? "");
      if (session.status !== "open") {
        throw new StripeApiError(400, `Only Checkout Sessions with a status of open can be expired.`);
      }
      session.status = "expired";
      return checkoutSessionJson(ctx, session);
    },
  },
  {
    method: "POST",
    pattern: "/v1/billing_portal/sessions",
    handler: (ctx, req) => {
      const customer = readString(req.body, "customer");
      if (!customer) throw missingParam("customer");
      ctx.state.liveCustomer(customer, "customer");
      const returnUrl = readNullableString(req.body, "return_url") ?? null;
      if (returnUrl) assertUrl(returnUrl, "return_url");
      const configuration = readNullableString(req.body, "configuration") ?? null;
      if (configuration && !ctx.state.portalConfiguration(configuration, "configuration").active) {
        throw invalidParam("The billing portal configuration is inactive.", "configuration");
      }
      const session: PortalSessionRecord = {
        id: newId("bps"),
        customer,
        return_url: returnUrl,
        created: ctx.state.now(),
        configuration,
      };
      ctx.state.portalSessions.set(session.id, session);
      return portalSessionJson(ctx, session);
    },
  },
];
