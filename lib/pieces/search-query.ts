import { z } from "zod";

/** The longest query we run: longer is refused, never cut (a cut query would search for something else). */
export const SEARCH_MAX_LENGTH = 200;
export const SEARCH_MAX_PAGE = 100;
export const SEARCH_PAGE_SIZE = 10;

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** /search's query string: `q` (empty means no search yet) and `page`. */
export const searchParamsSchema = z.object({
  q: z.preprocess(
    firstValue,
    z
      .string()
      .trim()
      .max(SEARCH_MAX_LENGTH, `Search for ${SEARCH_MAX_LENGTH} characters at most.`)
      .default(""),
  ),
  page: z.preprocess(
    firstValue,
    z.coerce
      .number({ error: "The page must be a number." })
      .int("The page must be a whole number.")
      .min(1, "Pages start at 1.")
      .max(SEARCH_MAX_PAGE, `Results go up to page ${SEARCH_MAX_PAGE}.`)
      .default(1),
  ),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;

export type ParsedSearch = { ok: true; params: SearchParams } | { ok: false; q: string; error: string };

export function parseSearchParams(raw: Record<string, string | string[] | undefined>): ParsedSearch {
  const parsed = searchParamsSchema.safeParse(raw);
  if (parsed.success) return { ok: true, params: parsed.data };
  const q = firstValue(raw.q);
  return { ok: false, q: typeof q === "string" ? q.slice(0, SEARCH_MAX_LENGTH) : "", error: parsed.error.issues[0]?.message ?? "Invalid search." };
}

/** The link to a page of results. */
export const searchHref = (q: string, page = 1): string =>
  `/search?${new URLSearchParams(page > 1 ? { q, page: String(page) } : { q }).toString()}`;
