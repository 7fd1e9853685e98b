import "server-only";
import { eq } from "drizzle-orm";
import { media } from "@/db/schema";
import type { Viewer } from "@/lib/access/rule";
import { db } from "@/lib/db";
import { config } from "@/lib/env";
import { authorizeStaff } from "@/lib/staff/authz";
import { imageBucket, type ImageBucket } from "./bucket";
import { processImage, UnreadableImage } from "./image";

export interface StoredImage {
  src: string;
  width: number;
  height: number;
}

export const mediaPath = (id: string) => `/media/${id}`;

const globalForBucket = globalThis as unknown as { esmImageBucket?: ImageBucket | null };

/** The configured S3-compatible bucket, or null: the bytes stay in the database. */
function bucket(): ImageBucket | null {
  if (globalForBucket.esmImageBucket === undefined) {
    const settings = config().mediaBucket;
    globalForBucket.esmImageBucket = settings ? imageBucket(settings) : null;
  }
  return globalForBucket.esmImageBucket;
}

/**
 * Staff only: the image resized and stored where every instance serves it from: the database, or
 * the S3-compatible bucket when one is configured (then the row keeps only what the image is).
 */
export async function storeImage(viewer: Viewer, upload: File): Promise<StoredImage | { ok: false; error: string }> {
  const actor = await authorizeStaff(viewer);
  let image;
  try {
    image = await processImage(Buffer.from(await upload.arrayBuffer()));
  } catch (err) {
    if (err instanceof UnreadableImage) return { ok: false, error: err.message };
    throw err;
  }
  const store = bucket();
  // The bytes first: a row never names an image the bucket lacks.
  if (store) await store.put(image.id, image.contentType, image.bytes);
  const d = await db();
  // The same bytes are the same image: a second upload of it keeps the first row.
  await d
    .insert(media)
    .values({
      id: image.id,
      contentType: image.contentType,
      width: image.width,
      height: image.height,
      bytes: store ? null : image.bytes,
      uploadedBy: actor.userId,
    })
    .onConflictDoNothing();
  return { src: mediaPath(image.id), width: image.width, height: image.height };
}

const MEDIA_ID = /^[0-9a-f]{64}$/;

/** An image by id for /media/<id>; anyone may fetch one (it appears in public teasers and mails). */
export async function readImage(id: string): Promise<{ contentType: string; bytes: Buffer } | null> {
  if (!MEDIA_ID.test(id)) return null;
  const d = await db();
  const [row] = await d.select({ contentType: media.contentType, bytes: media.bytes }).from(media).where(eq(media.id, id));
  if (!row) return null;
  if (row.bytes) return { contentType: row.contentType, bytes: row.bytes };
  const store = bucket();
  const bytes = store ? await store.get(id) : null;
  return bytes ? { contentType: row.contentType, bytes } : null;
}
