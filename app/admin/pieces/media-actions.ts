"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/action";
import type { UploadState } from "@/lib/actions/form-state";
import { AltText, ImageUpload } from "@/lib/media/image";
import { storeImage } from "@/lib/media/store";

/** The rich editor's image button: staff upload one image with its text alternative. */
export const uploadImageAction = formAction(
  {
    guard: "staff",
    from: "/admin/pieces",
    input: z.object({ file: ImageUpload, alt: AltText }),
    audit: ({ alt }, result: UploadState) => ({ action: "media.upload", target: result.image?.src ?? null, detail: { alt } }),
  },
  async ({ file, alt }, { viewer }): Promise<UploadState | { ok: false; error: string }> => {
    const stored = await storeImage(viewer, file);
    if ("ok" in stored) return stored;
    return { ok: true, image: { ...stored, alt } };
  },
);
