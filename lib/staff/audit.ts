import "server-only";
import { type Db } from "@/db/client";
import { db } from "@/lib/db";
import { auditLog } from "@/db/schema";

export interface Actor {
  userId: string;
  email: string;
}

type Executor = Pick<Db, "insert">;

/** One line of the staff audit log: who did what to which target. */
export async function audit(actor: Actor, action: string, target: string | null, detail?: Record<string, unknown>, tx?: Executor): Promise<void> {
  const d: Executor = tx ?? (await db());
  await d.insert(auditLog).values({ actorId: actor.userId, actorEmail: actor.email, action, target, detail: detail ?? null });
}
