/**
 * THE rule of who may read what. Pure: no I/O. Everything that shows the full
 * analysis needs an AccessProof, and only `decideAccess` can make one.
 */
export type Visibility = "public" | "members" | "paid";
export type Role = "reader" | "editor" | "admin";

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

export function isStaff(viewer: Viewer): boolean {
  return viewer.kind === "member" && (viewer.role === "editor" || viewer.role === "admin");
}

/** When a mirrored Stripe subscription still entitles its owner to paid pieces. */
export function subscriptionCounts(sub: SubscriptionFacts, policy: AccessPolicy): boolean {
  const now = policy.now.getTime();
  const periodOver = sub.currentPeriodEnd !== null && sub.currentPeriodEnd.getTime() <= now;
  switch (sub.status) {
    case "active":
    case "trialing":
      return !(sub.cancelAtPeriodEnd && periodOver);
    case "past_due": {
      const since = sub.pastDueSince ?? sub.currentPeriodEnd;
      if (!since) return false;
      return now < since.getTime() + policy.paymentGraceDays * DAY_MS;
    }
    default:
      return false;
  }
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
  if (counting.some((s) => s.status === "active")) return "paying";
  if (counting.some((s) => s.status === "trialing")) return "trialing";
  if (counting.some((s) => s.status === "past_due")) return "past_due";
  if (viewer.grants.some((g) => grantCounts(g, policy))) return "complimentary";
  return "free";
}
