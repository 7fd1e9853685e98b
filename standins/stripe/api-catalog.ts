/** /v1/products and /v1/prices (create, retrieve, list with lookup_keys/active/product filters). */
import { createPrice, createProduct } from "./catalog";
import { invalidParam, missingParam } from "./errors";
import {
  applyMetadata,
  readBoolean,
  readInteger,
  readNullableString,
  readObject,
  readString,
  readStringList,
} from "./form-body";
import { intervalSchema, type Interval } from "./records";
import type { ApiRoute } from "./router";
import { priceJson, productJson } from "./serialize";
import { paginate } from "./pagination";

function readInterval(value: string | undefined): Interval | null {
  if (value === undefined) return null;
  const parsed = intervalSchema.safeParse(value);
  if (!parsed.success) throw invalidParam(`Invalid recurring[interval]: must be one of day, week, month, or year`, "recurring[interval]");
  return parsed.data;
}

export const catalogRoutes: ApiRoute[] = [
  {
    method: "POST",
    pattern: "/v1/products",
    handler: (ctx, req) => {
      const name = readString(req.body, "name");
      if (!name) throw missingParam("name");
      const product = createProduct(ctx.state, {
        name,
        description: readNullableString(req.body, "description") ?? null,
        active: readBoolean(req.body, "active") ?? true,
        metadata: applyMetadata({}, req.body),
      });
      return productJson(product);
    },
  },
  {
    method: "GET",
    pattern: "/v1/products",
    handler: (ctx, req) => {
      const active = readBoolean(req.query, "active");
      const items = [...ctx.state.products.values()]
        .filter((p) => active === undefined || p.active === active)
        .reverse()
        .map(productJson);
      return paginate(items, req.query, "/v1/products");
    },
  },
  {
    method: "GET",
    pattern: "/v1/products/:id",
    handler: (ctx, req) => productJson(ctx.state.product(req.params.id ?? "")),
  },
  {
    method: "POST",
    pattern: "/v1/prices",
    handler: (ctx, req) => {
      let product = readString(req.body, "product");
      const productData = readObject(req.body, "product_data");
      if (!product && productData) {
        const name = readString(productData, "name", "product_data[name]");
        if (!name) throw missingParam("product_data[name]");
        product = createProduct(ctx.state, { name }).id;
      }
      if (!product) throw missingParam("product");
      const currency = readString(req.body, "currency");
      if (!currency) throw missingParam("currency");
      const unitAmount = readInteger(req.body, "unit_amount");
      if (unitAmount === undefined) throw missingParam("unit_amount");
      if (unitAmount < 0) throw invalidParam("This value must be greater than or equal to 0.", "unit_amount");
      const recurring = readObject(req.body, "recurring");
      const interval = recurring ? readInterval(readString(recurring, "interval", "recurring[interval]")) : null;
      if (recurring && !interval) throw missingParam("recurring[interval]");
      const price = createPrice(ctx.state, {
        product,
        unit_amount: unitAmount,
        currency,
        interval,
        interval_count: (recurring && readInteger(recurring, "interval_count", "recurring[interval_count]")) || 1,
        lookup_key: readNullableString(req.body, "lookup_key") ?? null,
        transfer_lookup_key: readBoolean(req.body, "transfer_lookup_key") ?? false,
        nickname: readNullableString(req.body, "nickname") ?? null,
        active: readBoolean(req.body, "active") ?? true,
        metadata: applyMetadata({}, req.body),
      });
      return priceJson(price);
    },
  },
  {
    method: "GET",
    pattern: "/v1/prices",
    handler: (ctx, req) => {
      const lookupKeys = readStringList(req.query, "lookup_keys");
      const active = readBoolean(req.query, "active");
      const product = readString(req.query, "product");
      const type = readString(req.query, "type");
      const items = [...ctx.state.prices.values()]
        .filter((p) => lookupKeys.length === 0 || (p.lookup_key !== null && lookupKeys.includes(p.lookup_key)))
        .filter((p) => active === undefined || p.active === active)
        .filter((p) => product === undefined || p.product === product)
        .filter((p) => type === undefined || (type === "recurring") === (p.interval !== null))
        .reverse()
        .map(priceJson);
      return paginate(items, req.query, "/v1/prices");
    },
  },
  {
    method: "GET",
    pattern: "/v1/prices/:id",
    handler: (ctx, req) => priceJson(ctx.state.price(req.params.id ?? "")),
  },
];
