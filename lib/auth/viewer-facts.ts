import "server-only";
import { and, eq, gt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db";
import { sessions, users } from "@/db/schema";
import { ANONYMOUS, type Viewer } from "@/lib/access/rule";

// The facts the access rule needs come back with the user row as JSON arrays: one round trip.
// Written out in full ("users"."id"): see lib/access/sql.ts on unqualified columns in subqueries.
const subscriptionFacts = sql`coalesce((select json_agg(json_build_object(
    'status', s.status, 'currentPeriodEnd', s.current_period_end,
    'cancelAtPeriodEnd', s.cancel_at_period_end, 'pastDueSince', s.past_due_since))
  from subscriptions s where s.user_id = "users"."id"), '[]'::json)`;
const grantFacts = sql`coalesce((select json_agg(json_build_object('expiresAt', g.expires_at, 'revokedAt', g.revoked_at))
  from complimentary_grants g where g.user_id = "users"."id"), '[]'::json)`;

const instant = z.string().nullable().transform((v) => (v === null ? null : new Date(v)));
const factsSchema = z.object({
  subscriptions: z.array(
    z.object({ status: z.string(), currentPeriodEnd: instant, cancelAtPeriodEnd: z.boolean(), pastDueSince: instant }),
  ),
  grants: z.array(z.object({ expiresAt: instant, revokedAt: instant })),
});

const viewerColumns = { id: users.id, email: users.email, role: users.role, subscriptions: sql<unknown>`${subscriptionFacts}`, grants: sql<unknown>`${grantFacts}` };

function toViewer(row: { id: string; email: string; role: "reader" | "editor" | "admin"; subscriptions: unknown; grants: unknown } | undefined): Viewer {
  if (!row) return ANONYMOUS;
  const facts = factsSchema.parse({ subscriptions: row.subscriptions, grants: row.grants });
  return { kind: "member", userId: row.id, email: row.email, role: row.role, ...facts };
}

async function viewerWhere(where: SQL | undefined, joinSessions: boolean): Promise<Viewer> {
  const d = await db();
  const rows = joinSessions
    ? await d.select(viewerColumns).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(where).limit(1)
    : await d.select(viewerColumns).from(users).where(where).limit(1);
  return toViewer(rows[0]);
}

/** Facts the access rule needs about one user. */
export function viewerForUser(userId: string): Promise<Viewer> {
  return viewerWhere(eq(users.id, userId), false);
}

/**
 * The viewer behind an Auth.js database session token (the session cookie's value) in one query:
 * the session must exist and be unexpired at `now`, as Auth.js's own check requires.
 */
export function viewerForSessionToken(token: string, now = new Date()): Promise<Viewer> {
  return viewerWhere(and(eq(sessions.sessionToken, token), gt(sessions.expires, now)), true);
}
