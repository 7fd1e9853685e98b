/** The Resend webhook (PGlite, and PostgreSQL when DATABASE_URL is set): signature, dedup, effects. */
import { eq } from "drizzle-orm";
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { deliveries, resendWebhookEvents, sends, suppressions } from "@/db/schema";
import { DEMO_RESEND_WEBHOOK_SECRET } from "@/lib/env";
import { POST } from "@/app/api/resend/webhook/route";
import { seedPiece, seedReader } from "@/test-support/newsletter-fixtures";

let seq = 0;

function signed(event: object, opts: { id?: string; secret?: string } = {}): Request {
  const body = JSON.stringify(event);
  const id = opts.id ?? `msg_${Date.now()}_${++seq}`;
  const now = new Date();
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const key = Buffer.from((opts.secret ?? DEMO_RESEND_WEBHOOK_SECRET).replace(/^whsec_/, ""), "base64");
  // svix / Standard Webhooks: v1,base64(HMAC-SHA256(key, "id.timestamp.body"))
  const signature = `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
  return new Request("http://localhost:3000/api/resend/webhook", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "svix-id": id,
      "svix-timestamp": timestamp,
      "svix-signature": signature,
    },
    body,
  });
}

const emailEvent = (type: string, to: string, extra: object = {}) => ({
  type,
  created_at: new Date().toISOString(),
  data: { email_id: `em_${++seq}`, created_at: new Date().toISOString(), from: "n@esm.example", to: [to], subject: "x", ...extra },
});

describe.each(databaseKinds())("resend webhook on %s", (kind) => {
  const t = useTestDatabase(kind);

  async function sentDelivery(email: string, providerId: string): Promise<string> {
    const pieceId = await seedPiece(t.db);
    const [send] = await t.db.insert(sends).values({ pieceId }).returning({ id: sends.id });
    const [row] = await t.db
      .insert(deliveries)
      .values({ sendId: send?.id ?? "", email, variant: "teaser", batch: 0, status: "sent", providerId })
      .returning({ id: deliveries.id });
    return row?.id ?? "";
  }

  const suppressed = async (email: string) =>
    (await t.db.select().from(suppressions).where(eq(suppressions.email, email.toLowerCase())))[0]?.reason ?? null;

  it("refuses a bad or missing signature (400) and records nothing", async () => {
    const forged = signed(emailEvent("email.complained", "victim@example.com"), { secret: "whsec_" + Buffer.from("another secret, 32 bytes long!!!").toString("base64") });
    expect((await POST(forged)).status).toBe(400);
    const unsigned = new Request("http://localhost/api/resend/webhook", { method: "POST", body: "{}" });
    const res = await POST(unsigned);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/svix/) });
    // A valid signature over a different body.
    const good = signed(emailEvent("email.complained", "victim@example.com"));
    const tampered = new Request(good.url, { method: "POST", headers: good.headers, body: JSON.stringify(emailEvent("email.complained", "other@example.com")) });
    expect((await POST(tampered)).status).toBe(400);
    expect(await suppressed("victim@example.com")).toBeNull();
    expect(await t.db.select().from(resendWebhookEvents)).toHaveLength(0);
  });

  it("suppresses hard bounces (and marks the delivery bounced), not soft ones", async () => {
    const hard = await seedReader(t.db, "free");
    const soft = await seedReader(t.db, "free");
    const deliveryId = await sentDelivery(hard.email, "em_hard_1");
    const res = await POST(signed({ ...emailEvent("email.bounced", `Reader <${hard.email}>`), data: { ...emailEvent("x", hard.email).data, email_id: "em_hard_1", to: [hard.email], bounce: { type: "Permanent", subType: "General", message: "mailbox does not exist" } } }));
    expect(res.status).toBe(200);
    expect(await suppressed(hard.email)).toBe("bounced");
    const [d] = await t.db.select().from(deliveries).where(eq(deliveries.id, deliveryId));
    expect(d?.status).toBe("bounced");
    await POST(signed(emailEvent("email.bounced", soft.email, { bounce: { type: "Transient", subType: "MailboxFull", message: "full" } })));
    expect(await suppressed(soft.email)).toBeNull();
  });

  it("suppresses complaints, and marks deliveries delivered by provider id", async () => {
    const reader = await seedReader(t.db, "free");
    expect((await POST(signed(emailEvent("email.complained", reader.email)))).status).toBe(200);
    expect(await suppressed(reader.email)).toBe("complained");
    const id = await sentDelivery("delivered@example.com", "em_ok_1");
    expect((await POST(signed({ ...emailEvent("email.delivered", "delivered@example.com"), data: { ...emailEvent("x", "d").data, email_id: "em_ok_1" } }))).status).toBe(200);
    const [d] = await t.db.select().from(deliveries).where(eq(deliveries.id, id));
    expect(d?.status).toBe("delivered");
  });

  it("acknowledges a duplicate svix-id without acting twice, and unknown types with 200", async () => {
    const id = `msg_dup_${kind}`;
    const first = await POST(signed(emailEvent("email.complained", "dup@example.com"), { id }));
    expect(await first.json()).toEqual({ received: true });
    await t.db.delete(suppressions).where(eq(suppressions.email, "dup@example.com"));
    const again = await POST(signed(emailEvent("email.complained", "dup@example.com"), { id }));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(await suppressed("dup@example.com")).toBeNull();
    const unknown = await POST(signed({ type: "contact.created", created_at: new Date().toISOString(), data: { id: "c1" } }));
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual({ received: true, ignored: true });
  });
});
