/**
 * Uploaded images in an S3-compatible bucket (S3_BUCKET …): the real AWS SDK against the local
 * stand-in, which checks every request's Signature V4. The row keeps what the image is; the bytes
 * live only in the bucket, and /media/<id> reads them back from there.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { media, users } from "@/db/schema";
import type { Viewer } from "@/lib/access/rule";
import { startS3Standin, type S3Standin } from "@/standins/s3/server";
import { imageBucket } from "./bucket";
import { readImage, storeImage } from "./store";

const KEYS = { accessKeyId: "AKIASTANDIN", secretAccessKey: "standin-secret" };
const globals = globalThis as unknown as { esmConfig?: unknown; esmImageBucket?: unknown };

let s3: S3Standin;
beforeAll(async () => {
  s3 = await startS3Standin(KEYS);
});
afterAll(() => s3.stop());

function useBucket(secret = KEYS.secretAccessKey): void {
  Object.assign(process.env, { S3_BUCKET: "esm-media", S3_ENDPOINT: s3.url, S3_ACCESS_KEY_ID: KEYS.accessKeyId, S3_SECRET_ACCESS_KEY: secret });
  globals.esmConfig = undefined;
  globals.esmImageBucket = undefined;
}
afterEach(() => {
  for (const name of ["S3_BUCKET", "S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]) delete process.env[name];
  globals.esmConfig = undefined;
  globals.esmImageBucket = undefined;
});

const png = (colour: string) => sharp({ create: { width: 64, height: 48, channels: 3, background: colour } }).png().toBuffer();
const file = (bytes: Buffer) => new File([new Uint8Array(bytes)], "chart.png", { type: "image/png" });

describe("the S3 stand-in", () => {
  it("keeps and returns an object through the real SDK, and answers a missing key with nothing", async () => {
    const bucket = imageBucket({ bucket: "b", region: "us-east-1", endpoint: s3.url, ...KEYS });
    await bucket.put("a".repeat(64), "image/webp", Buffer.from("bytes"));
    expect((await bucket.get("a".repeat(64)))?.toString()).toBe("bytes");
    expect(await bucket.get("b".repeat(64))).toBeNull();
  });

  it("refuses a wrong secret and an unsigned request", async () => {
    const wrong = imageBucket({ bucket: "b", region: "us-east-1", endpoint: s3.url, ...KEYS, secretAccessKey: "not-it" });
    await expect(wrong.put("c".repeat(64), "image/webp", Buffer.from("x"))).rejects.toThrow(/signature/i);
    expect(s3.objects.has(`b/media/${"c".repeat(64)}`)).toBe(false);
    expect((await fetch(`${s3.url}/b/media/${"a".repeat(64)}`)).status).toBe(403);
  });
});

describe.each(databaseKinds())("the media store with a bucket on %s", (kind) => {
  const t = useTestDatabase(kind);
  let editor: Extract<Viewer, { kind: "member" }>;
  beforeAll(async () => {
    const email = `editor-bucket-${kind}@example.com`;
    const [u] = await t.db.insert(users).values({ email, role: "editor" }).returning({ id: users.id });
    editor = { kind: "member", userId: u!.id, email, role: "editor", subscriptions: [], grants: [] };
  });

  it("puts the bytes in the bucket, not the row, and serves them back from there", async () => {
    useBucket();
    const stored = await storeImage(editor, file(await png("#224466")));
    if ("ok" in stored) throw new Error(stored.error);
    const id = stored.src.slice("/media/".length);
    const [row] = await t.db.select({ bytes: media.bytes, type: media.contentType }).from(media).where(eq(media.id, id));
    expect(row).toEqual({ bytes: null, type: "image/webp" });
    const object = s3.objects.get(`esm-media/media/${id}`);
    expect(object?.contentType).toBe("image/webp");
    expect(object?.cacheControl).toBe("public, max-age=31536000, immutable");
    const served = await readImage(id);
    expect(served?.bytes.equals(object!.body)).toBe(true);
    expect((await sharp(served!.bytes).metadata()).format).toBe("webp");
  });

  it("stores no row when the bucket refuses the bytes", async () => {
    useBucket("wrong-secret");
    const rows = async () => (await t.db.select({ id: media.id }).from(media)).length;
    const before = await rows();
    await expect(storeImage(editor, file(await png("#aa0000")))).rejects.toThrow();
    expect(await rows()).toBe(before);
  });

  it("keeps serving images stored in the database before a bucket was configured", async () => {
    const stored = await storeImage(editor, file(await png("#00aa00")));
    if ("ok" in stored) throw new Error(stored.error);
    useBucket();
    const id = stored.src.slice("/media/".length);
    expect(s3.objects.has(`esm-media/media/${id}`)).toBe(false);
    expect((await readImage(id))?.contentType).toBe("image/webp");
  });
});
