import "server-only";
import { db } from "@/lib/db";
import type { Db } from "@/db/client";
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
  const claim = async (tx: Tx) => {
    const [claimed] = await tx
      .insert(lifecycleMails)
      .values(key)
      .onConflictDoNothing({ target: [lifecycleMails.userId, lifecycleMails.kind, lifecycleMails.objectId] })
      .returning({ id: lifecycleMails.id });
    return claimed !== undefined;
  };
  return sendMailOnceClaimed(claim, `${key.kind}/${key.userId}/${key.objectId}`, () => compose());
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * The same guarantee with the caller's own claim (a row update that succeeds once, e.g. a gift's
 * "sent at" column): claim, compose and send share one transaction; `compose` may write in it too.
 */
export async function sendMailOnceClaimed(
  claim: (tx: Tx) => Promise<boolean>,
  idempotencyKey: string,
  compose: (tx: Tx) => Promise<OutgoingMail>,
): Promise<boolean> {
  return (await db()).transaction(async (tx) => {
    if (!(await claim(tx))) return false;
    const mail = await compose(tx);
    await sendMail(mail, { idempotencyKey, via: tx });
    return true;
  });
}
