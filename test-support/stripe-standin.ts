/**
 * The local Stripe stand-in wired to the app for integration tests: the app's `stripe()` client
 * points at it, checkout pages are paid the way a browser would, and events are signed with
 * the app's own webhook secret.
 */
import Stripe from "stripe";
import { startStripeStandin, type StripeStandin } from "@/standins/stripe/server";
import { formsIn, submitForm } from "@/test-support/stripe-webhook-receiver";
import { setStripeForTests } from "@/lib/billing/stripe";
import { config } from "@/lib/env";

export const PAYING_CARD = "4242 4242 4242 4242";
export const DECLINED_CARD = "4000 0000 0000 0002";

export interface AppStandin {
  standin: StripeStandin;
  /** The same client the app's `stripe()` now returns. */
  client: Stripe;
  close(): Promise<void>;
}

/** Starts a stand-in (no webhook URL: tests deliver events themselves) and installs a client for it as the app's `stripe()`. */
export async function startAppStandin(): Promise<AppStandin> {
  const standin = await startStripeStandin({ port: 0, webhookSecret: config().stripe.webhookSecret });
  const client = new Stripe("sk_test_integration", {
    host: "localhost",
    port: standin.port,
    protocol: "http",
    maxNetworkRetries: 0,
    telemetry: false,
  });
  setStripeForTests(client);
  return {
    standin,
    client,
    close: async () => {
      setStripeForTests(undefined);
      await standin.close();
    },
  };
}

export interface PaymentAttempt {
  status: number;
  location: string | null;
  html: string;
}

/** Opens a hosted checkout page and submits its form with `card` (and `email` when the page asks for one), like a browser. */
export async function payCheckout(checkoutUrl: string, card: string, email?: string): Promise<PaymentAttempt> {
  const page = await fetch(checkoutUrl);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`checkout page ${checkoutUrl} answered ${page.status}: ${html.slice(0, 300)}`);
  const form = formsIn(html).find((f) => f.action.endsWith("/pay"));
  if (!form) throw new Error(`no payment form on ${checkoutUrl}`);
  const overrides: Record<string, string> = { card_number: card };
  if (email !== undefined && !form.fields.email) overrides.email = email;
  const res = await submitForm(checkoutUrl, form, overrides);
  return { status: res.status, location: res.headers.get("location"), html: await res.text() };
}

/** A Stripe-Signature header for `payload`, made with the app's webhook secret (or `secret`). */
export function signatureFor(payload: string, secret: string = config().stripe.webhookSecret): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret });
}

/** The checkout session id at the end of a stand-in checkout URL. */
export function checkoutSessionId(checkoutUrl: string): string {
  const id = new URL(checkoutUrl).pathname.split("/").pop();
  if (!id) throw new Error(`not a checkout URL: ${checkoutUrl}`);
  return decodeURIComponent(id);
}

export interface HeldRequest {
  /** Resolves once a matching request has been answered by the stand-in (its response is then held). */
  reached: Promise<void>;
  /** Hands the held response on to the SDK. */
  release(): void;
}

export interface GatedStripe {
  client: Stripe;
  /** Holds the response of the next request with this method whose path (with query) matches. */
  holdNext(method: string, path: RegExp): HeldRequest;
}

type MakeRequest = InstanceType<typeof Stripe.HttpClient>["makeRequest"];
interface PendingHold {
  method: string;
  path: RegExp;
  reached: () => void;
  released: Promise<void>;
}

/** Stripe's Node HTTP client, except that it can hold back one matching response. */
class GatedHttpClient extends Stripe.HttpClient {
  private readonly inner = Stripe.createNodeHttpClient();
  pending: PendingHold | null = null;

  override getClientName(): string {
    return "gated-node";
  }

  override async makeRequest(...args: Parameters<MakeRequest>): ReturnType<MakeRequest> {
    const response = await this.inner.makeRequest(...args);
    const [, , path, method] = args;
    const hold = this.pending;
    if (hold && hold.method === method && hold.path.test(path)) {
      this.pending = null;
      hold.reached();
      await hold.released;
    }
    return response;
  }
}

/**
 * A Stripe client for the stand-in whose next matching response can be held back, to order
 * concurrent calls deterministically (e.g. "A has read, B runs to the end, then A goes on").
 */
export function gatedStripe(app: AppStandin): GatedStripe {
  const httpClient = new GatedHttpClient();
  const client = new Stripe("sk_test_integration", {
    host: "localhost",
    port: app.standin.port,
    protocol: "http",
    maxNetworkRetries: 0,
    telemetry: false,
    httpClient,
  });
  return {
    client,
    holdNext(method, path) {
      let reached = (): void => {};
      let release = (): void => {};
      const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      httpClient.pending = { method, path, reached, released };
      return { reached: reachedPromise, release };
    },
  };
}
