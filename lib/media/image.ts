import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { z } from "zod";

/** What an upload may be: a photo or chart in a common format, at most 8 MB and 40 megapixels. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
const MAX_INPUT_PIXELS = 40_000_000;
/** Wide enough for the article column at 2× density. */
export const MAX_WIDTH = 1600;
const ACCEPTED = ["image/png", "image/jpeg", "image/webp", "image/gif", "image/avif"] as const;

export const ImageUpload = z
  .instanceof(File, { error: "Choose an image file." })
  .refine((f) => f.size > 0, "The file is empty.")
  .refine((f) => f.size <= MAX_UPLOAD_BYTES, `The image is too large (at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB).`)
  .refine((f) => (ACCEPTED as readonly string[]).includes(f.type), "Upload a PNG, JPEG, WebP, GIF or AVIF image.");

export const AltText = z
  .string({ error: "Describe the image for readers who cannot see it." })
  .trim()
  .min(1, "Describe the image for readers who cannot see it.")
  .max(300, "The description is too long (at most 300 characters).");

export interface ProcessedImage {
  id: string;
  contentType: "image/webp";
  width: number;
  height: number;
  bytes: Buffer;
}

export class UnreadableImage extends Error {
  override name = "UnreadableImage";
}

/**
 * Decodes the upload (whatever its name or declared type claims), turns it upright, drops its
 * metadata (EXIF location among it), scales it down to MAX_WIDTH and re-encodes it as WebP.
 */
export async function processImage(input: Buffer): Promise<ProcessedImage> {
  try {
    const { data, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, animated: false })
      .rotate()
      .resize({ width: MAX_WIDTH, withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { id: createHash("sha256").update(data).digest("hex"), contentType: "image/webp", width: info.width, height: info.height, bytes: data };
  } catch (err) {
    throw new UnreadableImage("The file is not an image we can read.", { cause: err });
  }
}
