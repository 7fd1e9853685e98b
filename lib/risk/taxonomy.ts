import "server-only";
import { asc, inArray, isNull, or, type SQL } from "drizzle-orm";
import { db } from "@/lib/db";
import { riskTags, riskVectors } from "@/db/schema-risk";
import type { TagKind } from "./scale";

/** The managed lists: vectors and the tags of exposed parties. Public (names only). */
export interface VectorOption {
  slug: string;
  name: string;
}
export interface TagOption {
  id: string;
  kind: TagKind;
  slug: string;
  name: string;
}

/** Which terms to list: those in use (the editor's choices), plus `keep` (retired terms a piece still carries), or all. */
export type ListScope = { include: "active"; keep?: readonly string[] } | { include: "all" };

const scoped = (retiredAt: typeof riskVectors.retiredAt | typeof riskTags.retiredAt, key: typeof riskVectors.slug | typeof riskTags.id, scope: ListScope): SQL | undefined => {
  if (scope.include === "all") return undefined;
  const keep = scope.keep ?? [];
  return keep.length > 0 ? or(isNull(retiredAt), inArray(key, [...keep])) : isNull(retiredAt);
};

export async function listVectors(scope: ListScope = { include: "active" }): Promise<VectorOption[]> {
  return (await db())
    .select({ slug: riskVectors.slug, name: riskVectors.name })
    .from(riskVectors)
    .where(scoped(riskVectors.retiredAt, riskVectors.slug, scope))
    .orderBy(asc(riskVectors.position), asc(riskVectors.name));
}

export async function listTags(scope: ListScope = { include: "active" }): Promise<TagOption[]> {
  return (await db())
    .select({ id: riskTags.id, kind: riskTags.kind, slug: riskTags.slug, name: riskTags.name })
    .from(riskTags)
    .where(scoped(riskTags.retiredAt, riskTags.id, scope))
    .orderBy(asc(riskTags.kind), asc(riskTags.name));
}
