/** Sign-in mail limits that are fair to real users and useless to an attacker (PGlite, and PostgreSQL when DATABASE_URL is set). */
import { describe, expect, it } from "vitest";
import { config } from "@/lib/env";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { signInMailAllowed } from "./sign-in-limits";

let counter = 0;
const address = (label: string) => `${label}-${++counter}-${Date.now()}@example.com`;
const T0 = new Date("2026-11-28T10:00:00Z");

async function count(attempts: number, request: (i: number) => Promise<boolean>): Promise<number> {
  let allowed = 0;
  for (let i = 0; i < attempts; i++) if (await request(i)) allowed++;
  return allowed;
}

describe.each(databaseKinds())("sign-in limits on %s", (kind) => {
  useTestDatabase(kind);
  const { perEmail, perIp } = config().signInLimits;

  it("a stranger exhausting someone's address from their client does not lock that person out", async () => {
    const victim = address("victim");
    expect(await count(perEmail + 3, () => signInMailAllowed(victim, "198.51.100.66", T0))).toBe(perEmail);
    expect(await signInMailAllowed(victim, "203.0.113.10", T0)).toBe(true);
  });

  it("one address gets at most a few clients' worth of mail in a window, however many clients ask", async () => {
    const target = address("bombed");
    const allowed = await count(40, (i) => signInMailAllowed(target, `192.0.2.${i}`, T0));
    expect(allowed).toBe(perEmail * 3);
  });

  it("one client is held to its own limit across addresses", async () => {
    const client = "198.51.100.7";
    expect(await count(perIp + 5, () => signInMailAllowed(address("spray"), client, T0))).toBe(perIp);
    // Another client is not affected: there is no bucket shared by everybody.
    expect(await signInMailAllowed(address("bystander"), "198.51.100.8", T0)).toBe(true);
  });

  it("with no known client address, no site-wide bucket: only the per-address limits apply", async () => {
    expect(await count(perIp + 5, () => signInMailAllowed(address("unknown-client"), null, T0))).toBe(perIp + 5);
  });
});
