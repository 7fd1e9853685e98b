import "server-only";
import { and, eq, gt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
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
  return (await sessionViewer(token, now)).viewer;
}

const sessionViewer = sessionViewerStatement("session_viewer", () => ({}));

type Extra = Record<string, SQL<unknown>>;
type Values = Record<string, string | number>;

/**
 * The same, with `extra` expressions of the signed-in user (given the users.id column) computed in
 * the same statement: a page's facts about its reader and about itself in one round trip. The
 * statement (`name`, one per statement) is prepared: parsed and planned once per connection, which
 * cost the database 15 times what running it does. So what varies is a placeholder: `token` and
 * `now` are filled here, any others `extra` uses come as `values` (dates as ISO strings). `extra` is
 * null when there is no such session.
 */
export function sessionViewerStatement<E extends Extra>(name: string, extra: (userId: typeof users.id) => E) {
  const build = (d: Db) =>
    d
      .select({ ...viewerColumns, expires: sessions.expires, extra: sql<unknown>`json_build_object(${sql.join(
        Object.entries(extra(users.id)).map(([name, expr]) => sql`${name}::text, ${expr}`),
        sql`, `,
      )})` })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.sessionToken, sql.placeholder("token")), gt(sessions.expires, sql.placeholder("now"))))
      .limit(1)
      .prepare(name);
  const prepared = new WeakMap<Db, ReturnType<typeof build>>();
  return async (token: string, now: Date, values: Values = {}): Promise<{ viewer: Viewer; extra: { [K in keyof E]: unknown } | null }> => {
    const d = await db();
    let statement = prepared.get(d);
    if (!statement) {
      statement = build(d);
      prepared.set(d, statement);
    }
    // A string, not a Date: the column is a timestamp without time zone holding UTC, as Auth.js writes it.
    const [row] = await statement.execute({ ...values, token, now: now.toISOString() });
    const renewed = row && renewedExpiry(row.expires, now);
    if (row && renewed) await d.update(sessions).set({ expires: renewed }).where(and(eq(sessions.sessionToken, token), eq(sessions.expires, row.expires)));
    const json = row ? (typeof row.extra === "string" ? (JSON.parse(row.extra) as unknown) : row.extra) : null;
    return { viewer: toViewer(row), extra: (json ?? null) as { [K in keyof E]: unknown } | null };
  };
}
