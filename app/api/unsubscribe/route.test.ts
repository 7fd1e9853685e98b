/** One-click unsubscribe (PGlite, and PostgreSQL when DATABASE_URL is set). */
import { eq } from "drizzle-orm";
import { expect, it, describe } from "vitest";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { emailPreferences, suppressions } from "@/db/schema";
import { alertPreferences } from "@/db/schema-risk";
import { signUnsubscribeToken } from "@/lib/mail/unsubscribe-token";
import { describeUnsubscribeToken } from "@/lib/newsletter/unsubscribe";
import { seedReader } from "@/test-support/newsletter-fixtures";
import { POST } from "./route";

const oneClick = (token: string | null, body: string | null = "List-Unsubscribe=One-Click") =>
  new Request(`http://localhost:3000/api/unsubscribe${token === null ? "" : `?token=${token}`}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    ...(body === null ? {} : { body }),
  });

describe.each(databaseKinds())("unsubscribe on %s", (kind) => {
  const t = useTestDatabase(kind);

  const wants = async (userId: string) =>
    (await t.db.select({ on: emailPreferences.newPieces }).from(emailPreferences).where(eq(emailPreferences.userId, userId)))[0]?.on ?? true;

  const wantsAlerts = async (userId: string) =>
    (await t.db.select({ on: alertPreferences.alerts }).from(alertPreferences).where(eq(alertPreferences.userId, userId)))[0]?.on ?? true;

  it("each mail's token stops its own kind only: alerts off leaves new pieces on, and the other way round", async () => {
    const reader = await seedReader(t.db, "active");
    const alerts = signUnsubscribeToken({ userId: reader.id, mail: "alerts" });
    expect(await describeUnsubscribeToken(alerts)).toEqual({ ok: true, email: reader.email, mail: "alerts", subscribed: true });
    expect((await POST(oneClick(alerts))).status).toBe(200);
    expect(await wantsAlerts(reader.id)).toBe(false);
    expect(await wants(reader.id)).toBe(true);
    expect(await describeUnsubscribeToken(alerts)).toEqual({ ok: true, email: reader.email, mail: "alerts", subscribed: false });
    expect(await describeUnsubscribeToken(signUnsubscribeToken({ userId: reader.id }))).toMatchObject({ mail: "pieces", subscribed: true });

    const other = await seedReader(t.db, "free");
    expect((await POST(oneClick(signUnsubscribeToken({ userId: other.id, mail: "pieces" })))).status).toBe(200);
    expect(await wants(other.id)).toBe(false);
    expect(await wantsAlerts(other.id)).toBe(true);
  });

  it("the one-click POST turns new-piece mail off without a session", async () => {
    const reader = await seedReader(t.db, "active");
    const token = signUnsubscribeToken({ userId: reader.id });
    const res = await POST(oneClick(token));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ unsubscribed: true });
    expect(await wants(reader.id)).toBe(false);
    // Again: still fine (idempotent).
    expect((await POST(oneClick(token))).status).toBe(200);
  });

  it("accepts the multipart form some mail clients send, and refuses an oversized body before reading it", async () => {
    const reader = await seedReader(t.db, "active");
    const token = signUnsubscribeToken({ userId: reader.id });
    const multipart = new FormData();
    multipart.set("List-Unsubscribe", "One-Click");
    const res = await POST(new Request(`http://localhost:3000/api/unsubscribe?token=${token}`, { method: "POST", body: multipart }));
    expect(res.status).toBe(200);
    expect(await wants(reader.id)).toBe(false);

    const other = await seedReader(t.db, "active");
    const huge = `List-Unsubscribe=One-Click&pad=${"x".repeat(60 * 1024 * 1024)}`;
    expect((await POST(oneClick(signUnsubscribeToken({ userId: other.id }), huge))).status).toBe(413);
    expect(await wants(other.id)).toBe(true);
  });

  it("looking at the page (the GET side) changes nothing", async () => {
    const reader = await seedReader(t.db, "free");
    const view = await describeUnsubscribeToken(signUnsubscribeToken({ userId: reader.id }));
    expect(view).toEqual({ ok: true, email: reader.email, mail: "pieces", subscribed: true });
    expect(await wants(reader.id)).toBe(true);
  });

  it("the page's confirm button goes back to the page", async () => {
    const reader = await seedReader(t.db, "free");
    const token = signUnsubscribeToken({ userId: reader.id });
    const res = await POST(oneClick(token, "List-Unsubscribe=One-Click&from=page"));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`http://localhost:3000/unsubscribe?token=${token}`);
    expect(await describeUnsubscribeToken(token)).toEqual({ ok: true, email: reader.email, mail: "pieces", subscribed: false });
  });

  it("refuses a bad token, a missing token and a wrong body with 400, changing nothing", async () => {
    const reader = await seedReader(t.db, "free");
    const token = signUnsubscribeToken({ userId: reader.id });
    const forged = signUnsubscribeToken({ userId: reader.id }, "not-our-secret");
    for (const req of [oneClick(forged), oneClick(`${token.slice(0, -2)}xx`), oneClick(null), oneClick(token, "List-Unsubscribe=Yes"), oneClick(token, null)]) {
      const res = await POST(req);
      expect(res.status).toBe(400);
      expect((await res.json()) as { error: string }).toEqual({ error: expect.stringMatching(/unsubscribe|List-Unsubscribe/i) });
    }
    expect(await wants(reader.id)).toBe(true);
    expect((await describeUnsubscribeToken(forged)).ok).toBe(false);
  });

  it("an address without an account is suppressed", async () => {
    const res = await POST(oneClick(signUnsubscribeToken({ email: `Gone-${kind}@Example.com` })));
    expect(res.status).toBe(200);
    const [row] = await t.db.select().from(suppressions).where(eq(suppressions.email, `gone-${kind}@example.com`));
    expect(row?.reason).toBe("unsubscribed");
  });
});
