import "server-only";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { config, isLoopbackHost } from "@/lib/env";
import { db } from "@/lib/db";
import { outbox } from "@/db/schema";
import { trustedClientAddress } from "@/lib/http/client";

const isLoopbackAddress = (address: string) => address === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);

/**
 * The local outbox holds every sign-in code: it exists in demo mode only, and answers only a client
 * on this machine (the socket's peer when served by `npm start`, else a loopback Host).
 */
export function isLocalDemoRequest(h: Pick<Headers, "get">): boolean {
  if (!config().demoMode) return false;
  const client = trustedClientAddress(h);
  if (client !== null) return isLoopbackAddress(client);
  const host = h.get("host") ?? "";
  try {
    return isLoopbackHost(new URL(`http://${host}`).hostname);
  } catch {
    return false;
  }
}

export async function requireLocalDemo(): Promise<void> {
  if (!isLocalDemoRequest(await headers())) notFound();
}

export type OutboxMessage = typeof outbox.$inferSelect;

/** The outbox message a /dev/mailbox/[id] request names, or null (not local, not demo, no such id). */
export async function localOutboxMessage(req: Request, rawId: string): Promise<OutboxMessage | null> {
  if (!isLocalDemoRequest(req.headers)) return null;
  const id = z.uuid().safeParse(rawId);
  if (!id.success) return null;
  const [mail] = await (await db()).select().from(outbox).where(eq(outbox.id, id.data));
  return mail ?? null;
}
