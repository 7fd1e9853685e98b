/**
 * A local stand-in for the subset of Stripe's REST API that ESM Insight uses, so the real
 * `stripe` SDK works offline:
 *
 *   const standin = await startStripeStandin({ port: 0, webhookSecret: "whsec_…", webhookUrl });
 *   const stripe = new Stripe("sk_test_…", { host: "localhost", port: standin.port, protocol: "http" });
 *
 * It also serves a hosted checkout page and a customer portal, signs and delivers webhooks,
 * and exposes test controls (in-process and under /_test/*).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { handleApi } from "./api-routes";
import { settleDuePeriods, type BillingContext, type SettableStatus } from "./billing";
import { seedCatalog } from "./catalog";
import { createControls, type StandinControls } from "./controls";
import { EventLog } from "./events";
import { messagePage } from "./html";
import { sendHtml, sendText } from "./http-util";
import { IdempotencyCache } from "./idempotency";
import { handlePage } from "./page-routes";
import type { StripeEventRecord } from "./records";
import { StandinState } from "./state";
import { handleTestRoute } from "./test-routes";
import { WebhookDelivery } from "./webhook-delivery";

export type { StripeEventRecord } from "./records";
export type { SettableStatus as StandinSubscriptionStatus } from "./billing";

export interface StripeStandinOptions {
  /** 0 = random free port. */
  port: number;
  /** Where signed events are POSTed (e.g. http://localhost:3000/api/stripe/webhook). No webhooks when unset. */
  webhookUrl?: string;
  /** whsec_… used to sign events (Stripe-Signature header, same scheme as real Stripe). */
  webhookSecret: string;
  /** Base URL used in the checkout/portal URLs it returns; default http://localhost:<port>. */
  publicUrl?: string;
  /** Optional JSON file: loaded on start, rewritten (tmp + rename) after every change. */
  stateFile?: string;
  /** Interface to listen on; default 127.0.0.1 (loopback only). */
  host?: string;
  /** Waits between webhook attempts; default [200, 1000, 3000] ms (so four attempts). */
  webhookRetryDelaysMs?: number[];
}

export interface StripeStandin {
  url: string;
  port: number;
  close(): Promise<void>;
  advanceClock(seconds: number): Promise<void>;
  setSubscriptionStatus(subscriptionId: string, status: SettableStatus): Promise<void>;
  now(): number;
  events(): StripeEventRecord[];
  flushWebhooks(): Promise<void>;
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function createHandler(
  ctx: BillingContext,
  controls: StandinControls,
  idempotency: IdempotencyCache,
): http.RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://stripe-standin.local");
    const work = async (): Promise<void> => {
      if (url.pathname.startsWith("/v1/")) return handleApi(ctx, idempotency, req, res, url);
      if (url.pathname.startsWith("/_test/")) return handleTestRoute(ctx, controls, req, res, url);
      if (await handlePage(ctx, req, res, url)) return;
      if (url.pathname === "/" && req.method === "GET") {
        sendHtml(res, 200, messagePage("Stripe stand-in", "This local server stands in for Stripe. Nothing here is real."));
        return;
      }
      sendText(res, 404, "Not found");
    };
    work().catch((error: unknown) => {
      console.error("[stripe-standin]", error);
      if (!res.headersSent) sendText(res, 500, "Stripe stand-in internal error");
      else res.destroy();
    });
  };
}

export async function startStripeStandin(opts: StripeStandinOptions): Promise<StripeStandin> {
  const state = new StandinState(opts.stateFile);
  state.load();
  const delivery = opts.webhookUrl
    ? new WebhookDelivery({
        url: opts.webhookUrl,
        secret: opts.webhookSecret,
        retryDelaysMs: opts.webhookRetryDelaysMs,
        onAttempt: () => state.save(),
      })
    : null;
  const events = new EventLog(state, delivery);
  const ctx: BillingContext = { state, events, publicUrl: "" };
  const controls = createControls(ctx, delivery);
  const server = http.createServer(createHandler(ctx, controls, new IdempotencyCache()));
  const host = opts.host ?? "127.0.0.1";
  const port = await listen(server, opts.port, host);
  const url = `http://localhost:${port}`;
  ctx.publicUrl = (opts.publicUrl ?? url).replace(/\/+$/, "");

  seedCatalog(state);
  events.resumePending();
  settleDuePeriods(ctx);
  state.save();

  let closed: Promise<void> | null = null;
  return {
    url,
    port,
    ...controls,
    close() {
      closed ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await delivery?.close();
        await stopped;
        state.save();
      })();
      return closed;
    },
  };
}
