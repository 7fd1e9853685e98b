import "server-only";
import { db } from "@/lib/db";
import { lifecycleMails } from "@/db/schema";
import { sendMail, type OutgoingMail } from "./transport";

export interface OnceKey {
  userId: string;
  /** What the mail is, e.g. "welcome-paid", "dunning-1". */
  kind: string;
  /** The thing it is about: a Stripe subscription or invoice id, or the user id for a welcome. */
  objectId: string;
}

/**
 * Sends a mail at most once per key: the claim row and the send share one transaction, so a
 * failed send releases the claim, and a concurrent or repeated caller finds the row and sends
 * nothing. The provider gets the same key as its idempotency key. Returns whether this call sent.
 */
export async function sendMailOnce(key: OnceKey, compose: () => Promise<OutgoingMail>): Promise<boolean> {
  return (await db()).transaction(async (tx) => {
    const [claimed] = await tx
      .insert(lifecycleMails)
      .values(key)
      .onConflictDoNothing({ target: [lifecycleMails.userId, lifecycleMails.kind, lifecycleMails.objectId] })
      .returning({ id: lifecycleMails.id });
    if (!claimed) return false;
    const mail = await compose();
    await sendMail(mail, { idempotencyKey: `${key.kind}/${key.userId}/${key.objectId}`, via: tx });
    return true;
  });
}
