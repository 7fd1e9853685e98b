import { SESSION_HINT_COOKIE } from "@/lib/auth/cookie-names";
import { ReaderEditionWire, readerEditionPath } from "@/lib/pieces/reader-edition-wire";

const ANONYMOUS: ReaderEditionWire = { category: "anonymous" };
const PIECE_PATH = /^\/p\/([^/]+)\/?$/;

async function ask(url: string): Promise<ReaderEditionWire | null> {
  try {
    const res = await fetch(url, { cache: "no-store", credentials: "same-origin" });
    if (!res.ok) return null;
    const parsed = ReaderEditionWire.safeParse(await res.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// One request per page for every island on it (masthead, aside, notices, the piece's edition).
let latest: { path: string; answer: Promise<ReaderEditionWire> } | null = null;

const hasSessionHint = (): boolean => document.cookie.split(/;\s*/).some((c) => c.startsWith(`${SESSION_HINT_COOKIE}=`));

/** The session is gone (signed out, expired): the hint goes too, so later pages ask nothing. */
function dropStaleHint(answer: ReaderEditionWire): ReaderEditionWire {
  if (answer.category === "anonymous") document.cookie = `${SESSION_HINT_COOKIE}=; path=/; max-age=0; samesite=lax`;
  return answer;
}

/**
 * What the current viewer is shown on `path`, asked once per page path: on a piece page its
 * edition for this viewer (/api/read/<slug>), elsewhere only the viewer's category (/api/viewer).
 * Without the session hint the viewer is anonymous and the cached page already theirs: nothing is asked.
 */
export function viewerAnswerFor(path: string): Promise<ReaderEditionWire> {
  if (!hasSessionHint()) return Promise.resolve(ANONYMOUS);
  if (latest?.path !== path) {
    const piece = PIECE_PATH.exec(path)?.[1];
    const answer = (piece ? ask(readerEditionPath(decodeURIComponent(piece))) : Promise.resolve(null))
      .then((found) => found ?? ask("/api/viewer"))
      .then((found) => (found ? dropStaleHint(found) : ANONYMOUS));
    latest = { path, answer };
  }
  return latest.answer;
}

/** After a change of what the viewer is shown (a follow), the next ask goes to the server again. */
export function forgetViewerAnswer(): void {
  latest = null;
}
