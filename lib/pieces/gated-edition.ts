import "server-only";
import { eq, sql } from "drizzle-orm";
import { pieces } from "@/db/schema";
import { db } from "@/lib/db";
import type { AccessProof } from "@/lib/access/rule";
import type { FullAssessment } from "@/lib/risk/types";
import { renderMarkdown } from "./markdown";
import { AssessmentWire } from "./reader-edition-wire";

export interface GatedEdition {
  analysisHtml: string;
  assessment: FullAssessment | null;
}

/**
 * Everything gated of one piece in one round trip: the stored analysis HTML and the whole risk
 * assessment (the same rows, in the same order, as risk.ts `readAssessment`), for a reader's page.
 * Only callable with the proof the access rule hands out.
 */
export async function readGatedEdition(proof: AccessProof): Promise<GatedEdition> {
  const d = await db();
  const [row] = await d
    .select({ html: pieces.analysisHtml, analysis: pieces.analysis, assessment: sql<unknown>`(
      select json_build_object(
        'pieceId', a.piece_id, 'level', a.level, 'horizon', a.horizon,
        'vectors', coalesce((
          select json_agg(json_build_object('slug', rv.slug, 'name', rv.name, 'likelihood', av.likelihood, 'impact', av.impact,
                                            'direction', av.direction, 'rationale', av.rationale) order by av.position)
          from assessment_vectors av join risk_vectors rv on rv.slug = av.vector where av.piece_id = a.piece_id), '[]'::json),
        'exposures', coalesce((
          select json_agg(json_build_object('id', t.id, 'kind', t.kind, 'slug', t.slug, 'name', t.name) order by t.kind, t.name)
          from assessment_exposures e join risk_tags t on t.id = e.tag_id where e.piece_id = a.piece_id), '[]'::json),
        'signals', coalesce((
          select json_agg(json_build_object('id', s.id, 'statement', s.statement, 'indicator', s.indicator, 'status', s.status,
            'statusAt', s.status_at,
            'changes', coalesce((
              select json_agg(json_build_object('status', c.status, 'note', c.note, 'at', c.at) order by c.at desc)
              from signal_changes c where c.signal_id = s.id), '[]'::json)) order by s.position)
          from assessment_signals s where s.piece_id = a.piece_id), '[]'::json))
      from piece_assessments a where a.piece_id = ${pieces.id})` })
    .from(pieces)
    .where(eq(pieces.id, proof.pieceId))
    .limit(1);
  if (!row) throw new Error(`piece ${proof.pieceId} vanished`);
  const raw = typeof row.assessment === "string" ? (JSON.parse(row.assessment) as unknown) : row.assessment;
  return {
    // A row saved before the column and not yet backfilled: render as before.
    analysisHtml: row.html ?? renderMarkdown(row.analysis),
    assessment: raw === null || raw === undefined ? null : AssessmentWire.parse(raw),
  };
}
