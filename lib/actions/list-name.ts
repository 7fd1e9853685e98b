import { z } from "zod";
import { slugify } from "@/lib/publishing/slug";

/** The name of an entry in a list the admin keeps (categories, risk terms): it becomes an address too. */
export const listName = (max: number) =>
  z
    .string({ error: "Name is required." })
    .trim()
    .min(2, { error: "Name: at least 2 characters." })
    .max(max, { error: `Name: at most ${max} characters.` })
    .refine((n) => slugify(n).length > 0, { error: "Name: use letters or digits." });
