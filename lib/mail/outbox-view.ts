import "server-only";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { config, isLoopbackHost } from "@/lib/env";
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
