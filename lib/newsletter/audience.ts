import { and, asc, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailPreferences, suppressions, users, type MailAudience } from "@/db/schema";
import { decideAccess, type AccessPolicy, type Viewer, type Visibility } from "@/lib/access/rule";
import type { Variant } from "./batch-plan";
import { viewersOf, type UserFacts } from "./viewers";

/**
 * Who gets a new piece, and which mail. The audience is every user who has not turned
 * "new pieces" off (no preference row = on) and whose address is not suppressed.
 */
export interface AudienceMember {
  userId: string;
  email: string;
  variant: Variant;
}

/**
 * The variant is the access rule's answer for this reader and this piece: whoever may read it
 * in full on the site gets the full analysis by mail, everyone else the teaser. For a paid
 * piece (the default) that is exactly `hasPaidAccess`: staff, active/trialing, past_due within
 * grace, complimentary.
 */
export function variantFor(viewer: Viewer, piece: { id: string; visibility: Visibility }, policy: AccessPolicy): Variant {
  return decideAccess(viewer, piece, policy).allowed ? "full" : "teaser";
}

/** The address is not on the suppression list (stored lower-cased). */
export const notSuppressed = () => sql`not exists (select 1 from ${suppressions} where ${suppressions.email} = lower(${users.email}))`;

/** One page of the audience in user-id order, after `afterUserId`. */
async function audiencePage(d: Db, afterUserId: string | null, pageSize: number): Promise<UserFacts[]> {
  const wanted = or(isNull(emailPreferences.newPieces), eq(emailPreferences.newPieces, true));
  return d
    .select({ id: users.id, email: users.email, role: users.role })
    .from(users)
    .leftJoin(emailPreferences, eq(emailPreferences.userId, users.id))
    .where(and(wanted, notSuppressed(), afterUserId === null ? undefined : gt(users.id, afterUserId)))
    .orderBy(asc(users.id))
    .limit(pageSize);
}

/** One page of an audience: up to `pageSize` people in user-id order after `afterUserId`. */
export type AudiencePage = (d: Db, afterUserId: string | null, pageSize: number) => Promise<UserFacts[]>;

/** An audience, streamed page by page (memory stays flat however many readers there are), each with the variant the access rule gives. */
export async function* variantPages(
  d: Db,
  page: AudiencePage,
  piece: { id: string; visibility: Visibility },
  policy: AccessPolicy,
  pageSize = 2_000,
): AsyncGenerator<AudienceMember[]> {
  let after: string | null = null;
  for (;;) {
    const people = await page(d, after, pageSize);
    if (people.length === 0) return;
    const viewers = await viewersOf(d, people);
    yield people.map((p) => {
      const viewer = viewers.get(p.id);
      return { userId: p.id, email: p.email, variant: viewer ? variantFor(viewer, piece, policy) : "teaser" };
    });
    if (people.length < pageSize) return;
    after = people[people.length - 1]?.id ?? null;
  }
}

/** A new piece's audience. */
export function audiencePages(d: Db, piece: { id: string; visibility: Visibility }, policy: AccessPolicy, pageSize = 2_000): AsyncGenerator<AudienceMember[]> {
  return variantPages(d, audiencePage, piece, policy, pageSize);
}

export type SendAudience = Exclude<MailAudience, "none">;

/** The members a send to `audience` mails: "paid" keeps only those who get the full piece (no teaser-tier deliveries). */
export function chosenMembers(page: AudienceMember[], audience: SendAudience): AudienceMember[] {
  return audience === "paid" ? page.filter((m) => m.variant === "full") : page;
}

export interface AudienceCounts {
  full: number;
  teaser: number;
}

/**
 * How many readers a send of this piece would mail now, per variant: the same pages and the same
 * filter the freeze uses (lib/newsletter/request.ts), so the confirmation states what is then frozen.
 */
export async function countAudience(
  d: Db,
  piece: { id: string; visibility: Visibility },
  policy: AccessPolicy,
  audience: SendAudience = "everyone",
): Promise<AudienceCounts> {
  const counts: AudienceCounts = { full: 0, teaser: 0 };
  for await (const page of audiencePages(d, piece, policy)) {
    for (const m of chosenMembers(page, audience)) counts[m.variant] += 1;
  }
  return counts;
}
