import { and, asc, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { alertPreferences, follows } from "@/db/schema-risk";
import { followMatchesPieceSql } from "@/lib/pieces/follow-targets";
import { notSuppressed, type AudiencePage } from "./audience";

/**
 * Who gets a signal alert about a piece: every reader who follows the piece, one of its vectors
 * or one of its exposed sectors, regions or organisations, has not turned alerts off (no
 * preference row = on), and whose address is not suppressed. Each reader once, however many
 * of their follows match.
 */
export function alertAudiencePage(pieceId: string): AudiencePage {
  const followsThePiece = sql`exists (select 1 from ${follows} where ${follows.userId} = ${users.id} and ${followMatchesPieceSql(pieceId)})`;
  const wanted = or(isNull(alertPreferences.alerts), eq(alertPreferences.alerts, true));
  return (d: Db, afterUserId, pageSize) =>
    d
      .select({ id: users.id, email: users.email, role: users.role })
      .from(users)
      .leftJoin(alertPreferences, eq(alertPreferences.userId, users.id))
      .where(and(followsThePiece, wanted, notSuppressed(), afterUserId === null ? undefined : gt(users.id, afterUserId)))
      .orderBy(asc(users.id))
      .limit(pageSize);
}
