import { ImageResponse } from "next/og";
import { siteConfig } from "@/lib/env";
import { findPublishedBySlug } from "@/lib/pieces/queries";

export const dynamic = "force-dynamic";

/** Open Graph card for a piece: headline and category only. */
export async function GET(_req: Request, ctx: { params: Promise<{ slug: string }> }): Promise<Response> {
  const piece = await findPublishedBySlug((await ctx.params).slug);
  if (!piece) return new Response("Not found", { status: 404 });
  const site = siteConfig();
  const image = new ImageResponse(
    (
      <div
        style={{
          width: "100%",
          height: "100%",
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          background: "#fbfaf7",
          color: "#1a1a1a",
          padding: "64px 72px",
          borderTop: "16px solid #9b1c1c",
        }}
      >
        <div style={{ display: "flex", fontSize: 28, letterSpacing: 4, textTransform: "uppercase", color: "#9b1c1c" }}>
          {piece.category}
        </div>
        <div style={{ display: "flex", fontSize: piece.headline.length > 90 ? 52 : 62, lineHeight: 1.15, fontWeight: 700 }}>
          {piece.headline}
        </div>
        <div style={{ display: "flex", justifyContent: "space-between", fontSize: 28, color: "#4a4a4a" }}>
          <span>{site.name}</span>
          <span>{site.tagline}</span>
        </div>
      </div>
    ),
    { width: 1200, height: 630 },
  );
  image.headers.set("cache-control", "public, max-age=3600");
  return image;
}
