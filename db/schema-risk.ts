import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { pieces, users } from "./schema";

/**
 * The risk assessment of a piece (issue 12). The overall level and the vector names are the
 * public hook; horizon, scores, rationales, exposed parties and signals are gated like the
 * analysis and leave the database only through lib/pieces/ with an access proof.
 */
const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

export const riskLevelEnum = pgEnum("risk_level", ["low", "guarded", "elevated", "high", "severe"]);
export const riskHorizonEnum = pgEnum("risk_horizon", ["weeks", "months", "years"]);
export const riskDirectionEnum = pgEnum("risk_direction", ["rising", "steady", "easing"]);
export const signalStatusEnum = pgEnum("signal_status", ["watching", "triggered", "faded"]);
export const riskTagKindEnum = pgEnum("risk_tag_kind", ["sector", "region", "organisation"]);

/** The vector taxonomy admins manage (slug is the stable key; the name may be edited). */
export const riskVectors = pgTable("risk_vectors", {
  slug: text("slug").primaryKey(),
  name: text("name").notNull().unique(),
  position: integer("position").notNull().default(0),
  createdAt: at("created_at").notNull().defaultNow(),
  /** Retired: gone from the editor's choices, kept on the assessments that carry it. */
  retiredAt: at("retired_at"),
});

/** Managed lists of exposed parties: sectors, regions, named organisations. */
export const riskTags = pgTable(
  "risk_tags",
  {
    id: id(),
    kind: riskTagKindEnum("kind").notNull(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    /** Retired: gone from the editor's choices, kept on the assessments that carry it. */
    retiredAt: at("retired_at"),
  },
  (t) => [uniqueIndex("risk_tags_kind_slug_uq").on(t.kind, t.slug)],
);

/** One row per piece that carries an assessment. `level` is public; `horizon` is gated. */
export const pieceAssessments = pgTable("piece_assessments", {
  pieceId: text("piece_id")
    .primaryKey()
    .references(() => pieces.id, { onDelete: "cascade" }),
  level: riskLevelEnum("level").notNull(),
  horizon: riskHorizonEnum("horizon").notNull(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

/** A vector of a piece's assessment: its name is public, everything else is gated. */
export const assessmentVectors = pgTable(
  "assessment_vectors",
  {
    pieceId: text("piece_id")
      .notNull()
      .references(() => pieceAssessments.pieceId, { onDelete: "cascade" }),
    vector: text("vector")
      .notNull()
      .references(() => riskVectors.slug, { onUpdate: "cascade" }),
    position: integer("position").notNull(),
    likelihood: integer("likelihood").notNull(),
    impact: integer("impact").notNull(),
    direction: riskDirectionEnum("direction").notNull(),
    rationale: text("rationale").notNull(),
  },
  (t) => [primaryKey({ columns: [t.pieceId, t.vector] }), index("assessment_vectors_vector_idx").on(t.vector)],
);

/** Who is exposed (gated). */
export const assessmentExposures = pgTable(
  "assessment_exposures",
  {
    pieceId: text("piece_id")
      .notNull()
      .references(() => pieceAssessments.pieceId, { onDelete: "cascade" }),
    tagId: text("tag_id")
      .notNull()
      .references(() => riskTags.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.pieceId, t.tagId] }), index("assessment_exposures_tag_idx").on(t.tagId)],
);

/** Signals to watch (gated). `status` and `statusAt` mirror the signal's latest change. */
export const assessmentSignals = pgTable(
  "assessment_signals",
  {
    id: id(),
    pieceId: text("piece_id")
      .notNull()
      .references(() => pieceAssessments.pieceId, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    statement: text("statement").notNull(),
    indicator: text("indicator").notNull(),
    status: signalStatusEnum("status").notNull().default("watching"),
    statusAt: at("status_at").notNull().defaultNow(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("assessment_signals_piece_idx").on(t.pieceId), index("assessment_signals_status_idx").on(t.status, t.statusAt)],
);

/** Every change of a signal's status, with its short dated note (gated). */
export const signalChanges = pgTable(
  "signal_changes",
  {
    id: id(),
    signalId: text("signal_id")
      .notNull()
      .references(() => assessmentSignals.id, { onDelete: "cascade" }),
    status: signalStatusEnum("status").notNull(),
    note: text("note").notNull(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [index("signal_changes_signal_idx").on(t.signalId, t.at)],
);

/** What a reader follows: a piece, a vector (by slug) or a tag (by id). */
export const follows = pgTable(
  "follows",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"piece" | "vector" | "tag">().notNull(),
    target: text("target").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.target] }), index("follows_target_idx").on(t.kind, t.target)],
);

/** Signal alerts on or off (no row = on); new-piece mail stays in email_preferences. */
export const alertPreferences = pgTable("alert_preferences", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  alerts: boolean("alerts").notNull().default(true),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

export type RiskLevel = (typeof riskLevelEnum.enumValues)[number];
export type RiskHorizon = (typeof riskHorizonEnum.enumValues)[number];
export type RiskDirection = (typeof riskDirectionEnum.enumValues)[number];
export type SignalStatus = (typeof signalStatusEnum.enumValues)[number];
export type RiskTagKind = (typeof riskTagKindEnum.enumValues)[number];
