import type { PieceTeaser } from "./queries";

/** What a "more analysis" link shows of a piece: public facts only. */
export type MoreItem = Pick<PieceTeaser, "id" | "slug" | "category" | "headline" | "publishedAt">;

export const toMoreItem = (p: PieceTeaser): MoreItem => ({ id: p.id, slug: p.slug, category: p.category, headline: p.headline, publishedAt: p.publishedAt });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** The items of /api/latest's answer; anything malformed is left out. */
export function parseMoreItems(body: unknown): MoreItem[] {
  const list = isRecord(body) && Array.isArray(body.pieces) ? body.pieces : [];
  return list.flatMap((p: unknown): MoreItem[] => {
    if (!isRecord(p)) return [];
    const { id, slug, category, headline, publishedAt } = p;
    if (typeof id !== "string" || typeof slug !== "string" || typeof category !== "string" || typeof headline !== "string" || typeof publishedAt !== "string") return [];
    const at = new Date(publishedAt);
    return Number.isNaN(at.getTime()) ? [] : [{ id, slug, category, headline, publishedAt: at }];
  });
}
