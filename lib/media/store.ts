import "server-only";
import { eq } from "drizzle-orm";
import { media } from "@/db/schema";
import type { Viewer } from "@/lib/access/rule";
import { db } from "@/lib/db";
import { authorizeStaff } from "@/lib/staff/authz";
import { processImage, UnreadableImage } from "./image";

export interface StoredImage {
  src: string;
  width: number;
  height: number;
}

export const mediaPath = (id: string) => `/media/${id}`;

/** Staff only: the image resized and stored in the database, where every instance serves it from. */
export async function storeImage(viewer: Viewer, upload: File): Promise<StoredImage | { ok: false; error: string }> {
  const actor = await authorizeStaff(viewer);
  let image;
  try {
    image = await processImage(Buffer.from(await upload.arrayBuffer()));
  } catch (err) {
    if (err instanceof UnreadableImage) return { ok: false, error: err.message };
    throw err;
  }
  const d = await db();
  // The same bytes are the same image: a second upload of it keeps the first row.
  await d
    .insert(media)
    .values({ id: image.id, contentType: image.contentType, width: image.width, height: image.height, bytes: image.bytes, uploadedBy: actor.userId })
    .onConflictDoNothing();
  return { src: mediaPath(image.id), width: image.width, height: image.height };
}

const MEDIA_ID = /^[0-9a-f]{64}$/;

/** An image by id for /media/<id>; anyone may fetch one (it appears in public teasers and mails). */
export async function readImage(id: string): Promise<{ contentType: string; bytes: Buffer } | null> {
  if (!MEDIA_ID.test(id)) return null;
  const d = await db();
  const [row] = await d.select({ contentType: media.contentType, bytes: media.bytes }).from(media).where(eq(media.id, id));
  return row ?? null;
}
