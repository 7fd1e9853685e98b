import { inArray } from "drizzle-orm";
import type { Db } from "./client";
import { pieces } from "./schema";
import { assessmentExposures, assessmentSignals, assessmentVectors, pieceAssessments, riskTags, signalChanges } from "./schema-risk";
import type { RiskDirection, RiskHorizon, RiskLevel, RiskTagKind, SignalStatus } from "./schema-risk";

/** Demo content: our own assessments of the demo pieces, and the managed lists they draw on. */
type Tag = [RiskTagKind, string, string];

export const DEMO_TAGS: Tag[] = [
  ["sector", "shipping-logistics", "Shipping & logistics"],
  ["sector", "insurance", "Insurance"],
  ["sector", "defence", "Defence"],
  ["sector", "automotive", "Automotive"],
  ["sector", "mining", "Mining"],
  ["sector", "telecoms", "Telecoms"],
  ["sector", "cloud-computing", "Cloud computing"],
  ["sector", "public-sector", "Public sector"],
  ["sector", "agriculture", "Agriculture"],
  ["sector", "food-retail", "Food retail"],
  ["sector", "banking", "Banking"],
  ["region", "baltic-states", "Baltic states"],
  ["region", "northern-europe", "Northern Europe"],
  ["region", "south-america", "South America"],
  ["region", "east-asia", "East Asia"],
  ["region", "north-america", "North America"],
  ["region", "western-europe", "Western Europe"],
  ["region", "north-africa", "North Africa"],
  ["region", "south-asia", "South Asia"],
  ["region", "gulf-states", "Gulf states"],
  ["organisation", "nato", "NATO"],
  ["organisation", "opec", "OPEC"],
  ["organisation", "world-food-programme", "World Food Programme"],
  ["organisation", "swift", "SWIFT"],
  ["organisation", "bis", "Bank for International Settlements"],
];

interface DemoSignal {
  statement: string;
  indicator: string;
  /** Oldest first; the last one is the signal's status. */
  history: [SignalStatus, string, string][];
}

export interface DemoAssessment {
  level: RiskLevel;
  horizon: RiskHorizon;
  vectors: [string, number, number, RiskDirection, string][];
  tags: string[];
  signals: DemoSignal[];
}

export const DEMO_ASSESSMENTS: Record<string, DemoAssessment> = {
  "port-automation-strike-baltic": {
    level: "high",
    horizon: "months",
    vectors: [
      ["geopolitical", 4, 5, "rising", "A vendor from a non-allied state can idle ports that feed the alliance's northern flank."],
      ["supply-chain", 4, 4, "rising", "Rerouted boxes pile onto neighbouring terminals already near their yard capacity."],
      ["cyber", 3, 5, "steady", "Remote crane control is an always-on link into terminal operations from abroad."],
      ["financial", 3, 3, "rising", "Underwriters are adding a remote-shutdown loading to Baltic business-interruption cover."],
    ],
    tags: ["shipping-logistics", "insurance", "defence", "baltic-states", "northern-europe", "nato"],
    signals: [
      {
        statement: "Governments open a formal review of foreign-controlled operational technology at critical ports.",
        indicator: "A ministerial order or parliamentary inquiry that names port crane or terminal control systems.",
        history: [
          ["watching", "2026-11-20", "Added to the watch list."],
          ["triggered", "2026-11-26", "Two transport ministries announced a joint audit of remote crane contracts."],
        ],
      },
      {
        statement: "Terminal operators restore an on-site manual override for the automated cranes.",
        indicator: "A settlement text or terminal notice that requires local override capability.",
        history: [["watching", "2026-11-20", "Added to the watch list."]],
      },
    ],
  },
  "lithium-price-floor-andes": {
    level: "elevated",
    horizon: "years",
    vectors: [
      ["financial", 4, 3, "rising", "Spot buyers pay the floor at once; contract buyers meet it at renewal."],
      ["supply-chain", 3, 4, "steady", "Cell makers without offtake deals have no quick substitute for brine supply."],
      ["geopolitical", 2, 3, "rising", "A producers' club invites importing governments to answer with stockpiles or tariffs."],
    ],
    tags: ["automotive", "mining", "south-america", "east-asia"],
    signals: [
      {
        statement: "The first renegotiated offtake contract settles above the floor with no volume discount.",
        indicator: "Disclosed terms of a long-term supply contract signed by a top-ten cell maker.",
        history: [
          ["watching", "2026-11-17", "Added to the watch list."],
          ["faded", "2026-11-24", "The first renewal carried a chemistry-switch clause and a discount; buyers kept their leverage."],
        ],
      },
      {
        statement: "A major carmaker commits an entry-level model to sodium-ion cells.",
        indicator: "A production announcement naming sodium-ion chemistry for a volume model.",
        history: [["watching", "2026-11-17", "Added to the watch list."]],
      },
    ],
  },
  "satellite-spectrum-auction-delay": {
    level: "guarded",
    horizon: "years",
    vectors: [
      ["regulatory", 4, 3, "steady", "The delay freezes today's spectrum holdings until the new auction rules are final."],
      ["financial", 3, 2, "easing", "Challengers lose a launch window but not their funding, for now."],
    ],
    tags: ["telecoms", "north-america"],
    signals: [
      {
        statement: "Satellite operators cite interference to contest a second country's mid-band auction.",
        indicator: "A formal objection filed with another national regulator using the same safety argument.",
        history: [["watching", "2026-11-12", "Added to the watch list."]],
      },
    ],
  },
  "sovereign-cloud-procurement-rules": {
    level: "elevated",
    horizon: "months",
    vectors: [
      ["regulatory", 4, 4, "rising", "An ownership test would decide which providers may bid for ministry workloads."],
      ["cyber", 2, 4, "steady", "Whoever holds the building keys becomes part of the public sector's attack surface."],
    ],
    tags: ["cloud-computing", "public-sector", "western-europe"],
    signals: [
      {
        statement: "The final rule counts physical custody of servers, not only shareholdings.",
        indicator: "Wording in the adopted rule on data-centre ownership or operational control.",
        history: [["watching", "2026-11-08", "Added to the watch list."]],
      },
    ],
  },
  "fertiliser-export-quota-harvest": {
    level: "high",
    horizon: "months",
    vectors: [
      ["supply-chain", 4, 4, "rising", "Quota-limited nitrogen reaches importers after their planting decisions are made."],
      ["societal", 3, 5, "rising", "Lower application rates become higher bread and feed prices in the next season."],
      ["geopolitical", 3, 3, "steady", "Importers may trade political concessions for a share of the quota."],
    ],
    tags: ["agriculture", "food-retail", "north-africa", "south-asia", "world-food-programme"],
    signals: [
      {
        statement: "A large importer announces an emergency fertiliser subsidy before spring planting.",
        indicator: "A budget line or decree funding nitrogen purchases for the coming season.",
        history: [["watching", "2026-11-04", "Added to the watch list."]],
      },
    ],
  },
  "central-bank-digital-ledger-pilot": {
    level: "elevated",
    horizon: "years",
    vectors: [
      ["financial", 3, 4, "rising", "A working settlement rail outside correspondent banks erodes one lever of sanctions."],
      ["geopolitical", 3, 4, "rising", "Membership rules of the pilot will signal which capitals it is built to serve."],
      ["regulatory", 2, 3, "steady", "Supervisors have not yet said how settlement finality on the ledger is recognised."],
    ],
    tags: ["banking", "gulf-states", "east-asia", "swift", "bis"],
    signals: [
      {
        statement: "The pilot admits a central bank whose country is under financial sanctions.",
        indicator: "A published list of participants or observers that includes a sanctioned jurisdiction.",
        history: [["watching", "2026-10-30", "Added to the watch list."]],
      },
    ],
  },
};

/** Inserts the demo tags (idempotent by kind and slug). */
export async function seedDemoTags(d: Db): Promise<void> {
  await d
    .insert(riskTags)
    .values(DEMO_TAGS.map(([kind, slug, name]) => ({ kind, slug, name })))
    .onConflictDoNothing();
}

/** Gives each demo piece that has none its demo assessment. Returns how many were added. */
export async function seedDemoAssessments(d: Db): Promise<number> {
  await seedDemoTags(d);
  const slugs = Object.keys(DEMO_ASSESSMENTS);
  const rows = await d.select({ id: pieces.id, slug: pieces.slug }).from(pieces).where(inArray(pieces.slug, slugs));
  const tags = await d.select({ id: riskTags.id, slug: riskTags.slug, kind: riskTags.kind }).from(riskTags);
  let added = 0;
  for (const { id: pieceId, slug } of rows) {
    const a = DEMO_ASSESSMENTS[slug];
    if (!a) continue;
    await d.transaction(async (tx) => {
      const [created] = await tx
        .insert(pieceAssessments)
        .values({ pieceId, level: a.level, horizon: a.horizon })
        .onConflictDoNothing()
        .returning({ pieceId: pieceAssessments.pieceId });
      if (!created) return;
      added++;
      await tx.insert(assessmentVectors).values(a.vectors.map(([vector, likelihood, impact, direction, rationale], position) => ({ pieceId, vector, position, likelihood, impact, direction, rationale })));
      const tagIds = tags.filter((t) => a.tags.includes(t.slug)).map((t) => t.id);
      if (tagIds.length > 0) await tx.insert(assessmentExposures).values(tagIds.map((tagId) => ({ pieceId, tagId })));
      for (const [position, s] of a.signals.entries()) {
        const last = s.history[s.history.length - 1]!;
        const [signal] = await tx
          .insert(assessmentSignals)
          .values({ pieceId, position, statement: s.statement, indicator: s.indicator, status: last[0], statusAt: new Date(`${last[1]}T09:00:00Z`), createdAt: new Date(`${s.history[0]![1]}T09:00:00Z`) })
          .returning({ id: assessmentSignals.id });
        await tx.insert(signalChanges).values(s.history.map(([status, day, note]) => ({ signalId: signal!.id, status, note, at: new Date(`${day}T09:00:00Z`) })));
      }
    });
  }
  return added;
}

