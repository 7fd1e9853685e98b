/** The audit log's filters, names and titles (PGlite, and PostgreSQL when DATABASE_URL is set). */
import { beforeAll, describe, expect, it } from "vitest";
import { ensureCategories } from "@/test-support/categories";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { auditLog, pieces, staffProfiles, users } from "@/db/schema";
import { AuditQuery, auditFilterChoices, auditHref, listAuditLog } from "./audit-log";
import { auditWords } from "./audit-words";

describe("the audit page's query", () => {
  it("parses filters and ignores what is malformed", () => {
    const id = "3f1c9a52-7d1e-4a8b-9c2d-1e2f3a4b5c6d";
    expect(AuditQuery.parse({ actor: id, action: "piece.publish", from: "2026-11-01", to: "2026-11-30", page: "2" })).toEqual({ actor: id, action: "piece.publish", from: "2026-11-01", to: "2026-11-30", page: 2 });
    expect(AuditQuery.parse({ actor: "x' or 1=1", action: "<script>", from: "yesterday", to: "2026-13-45", page: "-1" })).toEqual({ page: 1, actor: undefined, action: undefined, from: undefined, to: undefined });
    expect(auditHref({ action: "piece.publish", page: 3 })).toBe("/admin/audit?action=piece.publish&page=3");
    expect(auditWords("piece.publish")).toBe("published a piece");
    expect(auditWords("something.new")).toBe("something.new");
  });
});

describe.each(databaseKinds())("audit log on %s", (kind) => {
  const t = useTestDatabase(kind);
  const ids = { ada: "", bo: "", reader: "", piece: "" };
  beforeAll(async () => {
    const [ada, bo, reader] = await t.db
      .insert(users)
      .values([
        { email: "ada@example.com", role: "admin" },
        { email: "bo@example.com", role: "editor" },
        { email: "reader@example.com", role: "reader" },
      ])
      .returning({ id: users.id });
    ids.ada = ada!.id;
    ids.bo = bo!.id;
    ids.reader = reader!.id;
    await t.db.insert(staffProfiles).values({ userId: ids.ada, slug: "ada", displayName: "Ada Admin" });
    await ensureCategories(t.db, ["Markets"]);
    const [piece] = await t.db.insert(pieces).values({ slug: "a-piece", category: "Markets", headline: "A piece worth logging", teaser: "t", analysis: "a", ctaPitch: "c" }).returning({ id: pieces.id });
    ids.piece = piece!.id;
    await t.db.insert(auditLog).values([
      { actorId: ids.ada, actorEmail: "ada@example.com", action: "piece.publish", target: ids.piece, at: new Date("2026-11-10T12:00:00Z") },
      { actorId: ids.bo, actorEmail: "bo@example.com", action: "piece.draft", target: ids.piece, at: new Date("2026-11-12T09:00:00Z") },
      { actorId: ids.ada, actorEmail: "ada@example.com", action: "complimentary.grant", target: ids.reader, at: new Date("2026-11-15T23:59:00Z") },
      { actorId: null, actorEmail: "scheduler", action: "piece.published-on-schedule", target: ids.piece, at: new Date("2026-11-20T07:00:00Z") },
    ]);
  });

  it("names actors and titles targets", async () => {
    const log = await listAuditLog({ page: 1 });
    expect(log.total).toBe(4);
    const grant = log.items.find((e) => e.action === "complimentary.grant");
    expect(grant).toMatchObject({ actorName: "Ada Admin", target: { kind: "person", id: ids.reader, title: "reader@example.com", staff: false } });
    const draft = log.items.find((e) => e.action === "piece.draft");
    expect(draft).toMatchObject({ actorName: "bo@example.com", target: { kind: "piece", id: ids.piece, title: "A piece worth logging" } });
    expect(log.items.find((e) => e.action === "piece.published-on-schedule")).toMatchObject({ actorName: "scheduler" });
  });

  it("filters by actor, action and date range (inclusive days), and paginates", async () => {
    const byAda = await listAuditLog({ page: 1, actor: ids.ada });
    expect(byAda.items.map((e) => e.action)).toEqual(["complimentary.grant", "piece.publish"]);
    expect((await listAuditLog({ page: 1, action: "piece.draft" })).items.map((e) => e.actorId)).toEqual([ids.bo]);
    const range = await listAuditLog({ page: 1, from: "2026-11-12", to: "2026-11-15" });
    expect(range.items.map((e) => e.action)).toEqual(["complimentary.grant", "piece.draft"]);
    const paged = await listAuditLog({ page: 2 }, 3);
    expect(paged).toMatchObject({ page: 2, pageCount: 2, total: 4 });
    expect(paged.items.map((e) => e.action)).toEqual(["piece.publish"]);
    const choices = await auditFilterChoices();
    expect(choices.actors.map((a) => a.name)).toEqual(["Ada Admin (ada@example.com)", "bo@example.com"]);
    expect(choices.actions).toContain("piece.published-on-schedule");
  });
});
