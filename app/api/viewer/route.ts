import { currentViewerCategory } from "@/lib/auth/viewer";

export const dynamic = "force-dynamic";

/** The viewer's category for the site's calls to action (components/site/viewer-switch.tsx). Never cached. */
export async function GET(): Promise<Response> {
  return Response.json({ category: await currentViewerCategory() }, { headers: { "cache-control": "private, no-store" } });
}
