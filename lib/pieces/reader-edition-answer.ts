import "server-only";
import { sessionTokenOfCookieHeader } from "@/lib/auth/session-cookie";
import type { FrontRoute } from "@/lib/http/front-routes.mjs";
import { SITE_HEADERS } from "@/lib/http/site-headers";
import { isSlug } from "@/lib/publishing/slug";
import { readerEditionForSession } from "./reader-edition";
import type { ReaderEditionWire } from "./reader-edition-wire";

/** Never cached anywhere: the answer depends on the session cookie. */
export const READER_EDITION_HEADERS = { "cache-control": "private, no-store" } as const;

export interface ReaderEditionAnswer {
  status: 200 | 404;
  body: ReaderEditionWire | { error: string };
}

const NO_SUCH_PIECE: ReaderEditionAnswer = { status: 404, body: { error: "No such piece." } };

/** What GET /api/read/<slug> answers the holder of a session token (or nobody). */
export async function readerEditionAnswer(slug: string, token: string | undefined): Promise<ReaderEditionAnswer> {
  if (!isSlug(slug)) return NO_SUCH_PIECE;
  const edition = await readerEditionForSession(slug, token);
  return edition ? { status: 200, body: edition } : NO_SUCH_PIECE;
}

/**
 * The same answer from npm start's front (scripts/serve.mjs), before Next's router: the island's
 * request is the one request of a signed-in reader's page view that cannot be cached, and Next's
 * per-request work costs more than the query (issue 10's bench). app/api/read/[slug]/route.ts
 * answers it wherever there is no front.
 */
export const readerEditionFrontRoute: FrontRoute = async (rest, cookieHeader) => {
  const answer = await readerEditionAnswer(rest, sessionTokenOfCookieHeader(cookieHeader));
  return {
    status: answer.status,
    headers: { ...SITE_HEADERS, ...READER_EDITION_HEADERS, "content-type": "application/json" },
    body: JSON.stringify(answer.body),
  };
};
