/** /v1/billing_portal/configurations: create, list, retrieve, update (features kept in Stripe's JSON shape). */
import { invalidParam, missingParam } from "./errors";
import { applyMetadata, readArray, readBoolean, readNullableString, readObject, readString, readStringList, type FormObject } from "./form-body";
import { newId } from "./ids";
import type { JsonObject } from "./json";
import { paginate } from "./pagination";
import { CANCELLATION_FEEDBACK, type PortalConfigurationRecord } from "./records";
import type { ApiRoute } from "./router";
import type { StandinState } from "./state";

const off = (extra: JsonObject = {}): JsonObject => ({ enabled: false, ...extra });

const DEFAULT_FEATURES: JsonObject = {
  customer_update: off({ allowed_updates: [] }),
  invoice_history: off(),
  payment_method_update: off(),
  subscription_cancel: off({ cancellation_reason: off({ options: [] }), mode: "at_period_end", proration_behavior: "none" }),
  subscription_update: off({ default_allowed_updates: [], products: [], proration_behavior: "none" }),
};

function oneOf(value: string | undefined, allowed: readonly string[], param: string): string | undefined {
  if (value !== undefined && !allowed.includes(value)) throw invalidParam(`Invalid ${param}: must be one of ${allowed.join(", ")}`, param);
  return value;
}

const child = (o: JsonObject, key: string): JsonObject => {
  const v = o[key];
  return v && typeof v === "object" && !Array.isArray(v) ? v : {};
};

/** Merges `features[…]` form fields into `current`, checking each the way Stripe does. */
function mergeFeatures(state: StandinState, current: JsonObject, form: FormObject): JsonObject {
  const out: JsonObject = structuredClone(current);
  for (const name of ["invoice_history", "payment_method_update"] as const) {
    const f = readObject(form, name, `features[${name}]`);
    if (f) out[name] = { ...child(out, name), enabled: readBoolean(f, "enabled", `features[${name}][enabled]`) ?? false };
  }
  const cancel = readObject(form, "subscription_cancel", "features[subscription_cancel]");
  if (cancel) {
    const p = "features[subscription_cancel]";
    const next = { ...child(out, "subscription_cancel") };
    const enabled = readBoolean(cancel, "enabled", `${p}[enabled]`);
    if (enabled !== undefined) next.enabled = enabled;
    const mode = oneOf(readString(cancel, "mode", `${p}[mode]`), ["at_period_end", "immediately"], `${p}[mode]`);
    if (mode) next.mode = mode;
    const proration = oneOf(readString(cancel, "proration_behavior", `${p}[proration_behavior]`), ["always_invoice", "create_prorations", "none"], `${p}[proration_behavior]`);
    if (proration) next.proration_behavior = proration;
    const reason = readObject(cancel, "cancellation_reason", `${p}[cancellation_reason]`);
    if (reason) {
      const options = readStringList(reason, "options", `${p}[cancellation_reason][options]`);
      options.forEach((o, i) => oneOf(o, CANCELLATION_FEEDBACK, `${p}[cancellation_reason][options][${i}]`));
      const on = readBoolean(reason, "enabled", `${p}[cancellation_reason][enabled]`) ?? false;
      if (on && options.length === 0) throw missingParam(`${p}[cancellation_reason][options]`);
      next.cancellation_reason = { enabled: on, options };
    }
    out.subscription_cancel = next;
  }
  const update = readObject(form, "subscription_update", "features[subscription_update]");
  if (update) {
    const p = "features[subscription_update]";
    const next = { ...child(out, "subscription_update") };
    const enabled = readBoolean(update, "enabled", `${p}[enabled]`);
    if (enabled !== undefined) next.enabled = enabled;
    if (update.default_allowed_updates !== undefined) {
      const allowed = readStringList(update, "default_allowed_updates", `${p}[default_allowed_updates]`);
      allowed.forEach((a, i) => oneOf(a, ["price", "quantity", "promotion_code"], `${p}[default_allowed_updates][${i}]`));
      next.default_allowed_updates = allowed;
    }
    const proration = oneOf(readString(update, "proration_behavior", `${p}[proration_behavior]`), ["always_invoice", "create_prorations", "none"], `${p}[proration_behavior]`);
    if (proration) next.proration_behavior = proration;
    if (update.products !== undefined) {
      next.products = readArray(update, "products", `${p}[products]`).map((entry, i) => {
        const q = `${p}[products][${i}]`;
        if (typeof entry !== "object" || Array.isArray(entry)) throw invalidParam(`Invalid object: ${q}`, q);
        const product = readString(entry, "product", `${q}[product]`);
        if (!product) throw missingParam(`${q}[product]`);
        state.product(product, `${q}[product]`);
        const prices = readStringList(entry, "prices", `${q}[prices]`);
        prices.forEach((price, j) => {
          if (state.price(price, `${q}[prices][${j}]`).product !== product) throw invalidParam(`The price ${price} does not belong to ${product}.`, `${q}[prices][${j}]`);
        });
        return { adjustable_quantity: { enabled: false, maximum: null, minimum: 1 }, prices, product };
      });
    }
    if (next.enabled === true && (!Array.isArray(next.products) || next.products.length === 0)) throw missingParam(`${p}[products]`);
    out.subscription_update = next;
  }
  return out;
}

function configurationJson(c: PortalConfigurationRecord): JsonObject {
  return {
    id: c.id,
    object: "billing_portal.configuration",
    active: c.active,
    application: null,
    business_profile: { headline: null, privacy_policy_url: null, terms_of_service_url: null },
    created: c.created,
    default_return_url: c.default_return_url,
    features: c.features,
    is_default: c.is_default,
    livemode: false,
    login_page: { enabled: false, url: null },
    metadata: { ...c.metadata },
    name: null,
    updated: c.updated,
  };
}

function applyCommon(c: PortalConfigurationRecord, state: StandinState, body: FormObject): void {
  const features = readObject(body, "features");
  if (features) c.features = mergeFeatures(state, c.features, features);
  const returnUrl = readNullableString(body, "default_return_url");
  if (returnUrl !== undefined) c.default_return_url = returnUrl;
  c.metadata = applyMetadata(c.metadata, body);
  const active = readBoolean(body, "active");
  if (active !== undefined) c.active = active;
  c.updated = state.now();
}

export const portalConfigurationRoutes: ApiRoute[] = [
  {
    method: "POST",
    pattern: "/v1/billing_portal/configurations",
    handler: (ctx, req) => {
      if (!readObject(req.body, "features")) throw missingParam("features");
      const now = ctx.state.now();
      const c: PortalConfigurationRecord = {
        id: newId("bpc"),
        active: true,
        is_default: false,
        default_return_url: null,
        features: DEFAULT_FEATURES,
        metadata: {},
        created: now,
        updated: now,
      };
      applyCommon(c, ctx.state, req.body);
      ctx.state.portalConfigurations.set(c.id, c);
      return configurationJson(c);
    },
  },
  {
    method: "GET",
    pattern: "/v1/billing_portal/configurations",
    handler: (ctx, req) => {
      const active = readBoolean(req.query, "active");
      const items = [...ctx.state.portalConfigurations.values()]
        .filter((c) => active === undefined || c.active === active)
        .reverse()
        .map(configurationJson);
      return paginate(items, req.query, "/v1/billing_portal/configurations");
    },
  },
  {
    method: "GET",
    pattern: "/v1/billing_portal/configurations/:id",
    handler: (ctx, req) => configurationJson(ctx.state.portalConfiguration(req.params.id ?? "")),
  },
  {
    method: "POST",
    pattern: "/v1/billing_portal/configurations/:id",
    handler: (ctx, req) => {
      const c = ctx.state.portalConfiguration(req.params.id ?? "");
      applyCommon(c, ctx.state, req.body);
      return configurationJson(c);
    },
  },
];
