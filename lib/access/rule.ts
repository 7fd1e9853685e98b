/**
 * THE rule of who may read what. Pure: no I/O. Everything that shows the full
 * analysis needs an AccessProof, and only `decideAccess` can make one.
 */
export type Visibility = "public" | "members" | "paid";
export type Role = "reader" | "editor" | "admin";

/** The roles that make someone staff: they read everything and may enter /admin. */
export const STAFF_ROLES = ["editor", "admin"] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

/** Stripe statuses that entitle their owner until a cancellation at period end takes effect. */
export const ENTITLED_STATUSES = ["active", "trialing"] as const;
/** The Stripe status that still entitles for the policy's payment grace period. */
export const GRACE_STATUS = "past_due";
/** The Stripe status of a subscription that has ended. */
export const CANCELED_STATUS = "canceled";

/** Which counting subscription makes a member what, first match wins (after staff). */
export const STANDING_BY_STATUS = [
  { subscription: "active", standing: "paying" },
  { subscription: "trialing", standing: "trialing" },
  { subscription: GRACE_STATUS, standing: "past_due" },
] as const satisfies readonly { subscription: string; standing: MembershipStatus }[];

export interface SubscriptionFacts {
  status: string;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  pastDueSince: Date | null;
}

export interface GrantFacts {
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export type Viewer =
  | { kind: "anonymous" }
  | {
      kind: "member";
      userId: string;
      email: string;
      role: Role;
      subscriptions: SubscriptionFacts[];
      grants: GrantFacts[];
    };

export const ANONYMOUS: Viewer = { kind: "anonymous" };

declare const proofBrand: unique symbol;
/** Evidence that the access rule allowed `viewer` to read piece `pieceId` in full. */
export type AccessProof = { readonly pieceId: string; readonly [proofBrand]: true };

export type AccessDecision =
  | { allowed: true; proof: AccessProof }
  | { allowed: false; reason: "sign-in" | "subscribe" };

export interface AccessPolicy {
  now: Date;
  paymentGraceDays: number;
}

const DAY_MS = 86_400_000;

/** The grace period in milliseconds: whole 24-hour days, never calendar days. */
export function gracePeriodMs(policy: AccessPolicy): number {
  return policy.paymentGraceDays * DAY_MS;
}

/** When a payment grace period that starts at `since` runs out. */
export function graceEndsAt(since: Date, policy: AccessPolicy): Date {
  return new Date(since.getTime() + gracePeriodMs(policy));
}

export function isStaff(viewer: Viewer): boolean {
  return viewer.kind === "member" && isStaffRole(viewer.role);
}

function isEntitledStatus(status: string): boolean {
  return (ENTITLED_STATUSES as readonly string[]).includes(status);
}

/** When a mirrored Stripe subscription still entitles its owner to paid pieces. */
export function subscriptionCounts(sub: SubscriptionFacts, policy: AccessPolicy): boolean {
  const now = policy.now.getTime();
  const periodOver = sub.currentPeriodEnd !== null && sub.currentPeriodEnd.getTime() <= now;
  if (isEntitledStatus(sub.status)) return !(sub.cancelAtPeriodEnd && periodOver);
  if (sub.status !== GRACE_STATUS) return false;
  const since = sub.pastDueSince ?? sub.currentPeriodEnd;
  return since !== null && now < graceEndsAt(since, policy).getTime();
}

export function grantCounts(grant: GrantFacts, policy: AccessPolicy): boolean {
  if (grant.revokedAt && grant.revokedAt.getTime() <= policy.now.getTime()) return false;
  return grant.expiresAt === null || grant.expiresAt.getTime() > policy.now.getTime();
}

export function hasPaidAccess(viewer: Viewer, policy: AccessPolicy): boolean {
  if (viewer.kind !== "member") return false;
  if (isStaff(viewer)) return true;
  return (
    viewer.subscriptions.some((s) => subscriptionCounts(s, policy)) ||
    viewer.grants.some((g) => grantCounts(g, policy))
  );
}

export function decideAccess(
  viewer: Viewer,
  piece: { id: string; visibility: Visibility },
  policy: AccessPolicy,
): AccessDecision {
  const allow = (): AccessDecision => ({ allowed: true, proof: { pieceId: piece.id } as AccessProof });
  switch (piece.visibility) {
    case "public":
      return allow();
    case "members":
      return viewer.kind === "member" ? allow() : { allowed: false, reason: "sign-in" };
    case "paid":
      return hasPaidAccess(viewer, policy) ? allow() : { allowed: false, reason: "subscribe" };
  }
}

export type MembershipStatus = "anonymous" | "free" | "paying" | "trialing" | "past_due" | "complimentary" | "staff";

/** What the account page and the mail planner call a reader. */
export function membershipStatus(viewer: Viewer, policy: AccessPolicy): MembershipStatus {
  if (viewer.kind === "anonymous") return "anonymous";
  if (isStaff(viewer)) return "staff";
  const counting = viewer.subscriptions.filter((s) => subscriptionCounts(s, policy));
  for (const { subscription, standing } of STANDING_BY_STATUS) {
    if (counting.some((s) => s.status === subscription)) return standing;
  }
  if (viewer.grants.some((g) => grantCounts(g, policy))) return "complimentary";
  return "free";
}

/**
 * "Canceled" on the subscriber list: has a canceled Stripe subscription and none that counts
 * (whatever else they have, e.g. a complimentary grant). A staff-area view, not an access rule.
 */
export function isLapsed(subs: readonly SubscriptionFacts[], policy: AccessPolicy): boolean {
  return subs.some((s) => s.status === CANCELED_STATUS) && !subs.some((s) => subscriptionCounts(s, policy));
}

/**
 * What the site offers a viewer (masthead, calls to action): anonymous → sign in or join; free →
 * subscribe; subscriber (paying, trialing, complimentary, staff) → their account; past_due → fix the
 * payment. A member whose only subscription is past due (within grace or beyond it) is past_due.
 */
export type ViewerCategory = "anonymous" | "free" | "subscriber" | "past_due";

export function viewerCategory(viewer: Viewer, policy: AccessPolicy): ViewerCategory {
  const status = membershipStatus(viewer, policy);
  switch (status) {
    case "anonymous":
      return "anonymous";
    case "past_due":
      return "past_due";
    case "free":
      return viewer.kind === "member" && viewer.subscriptions.some((s) => s.status === GRACE_STATUS) ? "past_due" : "free";
    case "paying":
    case "trialing":
    case "complimentary":
    case "staff":
      return "subscriber";
  }
}
