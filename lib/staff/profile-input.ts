import { z } from "zod";

/** A staff profile as its form sends it; the photo is an https address or nothing (no upload yet). */
export const ProfileInput = z.object({
  displayName: z.string().trim().min(1, "Display name is required.").max(80, "Display name is too long (at most 80 characters)."),
  bio: z.string().trim().max(500, "Bio is too long (at most 500 characters)."),
  photoUrl: z
    .string()
    .trim()
    .max(500, "Photo address is too long.")
    .refine((v) => v === "" || (URL.canParse(v) && new URL(v).protocol === "https:"), "Photo must be an https:// address, or left empty.")
    .transform((v) => (v === "" ? null : v)),
});
export type ProfileValues = z.output<typeof ProfileInput>;
