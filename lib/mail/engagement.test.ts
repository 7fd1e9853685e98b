/**
 * Opens, clicks and deliveries from Resend's webhook, per recipient of a send (PGlite, and PostgreSQL
 * when DATABASE_URL is set): the real sender mails through the Resend stand-in, which posts signed
 * events to the app's webhook route over HTTP, as Resend does.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { Resend } from "resend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { deliveries, resendWebhookEvents } from "@/db/schema";
import { DEMO_RESEND_WEBHOOK_SECRET } from "@/lib/env";
import { POST } from "@/app/api/resend/webhook/route";
import { startResendStandin, type ResendStandin } from "@/standins/resend/server";
import { emailEvent, svixHeaders } from "@/standins/resend/webhook-events";
import { seedPiece, seedReader } from "@/test-support/newsletter-fixtures";
import { requestNewsletterSend } from "@/lib/newsletter/request";
import { runSendLane } from "@/lib/newsletter/sender";
import { RateGate } from "@/lib/newsletter/rate-gate";
import { DEFAULT_RETRY } from "@/lib/newsletter/provider";
import { isMachineOpen, MACHINE_OPEN_WINDOW_MS } from "./engagement";

/** The app's webhook route behind a real HTTP port, for the stand-in to post to. */
async function routeServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      void POST(new Request("http://localhost/api/resend/webhook", { method: "POST", headers, body: Buffer.concat(chunks).toString("utf8") }))
        .then(async (r) => {
          res.writeHead(r.status, { "content-type": "application/json" });
          res.end(await r.text());
        })
        .catch(() => {
          res.writeHead(500);
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function signedRequest(event: object, opts: { id?: string; secret?: string } = {}): Request {
  const body = JSON.stringify(event);
  return new Request("http://localhost/api/resend/webhook", { method: "POST", headers: svixHeaders(opts.secret ?? DEMO_RESEND_WEBHOOK_SECRET, body, opts.id), body });
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("the machine-open rule", () => {
  it("calls an open within the window after delivery a machine's, later or undated ones a reader's", () => {
    const delivered = new Date("2026-01-01T10:00:00Z");
    expect(isMachineOpen(new Date(delivered.getTime() + 2_000), delivered)).toBe(true);
    expect(isMachineOpen(new Date(delivered.getTime() + MACHINE_OPEN_WINDOW_MS), delivered)).toBe(false);
    expect(isMachineOpen(new Date(delivered.getTime() + 3_600_000), delivered)).toBe(false);
    expect(isMachineOpen(delivered, null)).toBe(false);
  });
});

describe.each(databaseKinds())("engagement from Resend's webhook on %s", (kind) => {
  const t = useTestDatabase(kind, { boss: true });
  let standin: ResendStandin;
  let app: Awaited<ReturnType<typeof routeServer>>;

  beforeAll(async () => {
    app = await routeServer();
    standin = await startResendStandin({ port: 0, webhook: { url: app.url, secret: DEMO_RESEND_WEBHOOK_SECRET } });
  });
  afterAll(async () => {
    await standin.close();
    await app.close();
  });

  const rowOf = async (email: string) => (await t.db.select().from(deliveries).where(eq(deliveries.email, email)))[0];

  it("stores delivered, machine and reader opens and clicks per recipient; a duplicate counts once, an unknown id changes nothing", async () => {
    const pieceId = await seedPiece(t.db);
    const reader = await seedReader(t.db, "active");
    const { sendId } = await requestNewsletterSend(pieceId, null);
    const resend = new Resend("re_test_engagement", { baseUrl: standin.url });
    await runSendLane(sendId, { leaseSeconds: 5, retry: DEFAULT_RETRY, gate: new RateGate(), resend });

    // The stand-in reports the delivery by itself after the send.
    const delivered = await until(() => rowOf(reader.email), (r) => r?.status === "delivered");
    expect(delivered?.status).toBe("delivered");
    expect(delivered?.deliveredAt).toBeInstanceOf(Date);
    const emailId = delivered?.providerId ?? "";
    const message = standin.messages().find((m) => m.id === emailId);
    expect(message).toBeDefined();

    // An open right at delivery: Apple's proxy or a scanner.
    const control = (await import("@/standins/resend/client")).resendStandinClient(standin.url);
    expect(await control.emitEvent(emailId, "email.opened")).toBe(200);
    let row = await rowOf(reader.email);
    expect(row).toMatchObject({ opens: 1, machineOpens: 1, humanOpenedAt: null });

    // The reader opens it an hour later, and the same event arrives twice (Resend retries).
    const m = { id: emailId, from: message?.from ?? "", to: message?.to ?? [], subject: message?.subject ?? "", createdAt: new Date() };
    const later = new Date((delivered?.deliveredAt?.getTime() ?? 0) + 3_600_000);
    const open = emailEvent("email.opened", m, { at: later });
    expect((await POST(signedRequest(open, { id: `msg_open_${kind}` }))).status).toBe(200);
    const again = await POST(signedRequest(open, { id: `msg_open_${kind}` }));
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(await control.emitEvent(emailId, "email.clicked", "http://localhost:3000/p/x")).toBe(200);
    row = await rowOf(reader.email);
    expect(row).toMatchObject({ opens: 2, machineOpens: 1, clicks: 1 });
    expect(row?.humanOpenedAt?.toISOString()).toBe(later.toISOString());
    expect(row?.clickedAt).toBeInstanceOf(Date);

    // An event about a mail we never sent is acknowledged and changes nothing.
    const before = await t.db.select().from(deliveries);
    const stray = await POST(signedRequest(emailEvent("email.opened", { ...m, id: "em_unknown" })));
    expect(stray.status).toBe(200);
    expect(await t.db.select().from(deliveries)).toEqual(before);
  });

  it("refuses an open with a bad signature and stores nothing", async () => {
    const other = "whsec_" + Buffer.from("another secret, 32 bytes long!!!").toString("base64");
    const before = await t.db.select().from(deliveries);
    const events = (await t.db.select().from(resendWebhookEvents)).length;
    const m = { id: before[0]?.providerId ?? "em_x", from: "a@b.c", to: ["x@y.z"], subject: "s", createdAt: new Date() };
    const res = await POST(signedRequest(emailEvent("email.opened", m), { secret: other }));
    expect(res.status).toBe(400);
    expect(await t.db.select().from(deliveries)).toEqual(before);
    expect(await t.db.select().from(resendWebhookEvents)).toHaveLength(events);
  });
});
