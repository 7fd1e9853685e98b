/** Helpers for stripe-standin.test.ts: a verifying webhook receiver and tiny HTML/form helpers. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

export interface ReceivedWebhook {
  event: Stripe.Event;
  raw: string;
  signature: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Signature checks that failed (message per request). */
  rejected: string[];
  /** Requests answered with 500 on purpose. */
  failedOnPurpose: number;
  /** Answer the next `n` valid deliveries with HTTP 500. */
  failNext(n: number): void;
  /** Answer every delivery with HTTP 500 until turned off. */
  failAlways(on: boolean): void;
  ofCustomer(customerId: string): ReceivedWebhook[];
  close(): Promise<void>;
}

const verifier = new Stripe("sk_test_receiver");

function customerOf(event: Stripe.Event): string | null {
  const object: unknown = event.data.object;
  if (typeof object !== "object" || object === null) return null;
  if (Reflect.get(object, "object") === "customer") {
    const id: unknown = Reflect.get(object, "id");
    return typeof id === "string" ? id : null;
  }
  const customer: unknown = Reflect.get(object, "customer");
  return typeof customer === "string" ? customer : null;
}

/** A node:http server that verifies each delivery with stripe.webhooks.constructEvent (real signature check). */
export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  let failuresLeft = 0;
  let alwaysFail = false;
  const receiver: Omit<WebhookReceiver, "url" | "close"> = {
    received: [],
    rejected: [],
    failedOnPurpose: 0,
    failNext(n) {
      failuresLeft = n;
    },
    failAlways(on) {
      alwaysFail = on;
    },
    ofCustomer(customerId) {
      return this.received.filter((r) => customerOf(r.event) === customerId);
    },
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const signature = String(req.headers["stripe-signature"] ?? "");
      let event: Stripe.Event;
      try {
        event = verifier.webhooks.constructEvent(raw, signature, secret);
      } catch (error) {
        receiver.rejected.push(error instanceof Error ? error.message : String(error));
        res.writeHead(400).end("bad signature");
        return;
      }
      if (alwaysFail || failuresLeft > 0) {
        if (failuresLeft > 0) failuresLeft -= 1;
        receiver.failedOnPurpose += 1;
        res.writeHead(500).end("try again");
        return;
      }
      receiver.received.push({ event, raw, signature });
      res.writeHead(200, { "Content-Type": "application/json" }).end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/api/stripe/webhook`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** Reads a property of an API object that the SDK's types (for the newest API version) leave out. */
export function field(object: object, key: string): unknown {
  return Reflect.get(object, key);
}

export interface HtmlForm {
  action: string;
  fields: Record<string, string>;
  buttons: string[];
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Every <form method="post"> with its action, named input values and button texts (what a browser would submit). */
export function formsIn(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const match of html.matchAll(/<form\b[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)) {
    const inner = match[2] ?? "";
    const fields: Record<string, string> = {};
    for (const input of inner.matchAll(/<input\b([^>]*)>/g)) {
      const attrs = input[1] ?? "";
      const name = /\bname="([^"]*)"/.exec(attrs)?.[1];
      const value = /\bvalue="([^"]*)"/.exec(attrs)?.[1] ?? "";
      if (name) fields[name] = decodeEntities(value);
    }
    const buttons = [...inner.matchAll(/<button\b[^>]*>([\s\S]*?)<\/button>/g)].map((b) => decodeEntities(b[1] ?? "").trim());
    forms.push({ action: decodeEntities(match[1] ?? ""), fields, buttons });
  }
  return forms;
}

export function formWithButton(html: string, button: string): HtmlForm {
  const form = formsIn(html).find((f) => f.buttons.includes(button));
  if (!form) throw new Error(`No form with a "${button}" button in:\n${html}`);
  return form;
}

/** The <label for> text → the <input> it labels. */
export function inputLabelled(html: string, label: string): string {
  const labelMatch = new RegExp(`<label for="([^"]+)">${label}</label>`).exec(html);
  if (!labelMatch) throw new Error(`No <label> "${label}"`);
  const input = new RegExp(`<input\\b[^>]*\\bid="${labelMatch[1]}"[^>]*>`).exec(html);
  if (!input) throw new Error(`No input for label "${label}"`);
  return input[0];
}

/** Submits a form the way a browser does (urlencoded POST), without following the redirect. */
export async function submitForm(baseUrl: string, form: HtmlForm, overrides: Record<string, string> = {}): Promise<Response> {
  return fetch(new URL(form.action, baseUrl), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...form.fields, ...overrides }).toString(),
    redirect: "manual",
  });
}
