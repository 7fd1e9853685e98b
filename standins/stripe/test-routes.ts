/**
 * HTTP test controls for tools driving the app from another process (Playwright):
 *   POST /_test/advance-clock        {"seconds": 2678400}         → {"now": …}
 *   POST /_test/subscriptions/:id/status {"status": "past_due"}   → the subscription
 *   POST /_test/subscriptions/:id/notice {"notice": "trial_will_end" | "payment_action_required"}
 *   POST /_test/flush-webhooks                                     → {"ok": true} once deliveries settle
 *   GET  /_test/state                                              → every stored object + "now"
 *   GET  /_test/events                                             → {"object":"list","data":[event records]}
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { announceTrialEnd, requirePaymentAction, SETTABLE_STATUSES, type BillingContext } from "./billing";
import type { StandinControls } from "./controls";
import { StripeApiError } from "./errors";
import { parseForm } from "./form-body";
import { readBody, sendJson } from "./http-util";
import type { JsonObject } from "./json";
import { matchPath } from "./router";
import { subscriptionJson } from "./serialize";

const advanceSchema = z.object({ seconds: z.coerce.number().finite().min(0) });
const statusSchema = z.object({ status: z.enum(SETTABLE_STATUSES) });
const noticeSchema = z.object({ notice: z.enum(["trial_will_end", "payment_action_required"]) });

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (text.trim() === "") return {};
  if ((req.headers["content-type"] ?? "").includes("json")) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new StripeApiError(400, "Body is not valid JSON.");
    }
  }
  return parseForm(text);
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StripeApiError(400, issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "Invalid body.");
  }
  return parsed.data;
}

async function route(
  ctx: BillingContext,
  controls: StandinControls,
  req: IncomingMessage,
  url: URL,
): Promise<JsonObject> {
  const method = (req.method ?? "GET").toUpperCase();
  const path = url.pathname;
  if (method === "POST" && path === "/_test/advance-clock") {
    const { seconds } = parseWith(advanceSchema, await readJsonBody(req));
    await controls.advanceClock(seconds);
    return { now: controls.now() };
  }
  const statusParams = matchPath("/_test/subscriptions/:id/status", path);
  if (method === "POST" && statusParams) {
    const { status } = parseWith(statusSchema, await readJsonBody(req));
    const id = statusParams.id ?? "";
    await controls.setSubscriptionStatus(id, status);
    return subscriptionJson(ctx, ctx.state.subscription(id));
  }
  const noticeParams = matchPath("/_test/subscriptions/:id/notice", path);
  if (method === "POST" && noticeParams) {
    const { notice } = parseWith(noticeSchema, await readJsonBody(req));
    const sub = ctx.state.subscription(noticeParams.id ?? "");
    if (notice === "trial_will_end") announceTrialEnd(ctx, sub);
    else requirePaymentAction(ctx, sub);
    ctx.state.save();
    return subscriptionJson(ctx, sub);
  }
  if (method === "POST" && path === "/_test/flush-webhooks") {
    await controls.flushWebhooks();
    return { ok: true };
  }
  if (method === "GET" && path === "/_test/state") {
    const file: JsonObject = ctx.state.toFile();
    return { now: controls.now(), ...file };
  }
  if (method === "GET" && path === "/_test/events") {
    const data: JsonObject[] = controls.events();
    return { object: "list", data };
  }
  throw new StripeApiError(404, `Unknown test control: ${method} ${path}`);
}

export async function handleTestRoute(
  ctx: BillingContext,
  controls: StandinControls,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  try {
    sendJson(res, 200, await route(ctx, controls, req, url));
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    sendJson(res, error.status, error.toJson());
  }
}
