import "server-only";
import { and, eq, gt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db";
import { sessions, users } from "@/db/schema";
import { ANONYMOUS, type Viewer } from "@/lib/access/rule";
import { renewedExpiry } from "./session-age";

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

/** Facts the access rule needs about one user. */
export async function viewerForUser(userId: string): Promise<Viewer> {
  const rows = await (await db()).select(viewerColumns).from(users).where(eq(users.id, userId)).limit(1);
  return toViewer(rows[0]);
}

/**
 * The viewer behind an Auth.js database session token (the session cookie's value) in one query:
 * the session must exist and be unexpired at `now`, as Auth.js's own check requires. Like Auth.js,
 * a visit more than a day after the last renewal pushes the session's end back (a second statement,
 * at most once a day per session).
 */
export async function viewerForSessionToken(token: string, now = new Date()): Promise<Viewer> {
  return (await viewerForSessionTokenWith(token, () => ({}), now)).viewer;
}

/**
 * The same, with `extra` expressions of the signed-in user (given the users.id column) computed in
 * the same statement: a page's facts about its reader and about itself in one round trip. `extra`
 * is null when there is no such session.
 */
export async function viewerForSessionTokenWith<E extends Record<string, SQL<unknown>>>(
  token: string,
  extra: (userId: typeof users.id) => E,
  now = new Date(),
): Promise<{ viewer: Viewer; extra: { [K in keyof E]: unknown } | null }> {
  const d = await db();
  const rows = await d
    .select({ ...viewerColumns, expires: sessions.expires, extra: sql<unknown>`json_build_object(${sql.join(
      Object.entries(extra(users.id)).map(([name, expr]) => sql`${name}::text, ${expr}`),
      sql`, `,
    )})` })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, token), gt(sessions.expires, now)))
    .limit(1);
  const row = rows[0];
  const renewed = row && renewedExpiry(row.expires, now);
  if (row && renewed) await d.update(sessions).set({ expires: renewed }).where(and(eq(sessions.sessionToken, token), eq(sessions.expires, row.expires)));
  const json = row ? (typeof row.extra === "string" ? (JSON.parse(row.extra) as unknown) : row.extra) : null;
  return { viewer: toViewer(row), extra: (json ?? null) as { [K in keyof E]: unknown } | null };
}
