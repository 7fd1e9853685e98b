import { currentSessionToken } from "@/lib/auth/viewer";
import { readerEditionForSession } from "@/lib/pieces/reader-edition";
import { isSlug } from "@/lib/publishing/slug";

export const dynamic = "force-dynamic";

const PRIVATE = { "cache-control": "private, no-store" };

/** The viewer's part of /p/<slug> (components/site/reader-edition.tsx). Never cached. */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  if (!isSlug(slug)) return Response.json({ error: "No such piece." }, { status: 404, headers: PRIVATE });
  const edition = await readerEditionForSession(slug, await currentSessionToken());
  if (!edition) return Response.json({ error: "No such piece." }, { status: 404, headers: PRIVATE });
  return Response.json(edition, { headers: PRIVATE });
}
