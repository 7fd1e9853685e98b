import { latestPiecesExcept } from "@/lib/pieces/queries";
import { toMoreItem } from "@/lib/pieces/more-item";
import { MORE_COUNT } from "@/lib/site";

export const dynamic = "force-dynamic";

/** The latest pieces' public facts for the 404 page's list (components/site/latest-analysis.tsx). */
export async function GET(): Promise<Response> {
  const pieces = (await latestPiecesExcept(null, MORE_COUNT)).map(toMoreItem);
  return Response.json({ pieces }, { headers: { "cache-control": "public, max-age=0, s-maxage=5" } });
}
