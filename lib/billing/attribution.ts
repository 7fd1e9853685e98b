import "server-only";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { pieces } from "@/db/schema";
import { stripe } from "./stripe";

/**
 * Which piece a reader came from: the `next` of /join (or of Checkout, whose session metadata carries
 * it as `next`) names a piece page, /p/<slug> or /read/<slug>, or /join opened from one (the sign-in
 * that /join asks for returns there). Anything else names no piece.
 */
export function slugOfPath(next: string | null | undefined): string | null {
  const m = /^\/(?:p|read)\/([a-z0-9][a-z0-9-]{0,200})(?:[/?#]|$)/.exec(next ?? "");
  if (m) return m[1] ?? null;
  // Signing in on /join comes back to /join to choose a plan: the piece is the one /join was opened from.
  const join = /^\/join\?(.*)$/.exec(next ?? "");
  const inner = join ? new URLSearchParams(join[1]).get("next") : null;
  return inner && !inner.startsWith("/join") ? slugOfPath(inner) : null;
}

export async function pieceIdOfPath(d: Pick<Db, "select">, next: string | null | undefined): Promise<string | null> {
  const slug = slugOfPath(next);
  if (!slug) return null;
  const [row] = await d.select({ id: pieces.id }).from(pieces).where(eq(pieces.slug, slug));
  return row?.id ?? null;
}

/** The `next` the Checkout session that created this subscription carried, read from Stripe once per new subscription. */
export async function checkoutNextOf(sub: Stripe.Subscription): Promise<string | null> {
  const list = await stripe().checkout.sessions.list({ subscription: sub.id, limit: 1 });
  return list.data[0]?.metadata?.next ?? null;
}
