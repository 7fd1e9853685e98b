import "server-only";
import { asc } from "drizzle-orm";
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

export async function listVectors(): Promise<VectorOption[]> {
  return (await db()).select({ slug: riskVectors.slug, name: riskVectors.name }).from(riskVectors).orderBy(asc(riskVectors.position), asc(riskVectors.name));
}

export async function listTags(): Promise<TagOption[]> {
  return (await db())
    .select({ id: riskTags.id, kind: riskTags.kind, slug: riskTags.slug, name: riskTags.name })
    .from(riskTags)
    .orderBy(asc(riskTags.kind), asc(riskTags.name));
}
