import "server-only";
import { eq, getTableColumns } from "drizzle-orm";
import { pieces, type Piece } from "@/db/schema";
import { decideAccess, type AccessPolicy, type Viewer } from "@/lib/access/rule";
import { db } from "@/lib/db";
import { readAnalysis } from "./queries";

// The search vectors go too: the analysis one holds its words, and neither is piece data.
const {
  analysis: _gated,
  analysisHtml: _gatedHtml,
  searchAnalysis: _gatedWords,
  searchPublic: _publicWords,
  ...ungatedColumns
} = getTableColumns(pieces);
type UngatedPiece = Omit<Piece, "analysis" | "analysisHtml" | "searchAnalysis" | "searchPublic">;

/** Every column but the gated analysis: what staff lists and the publishing code may read freely. */
export async function readPieceWithoutAnalysis(id: string): Promise<UngatedPiece | null> {
  const [row] = await (await db()).select(ungatedColumns).from(pieces).where(eq(pieces.id, id));
  return row ?? null;
}

/** The whole piece for its editor: the analysis only with the access rule's proof (staff read everything). */
export async function readPieceForEditing(viewer: Viewer, id: string, policy: AccessPolicy): Promise<UngatedPiece & Pick<Piece, "analysis"> | null> {
  const piece = await readPieceWithoutAnalysis(id);
  if (!piece) return null;
  const decision = decideAccess(viewer, piece, policy);
  if (!decision.allowed) return null;
  return { ...piece, analysis: await readAnalysis(decision.proof) };
}
