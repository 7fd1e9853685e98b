import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setStripeForTests, stripe, STRIPE_TIMEOUT_MS } from "./stripe";

/** A "Stripe" that accepts connections and never answers (what hung checkout for 4 minutes). */
let hanging: Server;
const sockets: Socket[] = [];
const configStore = globalThis as unknown as { esmConfig?: unknown };

beforeAll(async () => {
  hanging = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
  process.env.STRIPE_STANDIN_PORT = String((hanging.address() as AddressInfo).port);
  configStore.esmConfig = undefined;
  setStripeForTests(undefined);
});
afterAll(async () => {
  setStripeForTests(undefined);
  configStore.esmConfig = undefined;
  delete process.env.STRIPE_STANDIN_PORT;
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => hanging.close(() => resolve()));
});

describe("the app's Stripe client", () => {
  it("gives up on a Stripe that does not answer within a few seconds (one retry), with a connection error", async () => {
    const started = Date.now();
    const error = await stripe()
      .prices.list({ limit: 1 })
      .then(
        () => null,
        (e: unknown) => e,
      );
    const waited = Date.now() - started;
    expect(error).toBeInstanceOf(Error);
    expect((error as { type?: string }).type).toBe("StripeConnectionError");
    expect(sockets.length, "the call and its one retry").toBe(2);
    expect(waited).toBeGreaterThanOrEqual(STRIPE_TIMEOUT_MS);
    // Two attempts of STRIPE_TIMEOUT_MS and the SDK's short back-off, not 80 s × 3.
    expect(waited).toBeLessThan(2 * STRIPE_TIMEOUT_MS + 3_000);
  }, 30_000);
});
