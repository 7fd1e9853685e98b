import { readImage } from "@/lib/media/store";

export const dynamic = "force-dynamic";

/** An uploaded image by its content hash: the bytes never change, so any cache may keep them for good. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const image = await readImage((await ctx.params).id);
  if (!image) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  return new Response(new Uint8Array(image.bytes), {
    headers: {
      "content-type": image.contentType,
      "content-length": String(image.bytes.length),
      "cache-control": "public, max-age=31536000, immutable",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
