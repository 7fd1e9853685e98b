import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db";
import { pieces } from "@/db/schema";
import { follows, riskTags, riskVectors } from "@/db/schema-risk";

/**
 * What a reader follows, for signal alerts: a piece, a vector, an exposed sector or region.
 * Stored as (user, kind, target), unique: following twice is one follow. Sectors and regions are
 * tags (by id) from the managed lists; what a reader names must exist there, or nothing changes.
 */
export const FOLLOW_KINDS = ["piece", "vector", "sector", "region"] as const;
export type FollowKind = (typeof FOLLOW_KINDS)[number];

export const FollowInput = z.object(
  {
    kind: z.enum(FOLLOW_KINDS, { error: "Choose what to follow: a piece, a vector, a sector or a region." }),
    target: z.string({ error: "Choose what to follow." }).trim().min(1, "Choose what to follow.").max(100, "Unknown item to follow."),
  },
  { error: "Choose what to follow." },
);
export type FollowInput = z.infer<typeof FollowInput>;

export interface Followed {
  kind: FollowKind;
  target: string;
  name: string;
  /** The piece's slug, for a followed piece. */
  slug?: string;
}

export type FollowResult = { ok: true } | { ok: false; error: string };

const stored = (kind: FollowKind): "piece" | "vector" | "tag" => (kind === "sector" || kind === "region" ? "tag" : kind);

async function exists(input: FollowInput): Promise<boolean> {
  const d = await db();
  switch (input.kind) {
    case "piece":
      return (await d.select({ id: pieces.id }).from(pieces).where(and(eq(pieces.id, input.target), eq(pieces.status, "published")))).length > 0;
    case "vector":
      return (await d.select({ slug: riskVectors.slug }).from(riskVectors).where(eq(riskVectors.slug, input.target))).length > 0;
    case "sector":
    case "region":
      return (await d.select({ id: riskTags.id }).from(riskTags).where(and(eq(riskTags.id, input.target), eq(riskTags.kind, input.kind)))).length > 0;
  }
}

/** Parses the input, then runs `change` on the stored row's key; a refused input changes nothing. */
async function withFollow(raw: unknown, change: (key: { kind: "piece" | "vector" | "tag"; target: string }, input: FollowInput) => Promise<FollowResult | void>): Promise<FollowResult> {
  const parsed = FollowInput.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid input." };
  return (await change({ kind: stored(parsed.data.kind), target: parsed.data.target }, parsed.data)) ?? { ok: true };
}

export function follow(userId: string, raw: unknown): Promise<FollowResult> {
  return withFollow(raw, async (key, input) => {
    if (!(await exists(input))) return { ok: false, error: `There is no such ${input.kind} to follow.` };
    await (await db()).insert(follows).values({ userId, ...key }).onConflictDoNothing();
  });
}

export function unfollow(userId: string, raw: unknown): Promise<FollowResult> {
  return withFollow(raw, async (key) => {
    await (await db()).delete(follows).where(and(eq(follows.userId, userId), eq(follows.kind, key.kind), eq(follows.target, key.target)));
  });
}

/** Everything a reader follows, with names, pieces first (vanished targets are left out). */
export async function followsOf(userId: string): Promise<Followed[]> {
  const d = await db();
  const rows = await d
    .select({ kind: follows.kind, target: follows.target })
    .from(follows)
    .where(eq(follows.userId, userId))
    .orderBy(asc(follows.createdAt));
  const ids = (k: "piece" | "vector" | "tag") =>
    rows.filter((r) => r.kind === k).map((r) => r.target);
  const [ps, vs, ts] = await Promise.all([
    ids("piece").length === 0
      ? []
      : d
          .select({ id: pieces.id, slug: pieces.slug, name: pieces.headline })
          .from(pieces)
          .where(inArray(pieces.id, ids("piece"))),
    ids("vector").length === 0
      ? []
      : d
          .select({ id: riskVectors.slug, name: riskVectors.name })
          .from(riskVectors)
          .where(inArray(riskVectors.slug, ids("vector"))),
    ids("tag").length === 0
      ? []
      : d
          .select({ id: riskTags.id, kind: riskTags.kind, name: riskTags.name })
          .from(riskTags)
          .where(inArray(riskTags.id, ids("tag"))),
  ]);
  return [
    ...ps.map((p): Followed => ({
      kind: "piece",
      target: p.id,
      name: p.name,
      slug: p.slug,
    })),
    ...vs.map((v): Followed => ({
      kind: "vector",
      target: v.id,
      name: v.name,
    })),
    ...ts.flatMap((t): Followed[] =>
      t.kind === "sector" || t.kind === "region"
        ? [{ kind: t.kind, target: t.id, name: t.name }]
        : [],
    ),
  ];
}

/**
 * The follow keys of the reader whose id `userId` yields, as one JSON array expression, so a page's
 * one statement can carry them (the same keys as `followKeysOf`: targets that still exist only).
 */
export function followKeysSql(userId: SQL): SQL<unknown> {
  return sql`coalesce((
    select json_agg((case when f.kind = 'tag' then ft.kind::text else f.kind end) || ':' || f.target)
    from ${follows} f
      left join ${pieces} fp on f.kind = 'piece' and fp.id = f.target
      left join ${riskVectors} fv on f.kind = 'vector' and fv.slug = f.target
      left join ${riskTags} ft on f.kind = 'tag' and ft.id = f.target
    where f.user_id = ${userId} and (fp.id is not null or fv.slug is not null or ft.kind in ('sector', 'region'))), '[]'::json)`;
}

/** The follow keys (`kind:target`) of a reader, for marking buttons as followed. */
export async function followKeysOf(userId: string): Promise<Set<string>> {
  return new Set(
    (await followsOf(userId)).map((f) => followKey(f.kind, f.target)),
  );
}

export const followKey = (kind: FollowKind, target: string): string =>
  `${kind}:${target}`;
