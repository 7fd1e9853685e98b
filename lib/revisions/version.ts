import { formatTime } from "@/lib/format";

/**
 * A piece's version is its updated time: every write sets it, so an editor that read version V may
 * write only while the piece is still at V (two tabs never silently overwrite each other).
 */
export const versionOf = (updatedAt: Date): string => updatedAt.toISOString();

export const conflictMessage = (updatedAt: Date): string =>
  `Someone else saved this piece at ${formatTime(updatedAt)}; reload to see their version.`;
