import { z } from "zod";
import { PieceFields } from "@/lib/publishing/input";

/**
 * What a revision keeps: the editor's own fields (lib/publishing/input.ts) but the risk assessment,
 * the mail audience and the publish time, which belong to publishing rather than to the text.
 * Validated by the editor's schema before it is stored; stored as the strings the editor shows.
 */
export const RevisionFields = PieceFields.omit({ assessment: true, mailAudience: true, publishAt: true });
export type RevisionFieldName = keyof typeof RevisionFields.shape;
export const REVISION_FIELD_NAMES = Object.keys(RevisionFields.shape) as RevisionFieldName[];

/** A stored snapshot, read back: one string per field. */
export const RevisionSnapshot = z.object(Object.fromEntries(REVISION_FIELD_NAMES.map((n) => [n, z.string()])) as Record<RevisionFieldName, z.ZodString>);
export type Snapshot = z.infer<typeof RevisionSnapshot>;

type Parsed = z.output<typeof RevisionFields>;

/** The validated fields back as the editor's strings (a day for the source's date, "" for nothing). */
export function snapshotOf(v: Parsed): Snapshot {
  const out = {} as Snapshot;
  for (const name of REVISION_FIELD_NAMES) {
    const value: string | Date | null = v[name];
    out[name] = value === null ? "" : value instanceof Date ? value.toISOString().slice(0, 10) : value;
  }
  return out;
}
