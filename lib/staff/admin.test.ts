import { beforeAll, describe, expect, it } from "vitest";
import { asc, count, eq } from "drizzle-orm";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { seedDemoPieces } from "@/db/seed";
import { auditLog, complimentaryGrants, deliveries, outbox, pieces, sends, subscriptions, users } from "@/db/schema";
import { membershipStatus, type AccessPolicy, type Role, type Viewer } from "@/lib/access/rule";
import { parseCsv } from "./csv";
import { AdminAccessDenied } from "./authz";
import { dailyGrowth, dayRange, membershipCounts, mrr, mrrOf } from "./dashboard";
import { importMembers, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./import";
import { listRecentSends } from "@/lib/newsletter/progress";
import { demoteToReader, listStaff, promoteToEditor } from "./staff";
import { grantComplimentary, maskCodes, revokeGrant, subscriberDetail } from "./subscriber-detail";
import { exportSubscribers, FILTERS, listSubscribers, parseSubscriberQuery } from "./subscribers";
import { collectText } from "@/test-support/streams";
import { listAuditLog } from "./audit-log";

const now = new Date("2026-11-22T12:00:00.000Z");
const policy: AccessPolicy = { now, paymentGraceDays: 7 };
const DAY = 86_400_000;
const at = (ms: number) => new Date(now.getTime() + ms);
const ADMIN_EMAILS = ["root@example.com"];

const csvFile = (text: string, name = "members.csv") => new File([text], name, { type: "text/csv" });

describe.each(databaseKinds())("staff area (lib/admin) on %s", (kind) => {
  const t = useTestDatabase(kind);
  const ids: Record<string, string> = {};
  const viewers: Record<string, Viewer> = {};
  let sub = 0;

  async function person(key: string, role: Role = "reader", extra: { name?: string; createdAt?: Date } = {}): Promise<string> {
    const email = `${key}@example.com`;
    const [u] = await t.db
      .insert(users)
      .values({ email, role, name: extra.name ?? null, createdAt: extra.createdAt ?? at(-60 * DAY) })
      .returning({ id: users.id });
    ids[key] = u!.id;
    viewers[key] = { kind: "member", userId: u!.id, email, role, subscriptions: [], grants: [] };
    return u!.id;
  }
  async function subscribe(
    key: string,
    status: string,
    o: {
      interval?: string;
      unitAmount?: number;
      currency?: string;
      periodEnd?: Date;
      cancel?: boolean;
      pastDueSince?: Date;
      createdAt?: Date;
      trialEnd?: Date;
      endedAt?: Date;
    } = {},
  ) {
    await t.db.insert(subscriptions).values({
      id: `sub_${kind}_${sub++}`,
      customerId: `cus_${key}`,
      userId: ids[key] ?? null,
      status,
      interval: o.interval ?? "month",
      unitAmount: o.unitAmount ?? 900,
      currency: o.currency ?? "eur",
      currentPeriodEnd: o.periodEnd ?? at(20 * DAY),
      cancelAtPeriodEnd: o.cancel ?? false,
      pastDueSince: o.pastDueSince ?? null,
      trialEnd: o.trialEnd ?? null,
      endedAt: o.endedAt ?? null,
      createdAt: o.createdAt ?? at(-40 * DAY),
    });
  }

  /** membershipStatus of every user, loaded one by one the way lib/viewer.ts does. */
  async function statusesByRule(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const u of await t.db.select().from(users)) {
      const subs = await t.db.select().from(subscriptions).where(eq(subscriptions.userId, u.id));
      const grants = await t.db.select().from(complimentaryGrants).where(eq(complimentaryGrants.userId, u.id));
      out.set(u.id, membershipStatus({ kind: "member", userId: u.id, email: u.email, role: u.role, subscriptions: subs, grants }, policy));
    }
    return out;
  }

  async function snapshot() {
    const [u, g, a, s] = await Promise.all([
      t.db.select().from(users).orderBy(asc(users.email)),
      t.db.select().from(complimentaryGrants).orderBy(asc(complimentaryGrants.id)),
      t.db.select({ n: count() }).from(auditLog),
      t.db.select().from(subscriptions).orderBy(asc(subscriptions.id)),
    ]);
    return JSON.stringify({ u, g, a, s });
  }

  beforeAll(async () => {
    await seedDemoPieces(t.db);
    await person("root", "admin");
    await person("admin2", "admin");
    await person("editor", "editor");
    await person("reader", "reader", { name: 'Ann "Nan", of\nLondon' });
    await person("formula", "reader", { name: '=HYPERLINK("http://evil.example")' });
    await person("payer-monthly");
    await subscribe("payer-monthly", "active", { interval: "month", unitAmount: 900 });
    await person("payer-yearly");
    await subscribe("payer-yearly", "active", { interval: "year", unitAmount: 9000 });
    await person("payer-ending");
    await subscribe("payer-ending", "active", { cancel: true, periodEnd: at(3 * DAY), unitAmount: 900 });
    await person("payer-ended");
    await subscribe("payer-ended", "active", { cancel: true, periodEnd: at(-1), unitAmount: 900 });
    await person("trialer");
    await subscribe("trialer", "trialing", { trialEnd: at(5 * DAY) });
    await person("pastdue");
    await subscribe("pastdue", "past_due", { pastDueSince: at(-2 * DAY) });
    await person("pastdue-old");
    await subscribe("pastdue-old", "past_due", { pastDueSince: at(-8 * DAY) });
    await person("comp");
    await t.db.insert(complimentaryGrants).values({ userId: ids.comp!, expiresAt: at(10 * DAY), note: "press" });
    await person("lapsed");
    await subscribe("lapsed", "canceled", { endedAt: at(-5 * DAY) });
    await person("lapsed-comp");
    await subscribe("lapsed-comp", "canceled", { endedAt: at(-5 * DAY) });
    await t.db.insert(complimentaryGrants).values({ userId: ids["lapsed-comp"]!, expiresAt: null });
    await person("usd-payer");
    await subscribe("usd-payer", "active", { currency: "usd", unitAmount: 1200 });
  }, 120_000);

  describe("subscriber list", () => {
    it("every filter returns exactly the members membershipStatus puts there", async () => {
      const rule = await statusesByRule();
      const lapsedIds = new Set([ids.lapsed, ids["lapsed-comp"]]);
      for (const filter of FILTERS) {
        const page = await listSubscribers({ q: "", status: filter, page: 1 }, policy, 1000);
        const got = page.items.map((r) => r.id).sort();
        const want = [...rule.entries()]
          .filter(([id, s]) => (filter === "all" ? true : filter === "canceled" ? lapsedIds.has(id) : s === filter))
          .map(([id]) => id)
          .sort();
        expect(got, filter).toEqual(want);
        expect(page.total, filter).toBe(want.length);
      }
      // The displayed status comes from membershipStatus, with "canceled" for lapsed free members.
      const all = await listSubscribers({ q: "", status: "all", page: 1 }, policy, 1000);
      for (const row of all.items) {
        const expected = rule.get(row.id) === "free" && lapsedIds.has(row.id) ? "canceled" : rule.get(row.id);
        expect(row.status, row.email).toBe(expected);
      }
      expect(all.items.find((r) => r.id === ids["payer-yearly"])?.plan).toBe("Yearly (€90.00)");
      expect(all.items.find((r) => r.id === ids.comp)?.plan).toMatch(/^Complimentary until /);
    });

    it("the status counts on the dashboard match the rule", async () => {
      const rule = await statusesByRule();
      const counts = await membershipCounts(policy);
      for (const s of ["free", "paying", "trialing", "past_due", "complimentary", "staff"] as const) {
        expect(counts[s], s).toBe([...rule.values()].filter((v) => v === s).length);
      }
      expect(counts.paying).toBe(4);
      expect(counts.past_due).toBe(1);
    });

    it("searches by email (case-insensitive, LIKE wildcards taken literally) and paginates", async () => {
      const found = await listSubscribers(parseSubscriberQuery({ q: "  PAYER-  ", status: "all" }), policy);
      expect(found.items.map((r) => r.email).sort()).toEqual(
        ["payer-ended", "payer-ending", "payer-monthly", "payer-yearly"].map((k) => `${k}@example.com`),
      );
      expect((await listSubscribers({ q: "%", status: "all", page: 1 }, policy)).total).toBe(0);
      expect((await listSubscribers({ q: "payer", status: "paying", page: 1 }, policy)).total).toBe(4);
      const p1 = await listSubscribers({ q: "", status: "all", page: 1 }, policy, 5);
      const p3 = await listSubscribers({ q: "", status: "all", page: 99 }, policy, 5);
      expect(p1.items).toHaveLength(5);
      expect(p3.page).toBe(p1.pageCount);
      expect(parseSubscriberQuery({ status: "bogus", page: "-3", q: ["x", "y"] })).toEqual({ q: "x", status: "all", page: 1 });
    });
  });

  describe("CSV export", () => {
    it("has a header row, quotes commas/quotes/newlines, guards formulas, and honours the filter", async () => {
      const before = (await t.db.select({ n: count() }).from(auditLog))[0]!.n;
      const all = await exportSubscribers(viewers.editor!, { q: "", status: "all" }, policy);
      expect(all.filename).toBe("subscribers-all-2026-11-22.csv");
      const text = await collectText(all.chunks);
      expect(text.startsWith("email,name,status,plan,joined\r\n")).toBe(true);
      expect(text).toContain(`reader@example.com,"Ann ""Nan"", of\nLondon",free,,2026-09-23\r\n`);
      expect(text).toContain(`formula@example.com,"'=HYPERLINK(""http://evil.example"")",free,`);
      const parsed = parseCsv(text);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.records).toHaveLength(1 + (await t.db.select({ n: count() }).from(users))[0]!.n);
      expect(parsed.records.find((r) => r.fields[0] === "reader@example.com")?.fields[1]).toBe('Ann "Nan", of\nLondon');

      const paying = await collectText((await exportSubscribers(viewers.editor!, { q: "", status: "paying" }, policy)).chunks);
      const rows = paying.trim().split("\r\n").slice(1);
      expect(rows).toHaveLength(4);
      expect(rows.every((r) => r.split(",")[2] === "paying")).toBe(true);
      const canceled = await collectText((await exportSubscribers(viewers.editor!, { q: "", status: "canceled" }, policy)).chunks);
      expect(
        canceled
          .trim()
          .split("\r\n")
          .slice(1)
          .map((r) => r.split(",")[0])
          .sort(),
      ).toEqual(["lapsed-comp@example.com", "lapsed@example.com"]);
      const after = (await t.db.select({ n: count() }).from(auditLog))[0]!.n;
      expect(after - before).toBe(3);
    });
  });

  describe("CSV import", () => {
    it("reports added, existing and each rejected row with its line and reason; stores HTML as text", async () => {
      const xss = `<img src=x onerror="alert(1)"><script>alert(2)</script>`;
      const long = "x".repeat(250);
      const text = [
        "Email,Name",
        " New.One@Example.com , New One",
        "reader@example.com,Already Here",
        "not-an-email,Bad",
        ",No Address",
        "new.one@example.com,Twice",
        `${long}@example.com,Long Address`,
        `long-name@example.com,${"n".repeat(201)}`,
        `"xss@example.com","${xss.replace(/"/g, '""')}"`,
        ",,",
        "",
        '"multi@example.com","Line one',
        'line two"',
        "last@example.com",
      ].join("\r\n");
      const report = await importMembers(viewers.editor!, csvFile(text));
      expect(report).toEqual({
        ok: true,
        rows: 10,
        added: 4,
        existing: 1,
        rejected: [
          { line: 4, value: "not-an-email", reason: "Invalid email address." },
          { line: 5, value: "", reason: "Missing email address." },
          { line: 6, value: "new.one@example.com", reason: "Duplicate of line 2 in this file." },
          { line: 7, value: `${"x".repeat(80)}…`, reason: "Email address is too long (over 254 characters)." },
          { line: 8, value: "long-name@example.com", reason: "Name is too long (over 200 characters)." },
        ],
      });
      const [created] = await t.db.select().from(users).where(eq(users.email, "new.one@example.com"));
      expect(created).toMatchObject({ role: "reader", name: "New One" });
      const [xssUser] = await t.db.select().from(users).where(eq(users.email, "xss@example.com"));
      expect(xssUser?.name).toBe(xss);
      const [multi] = await t.db.select().from(users).where(eq(users.email, "multi@example.com"));
      expect(multi?.name).toBe("Line one\r\nline two");
      const [last] = await t.db.select().from(users).where(eq(users.email, "last@example.com"));
      expect(last?.name).toBeNull();
      const [existing] = await t.db.select().from(users).where(eq(users.email, "reader@example.com"));
      expect(existing?.name).toBe('Ann "Nan", of\nLondon');
      const log = await listAuditLog({ page: 1 });
      expect(log.items[0]).toMatchObject({
        action: "subscribers.import",
        actorEmail: "editor@example.com",
        detail: { added: 4, existing: 1, rejected: 5 },
      });
    });

    it("takes a file without a header row (email, name by position)", async () => {
      const report = await importMembers(viewers.editor!, csvFile("plain1@example.com,Plain One\nplain2@example.com\n"));
      expect(report).toEqual({ ok: true, rows: 2, added: 2, existing: 0, rejected: [] });
    });

    it("refuses a whole file it cannot use, and writes nothing", async () => {
      const before = await snapshot();
      const cases: [File, RegExp][] = [
        [
          csvFile('a@example.com,"never closed\nb@example.com,B'),
          /could not be read as CSV: A quoted field starting on line 1 is never closed/,
        ],
        [csvFile('"a@example.com"x,B'), /could not be read as CSV/],
        [csvFile("name,phone\nAnn,123"), /no "email" column/],
        [csvFile(""), /Choose a CSV file/],
        [csvFile("\n\n,,\n"), /no rows/],
        [csvFile("email,name\n"), /header row but no members/],
        [csvFile("a@example.com\u0000,B"), /not a text CSV/],
        [csvFile("x".repeat(MAX_IMPORT_BYTES + 1)), /too big.*limit is 1 MB/],
        [csvFile(Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `bulk${i}@example.com`).join("\n")), /more than 10,000 rows/],
      ];
      for (const [file, message] of cases) {
        const r = await importMembers(viewers.editor!, file);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error).toMatch(message);
      }
      expect(await snapshot()).toBe(before);
      // Exactly the limit is fine.
      const ok = await importMembers(
        viewers.editor!,
        csvFile(Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => `bulk${i}@example.com`).join("\n")),
      );
      expect(ok).toMatchObject({ ok: true, added: MAX_IMPORT_ROWS });
    });
  });

  describe("subscriber detail and complimentary access", () => {
    it("validates the end date and note", async () => {
      const before = await snapshot();
      const userId = ids.reader!;
      const bad: [unknown, string, RegExp][] = [
        [{ userId, until: "2026-11-21", note: "" }, "until", /in the future/],
        [{ userId, until: "2026-11-22", note: "" }, "until", /in the future/],
        [{ userId, until: "2026-02-30", note: "" }, "until", /real date/],
        [{ userId, until: "tomorrow", note: "" }, "until", /real date|YYYY-MM-DD/],
        [{ userId, until: "2150-01-01", note: "" }, "until", /before 2100/],
        [{ userId, until: "", note: "n".repeat(501) }, "note", /under 500/],
        [{ userId: "not-a-uuid", until: "", note: "" }, "form", /Unknown member/],
        [{ userId: "00000000-0000-4000-8000-000000000000", until: "", note: "" }, "form", /no longer exists/],
      ];
      for (const [input, field, message] of bad) {
        const r = await grantComplimentary(viewers.editor!, input, policy);
        expect(r.ok, JSON.stringify(input)).toBe(false);
        if (!r.ok) expect(r.errors[field as "until"], JSON.stringify(input)).toMatch(message);
      }
      expect(await snapshot()).toBe(before);
    });

    it("grants access through the end of the chosen day, shows it, and revokes it", async () => {
      const userId = ids.reader!;
      const granted = await grantComplimentary(viewers.editor!, { userId, until: "2026-11-23", note: " conference " }, policy);
      expect(granted.ok).toBe(true);
      if (!granted.ok) return;
      expect(granted.expiresAt?.toISOString()).toBe("2026-11-23T23:59:59.999Z");
      let detail = await subscriberDetail(userId, policy, { includeOutbox: false });
      expect(detail?.row.status).toBe("complimentary");
      expect(detail?.grants[0]).toMatchObject({ state: "active", note: "conference", grantedBy: "editor@example.com" });
      // After the day ends the same grant no longer counts.
      const later = { ...policy, now: new Date("2026-11-24T00:00:00.000Z") };
      expect((await subscriberDetail(userId, later, { includeOutbox: false }))?.row.status).toBe("free");

      expect(await revokeGrant(viewers.editor!, { userId: ids.comp, grantId: granted.grantId }, policy)).toEqual({
        ok: false,
        error: "That grant does not exist or was already revoked.",
      });
      expect(await revokeGrant(viewers.editor!, { userId, grantId: granted.grantId }, policy)).toEqual({ ok: true });
      expect((await revokeGrant(viewers.editor!, { userId, grantId: granted.grantId }, policy)).ok).toBe(false);
      detail = await subscriberDetail(userId, policy, { includeOutbox: false });
      expect(detail?.row.status).toBe("free");
      expect(detail?.grants[0]?.state).toBe("revoked");

      const open = await grantComplimentary(viewers.editor!, { userId, until: "", note: "" }, policy);
      expect(open).toMatchObject({ ok: true, expiresAt: null });
      expect((await subscriberDetail(userId, policy, { includeOutbox: false }))?.row.plan).toBe("Complimentary, no end date");
      if (open.ok) await revokeGrant(viewers.editor!, { userId, grantId: open.grantId }, policy);

      const log = await listAuditLog({ page: 1 });
      expect(log.items.slice(0, 4).map((e) => e.action)).toEqual([
        "complimentary.revoke",
        "complimentary.grant",
        "complimentary.revoke",
        "complimentary.grant",
      ]);
      expect(log.items[3]).toMatchObject({
        target: { kind: "person", id: userId },
        detail: { email: "reader@example.com", until: "2026-11-23", note: "conference" },
      });
    });

    it("lists subscriptions, newsletter deliveries and outbox mail with sign-in codes masked", async () => {
      const [piece] = await t.db.select({ id: pieces.id, headline: pieces.headline }).from(pieces).limit(1);
      const [send] = await t.db
        .insert(sends)
        .values({ pieceId: piece!.id, status: "sent", total: 1, fullCount: 1 })
        .returning({ id: sends.id });
      await t.db
        .insert(deliveries)
        .values({
          sendId: send!.id,
          userId: ids["payer-monthly"],
          email: "payer-monthly@example.com",
          variant: "full",
          batch: 0,
          status: "sent",
        });
      await t.db
        .insert(outbox)
        .values({ to: "payer-monthly@example.com", from: "x", subject: "Your sign-in code 123456", html: "", text: "" });
      const withOutbox = await subscriberDetail(ids["payer-monthly"]!, policy, { includeOutbox: true });
      expect(withOutbox?.subscriptions).toHaveLength(1);
      expect(withOutbox?.mails.map((m) => [m.source, m.subject])).toEqual(
        expect.arrayContaining([
          ["newsletter", piece!.headline],
          ["outbox", "Your sign-in code ••••••"],
        ]),
      );
      const withoutOutbox = await subscriberDetail(ids["payer-monthly"]!, policy, { includeOutbox: false });
      expect(withoutOutbox?.mails.map((m) => m.source)).toEqual(["newsletter"]);
      expect(await subscriberDetail("nope", policy, { includeOutbox: true })).toBeNull();
      expect(maskCodes("Code 654321 for 1234567")).toBe("Code •••••• for 1234567");
      await t.db.delete(sends).where(eq(sends.id, send!.id));
    });
  });

  describe("staff roles", () => {
    it("promotes a reader to editor and demotes them again, with clear refusals", async () => {
      const root = viewers.root!;
      expect(await promoteToEditor(root, { email: " Reader@Example.com " })).toEqual({
        ok: true,
        message: "reader@example.com is now an editor.",
      });
      expect(await promoteToEditor(root, { email: "reader@example.com" })).toEqual({
        ok: false,
        error: "reader@example.com is already staff (editor).",
      });
      expect((await promoteToEditor(root, { email: "nobody@example.com" })).ok).toBe(false);
      expect(await promoteToEditor(root, { email: "nope" })).toEqual({
        ok: false,
        error: "Enter a valid email address, like name@example.com.",
      });
      const staff = await listStaff(ADMIN_EMAILS);
      expect(staff.map((s) => [s.email, s.role, s.fixed])).toEqual([
        ["admin2@example.com", "admin", false],
        ["root@example.com", "admin", true],
        ["editor@example.com", "editor", false],
        ["reader@example.com", "editor", false],
      ]);
      expect(await demoteToReader(root, { userId: ids.root }, ADMIN_EMAILS)).toEqual({
        ok: false,
        error: "You cannot demote yourself. Ask another admin.",
      });
      expect((await demoteToReader(viewers.admin2!, { userId: ids.root }, ADMIN_EMAILS)).ok).toBe(false);
      expect((await demoteToReader(root, { userId: ids.trialer }, ADMIN_EMAILS)).ok).toBe(false);
      expect(await demoteToReader(root, { userId: ids.reader }, ADMIN_EMAILS)).toEqual({
        ok: true,
        message: "reader@example.com is now a reader.",
      });
      const [row] = await t.db.select({ role: users.role }).from(users).where(eq(users.id, ids.reader!));
      expect(row?.role).toBe("reader");
      const log = await listAuditLog({ page: 1 });
      expect(log.items.slice(0, 2).map((e) => [e.action, e.actorEmail, e.target?.id])).toEqual([
        ["staff.demote", "root@example.com", ids.reader],
        ["staff.promote", "root@example.com", ids.reader],
      ]);
    });
  });

  describe("authorization of every entry point", () => {
    it("refuses anonymous, reader, paying subscriber (and editor where admin-only), and changes nothing", async () => {
      const grant = await t.db
        .insert(complimentaryGrants)
        .values({ userId: ids.trialer!, note: "for revoke test" })
        .returning({ id: complimentaryGrants.id });
      const grantId = grant[0]!.id;
      const before = await snapshot();
      const anonymous: Viewer = { kind: "anonymous" };
      // A forged viewer claiming a role the database does not give is refused too.
      const forged: Viewer = { ...viewers.reader!, role: "admin" } as Viewer;
      const outsiders: [string, Viewer][] = [
        ["anonymous", anonymous],
        ["reader", viewers.lapsed!],
        ["paying subscriber", viewers["payer-monthly"]!],
        ["forged admin", forged],
      ];
      const staffCalls: [string, (v: Viewer) => Promise<unknown>][] = [
        ["export", (v) => exportSubscribers(v, { q: "", status: "all" }, policy)],
        ["import", (v) => importMembers(v, csvFile("intruder@example.com,Intruder"))],
        ["grant", (v) => grantComplimentary(v, { userId: ids.lapsed, until: "", note: "" }, policy)],
        ["revoke", (v) => revokeGrant(v, { userId: ids.trialer, grantId }, policy)],
      ];
      const adminCalls: [string, (v: Viewer) => Promise<unknown>][] = [
        ["promote", (v) => promoteToEditor(v, { email: "lapsed@example.com" })],
        ["demote", (v) => demoteToReader(v, { userId: ids.editor }, ADMIN_EMAILS)],
      ];
      for (const [who, v] of outsiders) {
        for (const [what, call] of [...staffCalls, ...adminCalls]) {
          await expect(call(v), `${what} as ${who}`).rejects.toBeInstanceOf(AdminAccessDenied);
        }
      }
      for (const [what, call] of adminCalls) {
        await expect(call(viewers.editor!), `${what} as editor`).rejects.toThrow("Only an admin may do this.");
      }
      expect(await snapshot()).toBe(before);
    });
  });

  describe("dashboard", () => {
    it("MRR: monthly + yearly/12 of active subscriptions that count, per currency; trials and past due left out", async () => {
      const lines = await mrr(policy);
      // payer-monthly 900 + payer-yearly 9000/12 = 750 + payer-ending 900 (until its period ends); payer-ended is over.
      expect(lines).toEqual([
        { currency: "eur", monthly: 900 + 750 + 900, subscriptions: 3 },
        { currency: "usd", monthly: 1200, subscriptions: 1 },
      ]);
      const base = { status: "active", currency: "eur", currentPeriodEnd: at(DAY), cancelAtPeriodEnd: false, pastDueSince: null };
      expect(
        mrrOf(
          [
            { ...base, interval: "year", unitAmount: 1000 },
            { ...base, interval: "year", unitAmount: 1000 },
            { ...base, interval: "week", unitAmount: 300 },
            { ...base, interval: "day", unitAmount: 12 },
            { ...base, interval: "month", unitAmount: null },
            { ...base, interval: "fortnight", unitAmount: 500 },
            { ...base, status: "trialing", interval: "month", unitAmount: 900 },
            { ...base, status: "past_due", pastDueSince: at(-DAY), interval: "month", unitAmount: 900 },
            { ...base, cancelAtPeriodEnd: true, currentPeriodEnd: at(-1), interval: "month", unitAmount: 900 },
          ],
          policy,
        ),
      ).toEqual([{ currency: "eur", monthly: Math.round(2000 / 12 + (300 * 52) / 12 + (12 * 365) / 12), subscriptions: 4 }]);
      expect(mrrOf([], policy)).toEqual([]);
    });

    it("daily sign-ups and new paying subscribers: 30 UTC days, zero-filled, edges exact", async () => {
      const range = dayRange(now, 30);
      expect(range.days).toHaveLength(30);
      expect(range.days[0]).toBe("2026-10-24");
      expect(range.days[29]).toBe("2026-11-22");
      const before = await dailyGrowth(now);
      const d = (day: string, time = "12:00:00.000") => new Date(`${day}T${time}Z`);
      await person("day-first", "reader", { createdAt: d("2026-10-24", "00:00:00.000") });
      await person("day-too-early", "reader", { createdAt: d("2026-10-23", "23:59:59.999") });
      await person("day-a", "reader", { createdAt: d("2026-11-20", "00:00:00.001") });
      await person("day-b", "reader", { createdAt: d("2026-11-20", "23:59:59.999") });
      await person("day-today", "reader", { createdAt: d("2026-11-22", "11:00:00.000") });
      await subscribe("day-a", "active", { createdAt: d("2026-11-20") });
      await subscribe("day-a", "active", { createdAt: d("2026-11-20", "13:00:00.000") }); // same customer: one new subscriber
      await subscribe("day-b", "canceled", { createdAt: d("2026-11-20") }); // paid, then left: still new that day
      await subscribe("day-today", "trialing", { createdAt: d("2026-11-22") }); // not paying yet
      await subscribe("day-first", "incomplete", { createdAt: d("2026-11-21") }); // never went through
      await subscribe("day-first", "canceled", {
        createdAt: d("2026-11-21"),
        trialEnd: d("2026-11-28"),
        endedAt: d("2026-11-21", "18:00:00.000"),
      }); // left in trial
      const series = await dailyGrowth(now);
      expect(series).toHaveLength(30);
      const delta = series.map((s, i) => ({
        day: s.day,
        signups: s.signups - before[i]!.signups,
        newPaying: s.newPaying - before[i]!.newPaying,
      }));
      expect(delta.filter((x) => x.signups || x.newPaying)).toEqual([
        { day: "2026-10-24", signups: 1, newPaying: 0 },
        { day: "2026-11-20", signups: 2, newPaying: 2 },
        { day: "2026-11-22", signups: 1, newPaying: 0 },
      ]);
      expect(series.filter((s) => s.signups === 0 && s.newPaying === 0).length).toBeGreaterThan(20);
    });

    it("latest sends, newest first, with progress from the send's counters", async () => {
      const ps = await t.db.select({ id: pieces.id, headline: pieces.headline }).from(pieces).limit(2);
      await t.db.insert(sends).values([
        { pieceId: ps[0]!.id, status: "sent", total: 2, sentCount: 2, createdAt: at(-DAY) },
        { pieceId: ps[1]!.id, status: "sending", total: 5, sentCount: 3, failedCount: 1, createdAt: at(-1000) },
      ]);
      const list = await listRecentSends(5);
      expect(list.map((s) => [s.kind, s.headline, s.status, s.sent, s.failed, s.pending, s.total])).toEqual([
        ["piece", ps[1]!.headline, "sending", 3, 1, 1, 5],
        ["piece", ps[0]!.headline, "sent", 2, 0, 0, 2],
      ]);
      expect(await listRecentSends(1)).toHaveLength(1);
    });
  });
});
