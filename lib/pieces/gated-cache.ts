import "server-only";
import type { AccessProof } from "@/lib/access/rule";
import { readGatedEdition, type GatedEdition } from "./gated-edition";

/**
 * This process's copies of pieces' gated parts, reached only with the access rule's proof. A copy
 * serves while the piece's row is unchanged (its updated_at, read fresh with each request) and for
 * at most FRESH_MS, so a signal's new status or a renamed vector reaches readers within seconds.
 */
const FRESH_MS = 3_000;
const MAX_PIECES = 200;

interface Copy {
  version: number;
  readAt: number;
  edition: Promise<GatedEdition>;
}

const globalForCopies = globalThis as unknown as { esmGatedCopies?: Map<string, Copy> };
const copies = (globalForCopies.esmGatedCopies ??= new Map());

export function gatedEditionOf(proof: AccessProof, updatedAt: Date, now = Date.now()): Promise<GatedEdition> {
  const version = updatedAt.getTime();
  const held = copies.get(proof.pieceId);
  if (held && held.version === version && now - held.readAt < FRESH_MS) return held.edition;
  const edition = readGatedEdition(proof);
  const copy: Copy = { version, readAt: now, edition };
  copies.delete(proof.pieceId);
  copies.set(proof.pieceId, copy);
  // A failed read is not kept.
  edition.catch(() => {
    if (copies.get(proof.pieceId) === copy) copies.delete(proof.pieceId);
  });
  for (const oldest of copies.keys()) {
    if (copies.size <= MAX_PIECES) break;
    copies.delete(oldest);
  }
  return edition;
}

/** For tests: forget every copy. */
export function forgetGatedCopies(): void {
  copies.clear();
}
