import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { DEMO_ASSESSMENTS } from "@/db/demo-risk";
import { pieces } from "@/db/schema";
import { seedDemoPieces } from "@/db/seed";
import { ANONYMOUS, decideAccess, type Viewer } from "@/lib/access/rule";
import { currentPolicy } from "@/lib/access/policy";
import { viewersById } from "@/lib/newsletter/viewers";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { seedReader, type ReaderKind } from "@/test-support/newsletter-fixtures";
import { readGatedEdition } from "./gated-edition";
import { readAnalysisHtml } from "./queries";
import { readAssessment } from "./risk";
import { readerEdition } from "./reader-edition";
import { ReaderEditionWire } from "./reader-edition-wire";

const PAID = "port-automation-strike-baltic";
/** The first words of that piece's analysis (db/demo-pieces.ts). */
const ANALYSIS = "Remote crane operation means the software";
const firstRationale = DEMO_ASSESSMENTS[PAID]!.vectors[0]![4];

describe.each(databaseKinds())("a reader's edition of a piece page on %s", (kind) => {
  const t = useTestDatabase(kind);
  beforeAll(() => seedDemoPieces(t.db));

  async function viewer(k: ReaderKind): Promise<Viewer> {
    const r = await seedReader(t.db, k);
    return (await viewersById(t.db, [r.id])).get(r.id)!;
  }

  /** What the browser gets: the answer through JSON and the island's parser. */
  async function wire(slug: string, v: Viewer) {
    const answer = await readerEdition(slug, v);
    return answer === null ? null : { text: JSON.stringify(answer), parsed: ReaderEditionWire.parse(JSON.parse(JSON.stringify(answer))) };
  }

  it("tells an anonymous request only its category, whatever the slug", async () => {
    for (const slug of [PAID, "no-such-piece"]) {
      const got = await wire(slug, ANONYMOUS);
      expect(got?.parsed).toEqual({ category: "anonymous" });
    }
  });

  it.each(["free", "canceled", "past_due_expired", "expired_grant"] as const)("gives a %s reader the paywall of a paid piece and nothing gated", async (k) => {
    const got = await wire(PAID, await viewer(k));
    expect(got?.parsed.edition?.body).toEqual({ kind: "paywall", reason: "subscribe" });
    expect(got?.parsed.edition?.assessment).toBeNull();
    expect(got?.text).not.toContain(ANALYSIS);
    expect(got?.text).not.toContain(firstRationale);
  });

  it.each(["active", "trialing", "past_due_in_grace", "complimentary", "editor"] as const)("gives a %s reader the analysis and the whole assessment", async (k) => {
    const got = await wire(PAID, await viewer(k));
    const body = got?.parsed.edition?.body;
    expect(body?.kind).toBe("full");
    expect(body?.kind === "full" ? body.analysisHtml : "").toContain(ANALYSIS);
    expect(got?.parsed.edition?.assessment?.vectors[0]?.rationale).toBe(firstRationale);
    // Dates survive the trip as dates.
    expect(got?.parsed.edition?.assessment?.signals[0]?.statusAt).toBeInstanceOf(Date);
    // In grace a reader still reads, and is asked to mend the payment.
    expect(got?.parsed.category).toBe(k === "past_due_in_grace" ? "past_due" : "subscriber");
  });

  it("says a signed-in reader's category and what they follow", async () => {
    const free = await viewer("free");
    expect((await wire(PAID, free))?.parsed).toMatchObject({ category: "free", edition: { followed: [] } });
  });

  it("reads in one query exactly the analysis and assessment the per-part readers give, for every demo piece", async () => {
    const staff = await viewer("editor");
    const all = await t.db.select({ id: pieces.id, visibility: pieces.visibility }).from(pieces);
    expect(all.length).toBeGreaterThan(3);
    let assessed = 0;
    for (const piece of all) {
      const decision = decideAccess(staff, piece, currentPolicy());
      if (!decision.allowed) throw new Error("staff read everything");
      const gated = await readGatedEdition(decision.proof);
      expect(gated.analysisHtml).toBe(await readAnalysisHtml(decision.proof));
      expect(gated.assessment).toEqual(await readAssessment(decision.proof));
      if (gated.assessment) assessed += 1;
    }
    expect(assessed).toBeGreaterThan(0);
  });

  it("has nothing for an unpublished or unknown piece", async () => {
    const reader = await viewer("active");
    expect(await readerEdition("no-such-piece", reader)).toBeNull();
    await t.db.update(pieces).set({ status: "draft" }).where(eq(pieces.slug, PAID));
    try {
      expect(await readerEdition(PAID, reader)).toBeNull();
    } finally {
      await t.db.update(pieces).set({ status: "published" }).where(eq(pieces.slug, PAID));
    }
  });
});
