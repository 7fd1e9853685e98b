import "server-only";
import { config } from "@/lib/env";
import { takeToken } from "./rate-limit";

/** How many clients' worth of mails one address may receive in a window. */
const ADDRESS_WIDE_FACTOR = 3;

/**
 * Whether one more sign-in mail may go out. Limits are per client (its address as the front saw it;
 * none when unknown, never one bucket for everybody), per address from that client, and a looser one
 * per address overall: a stranger can hold up someone else's sign-in only briefly, and never the
 * link already mailed.
 */
export async function signInMailAllowed(email: string, client: string | null, now = new Date()): Promise<boolean> {
  const { perEmail, perIp, windowMinutes } = config().signInLimits;
  const windowMs = windowMinutes * 60_000;
  if (client !== null && !(await takeToken(`sign-in:ip:${client}`, perIp, windowMs, now))) return false;
  if (!(await takeToken(`sign-in:email:${email}:from:${client ?? "unknown"}`, perEmail, windowMs, now))) return false;
  return takeToken(`sign-in:email:${email}`, perEmail * ADDRESS_WIDE_FACTOR, windowMs, now);
}
