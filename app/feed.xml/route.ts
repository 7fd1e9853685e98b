import { buildFeed } from "@/lib/pieces/feed";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return new Response(await buildFeed(), {
    headers: { "content-type": "application/rss+xml; charset=utf-8", "cache-control": "public, max-age=300" },
  });
}
