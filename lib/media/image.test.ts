/**
 * Image uploads: the caps (zod), real resizing with sharp on real PNGs made here, and the store
 * on PGlite (and PostgreSQL when DATABASE_URL is set): staff only, content-addressed, readable back.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { media, users } from "@/db/schema";
import type { Role, Viewer } from "@/lib/access/rule";
import { AdminAccessDenied } from "@/lib/staff/authz";
import { AltText, ImageUpload, MAX_UPLOAD_BYTES, MAX_WIDTH, processImage, UnreadableImage } from "./image";
import { readImage, storeImage } from "./store";

const png = (width: number, height: number, colour = "#336699") =>
  sharp({ create: { width, height, channels: 3, background: colour } }).png().toBuffer();
const file = (bytes: Buffer | string, type = "image/png", name = "chart.png") => new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name, { type });

describe("an image upload's caps", () => {
  it("refuses an empty file, a file over the cap and a type that is no image", () => {
    expect(ImageUpload.safeParse(file(Buffer.alloc(0))).error?.issues[0]?.message).toMatch(/empty/);
    expect(ImageUpload.safeParse(file(Buffer.alloc(MAX_UPLOAD_BYTES + 1))).error?.issues[0]?.message).toMatch(/too large/);
    expect(ImageUpload.safeParse(file("<svg onload=alert(1)>", "image/svg+xml", "x.svg")).error?.issues[0]?.message).toMatch(/PNG, JPEG/);
    expect(ImageUpload.safeParse("not a file").error?.issues[0]?.message).toMatch(/Choose an image/);
  });

  it("requires alt text", () => {
    expect(AltText.safeParse("   ").success).toBe(false);
    expect(AltText.safeParse(undefined).success).toBe(false);
    expect(AltText.parse("  A chart of rates ")).toBe("A chart of rates");
  });
});

describe("resizing", () => {
  it("scales a wide PNG down to the maximum width as WebP, keeping its aspect", async () => {
    const out = await processImage(await png(3200, 800));
    expect(out).toMatchObject({ contentType: "image/webp", width: MAX_WIDTH, height: 400 });
    const meta = await sharp(out.bytes).metadata();
    expect(meta).toMatchObject({ format: "webp", width: MAX_WIDTH, height: 400 });
    expect(out.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it("never enlarges a small image, and names the same bytes the same", async () => {
    const a = await processImage(await png(40, 30));
    expect([a.width, a.height]).toEqual([40, 30]);
    expect((await processImage(await png(40, 30))).id).toBe(a.id);
    expect((await processImage(await png(40, 30, "#ff0000"))).id).not.toBe(a.id);
  });

  it("refuses bytes that are no image, whatever they claim", async () => {
    await expect(processImage(Buffer.from("<script>alert(1)</script>"))).rejects.toBeInstanceOf(UnreadableImage);
  });
});

describe.each(databaseKinds())("the media store on %s", (kind) => {
  const t = useTestDatabase(kind);
  const viewers: Partial<Record<Role, Extract<Viewer, { kind: "member" }>>> = {};
  beforeAll(async () => {
    for (const role of ["reader", "editor"] as const) {
      const email = `${role}-media-${kind}@example.com`;
      const [u] = await t.db.insert(users).values({ email, role }).returning({ id: users.id });
      viewers[role] = { kind: "member", userId: u!.id, email, role, subscriptions: [], grants: [] };
    }
  });

  it("refuses a reader and stores nothing", async () => {
    await expect(storeImage(viewers.reader!, file(await png(10, 10)))).rejects.toBeInstanceOf(AdminAccessDenied);
    expect(await t.db.select({ id: media.id }).from(media)).toHaveLength(0);
  });

  it("stores an editor's image once and serves its bytes back by id", async () => {
    const upload = file(await png(2000, 1000));
    const stored = await storeImage(viewers.editor!, upload);
    if ("ok" in stored) throw new Error(stored.error);
    expect(stored).toMatchObject({ width: MAX_WIDTH, height: 800 });
    expect(stored.src).toMatch(/^\/media\/[0-9a-f]{64}$/);
    const again = await storeImage(viewers.editor!, file(await png(2000, 1000)));
    expect(again).toEqual(stored);
    const id = stored.src.slice("/media/".length);
    const row = await readImage(id);
    expect(row?.contentType).toBe("image/webp");
    expect((await sharp(row!.bytes).metadata()).width).toBe(MAX_WIDTH);
    const [meta] = await t.db.select({ by: media.uploadedBy }).from(media).where(eq(media.id, id));
    expect(meta?.by).toBe(viewers.editor!.userId);
  });

  it("answers an unreadable upload with a message and an unknown or malformed id with nothing", async () => {
    expect(await storeImage(viewers.editor!, file("GIF89a but not really", "image/gif"))).toEqual({ ok: false, error: "The file is not an image we can read." });
    expect(await readImage("0".repeat(64))).toBeNull();
    expect(await readImage("../../etc/passwd")).toBeNull();
  });
});
