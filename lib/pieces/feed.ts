import "server-only";
import { Feed } from "feed";
import { siteConfig } from "@/lib/env";
import { renderMarkdown } from "./markdown";
import { listPublished } from "@/lib/pieces/queries";
import { absoluteUrl, pieceHref } from "@/lib/site";

/** RSS 2.0 of the latest pieces: teasers only, never the analysis. */
export async function buildFeed(): Promise<string> {
  const site = siteConfig();
  const { items } = await listPublished({ page: 1, pageSize: 30 });
  const feed = new Feed({
    title: site.name,
    description: site.tagline,
    id: site.appUrl,
    link: site.appUrl,
    language: "en",
    copyright: `© ${site.name}`,
    updated: items[0]?.publishedAt ?? new Date(0),
    feedLinks: { rss: absoluteUrl("/feed.xml") },
  });
  for (const p of items) {
    const url = absoluteUrl(pieceHref(p.slug));
    const teaser = renderMarkdown(p.teaser, "teaser");
    feed.addItem({
      title: p.headline,
      id: url,
      link: url,
      // Readers render an item description as HTML: give them the sanitized teaser, never decoded text.
      description: teaser,
      // content:encoded (the same teaser) makes the feed package declare the Dublin Core namespace,
      // which dc:creator needs: RSS 2.0's own <author> must be an email address, and we publish none.
      content: teaser,
      date: p.publishedAt,
      category: [{ name: p.category }],
      ...(p.authorName ? { extensions: [{ name: "dc:creator", objects: { _text: p.authorName } }] } : {}),
    });
  }
  return feed.rss2();
}
