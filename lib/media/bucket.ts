import "server-only";
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { MediaBucket } from "@/lib/env";

/** An S3-compatible bucket for uploaded images' bytes, keyed `media/<sha256>`. */
export interface ImageBucket {
  put(id: string, contentType: string, bytes: Buffer): Promise<void>;
  get(id: string): Promise<Buffer | null>;
}

const key = (id: string) => `media/${id}`;

export function imageBucket(settings: MediaBucket): ImageBucket {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    // Other S3-compatible services are reached at <endpoint>/<bucket>/<key>.
    forcePathStyle: settings.endpoint !== undefined,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // Checksums only where S3 requires them: several S3-compatible stores refuse the newer trailers.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 3,
  });
  return {
    async put(id, contentType, bytes) {
      await client.send(
        new PutObjectCommand({
          Bucket: settings.bucket,
          Key: key(id),
          Body: bytes,
          ContentType: contentType,
          CacheControl: "public, max-age=31536000, immutable",
        }),
      );
    },
    async get(id) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: settings.bucket, Key: key(id) }));
        return out.Body ? Buffer.from(await out.Body.transformToByteArray()) : null;
      } catch (err) {
        if (err instanceof NoSuchKey) return null;
        throw err;
      }
    },
  };
}
