import { sql, type SQL } from "drizzle-orm";
import { assessmentExposures, assessmentVectors, follows } from "@/db/schema-risk";

/**
 * Whether the `follows` row in scope points at this piece, one of its vectors or one of its exposed
 * tags. The exposures are gated: they are only matched against here, in the database, never read out.
 */
export function followMatchesPieceSql(pieceId: string): SQL<boolean> {
  return sql<boolean>`(
    (${follows.kind} = 'piece' and ${follows.target} = ${pieceId})
    or (${follows.kind} = 'vector' and ${follows.target} in (select ${assessmentVectors.vector} from ${assessmentVectors} where ${assessmentVectors.pieceId} = ${pieceId}))
    or (${follows.kind} = 'tag' and ${follows.target} in (select ${assessmentExposures.tagId} from ${assessmentExposures} where ${assessmentExposures.pieceId} = ${pieceId}))
  )`;
}
