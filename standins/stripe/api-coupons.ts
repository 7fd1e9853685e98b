/** /v1/coupons: create, retrieve, list (percent or amount off; once, repeating or forever). */
import { invalidParam, StripeApiError } from "./errors";
import { applyMetadata, readInteger, readNullableString, readString } from "./form-body";
import { newId } from "./ids";
import type { JsonObject } from "./json";
import { paginate } from "./pagination";
import type { CouponRecord } from "./records";
import type { ApiRoute } from "./router";

export function couponJson(c: CouponRecord): JsonObject {
  return {
    id: c.id,
    object: "coupon",
    amount_off: c.amount_off,
    created: c.created,
    currency: c.currency,
    duration: c.duration,
    duration_in_months: c.duration_in_months,
    livemode: false,
    max_redemptions: null,
    metadata: { ...c.metadata },
    name: c.name,
    percent_off: c.percent_off,
    redeem_by: null,
    times_redeemed: 0,
    valid: true,
  };
}

export const couponRoutes: ApiRoute[] = [
  {
    method: "POST",
    pattern: "/v1/coupons",
    handler: (ctx, req) => {
      const b = req.body;
      const id = readString(b, "id") ?? newId("co").slice(0, 11);
      if (ctx.state.coupons.has(id)) throw new StripeApiError(400, "Coupon already exists.", "invalid_request_error", "id", "resource_already_exists");
      const percentText = readString(b, "percent_off");
      const percent = percentText === undefined ? null : Number(percentText);
      const amount = readInteger(b, "amount_off") ?? null;
      if ((percent === null) === (amount === null)) throw invalidParam("You must pass exactly one of percent_off or amount_off.", "percent_off");
      if (percent !== null && !(percent > 0 && percent <= 100)) throw invalidParam("percent_off must be greater than 0 and at most 100.", "percent_off");
      const currency = readNullableString(b, "currency") ?? null;
      if (amount !== null && (amount < 1 || !currency)) throw invalidParam("amount_off needs a positive amount and a currency.", amount < 1 ? "amount_off" : "currency");
      const duration = readString(b, "duration") ?? "once";
      if (duration !== "once" && duration !== "repeating" && duration !== "forever") throw invalidParam("Invalid duration: must be one of forever, once, or repeating", "duration");
      const months = readInteger(b, "duration_in_months") ?? null;
      if ((duration === "repeating") !== (months !== null) || (months !== null && months < 1)) {
        throw invalidParam("duration_in_months is required with duration=repeating, and only then.", "duration_in_months");
      }
      const coupon: CouponRecord = {
        id,
        name: readNullableString(b, "name") ?? null,
        percent_off: percent,
        amount_off: amount,
        currency,
        duration,
        duration_in_months: months,
        metadata: applyMetadata({}, b),
        created: ctx.state.now(),
      };
      ctx.state.coupons.set(id, coupon);
      return couponJson(coupon);
    },
  },
  {
    method: "GET",
    pattern: "/v1/coupons/:id",
    handler: (ctx, req) => couponJson(ctx.state.coupon(req.params.id ?? "")),
  },
  {
    method: "GET",
    pattern: "/v1/coupons",
    handler: (ctx, req) => paginate([...ctx.state.coupons.values()].reverse().map(couponJson), req.query, "/v1/coupons"),
  },
];
