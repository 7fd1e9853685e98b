import { afterEach, describe, expect, it, vi } from "vitest";
import { createServer, type Server } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ConfigError, parseConfig } from "./env";
import { setStripeForTests, stripe } from "./billing/stripe";
import { startDemoServices } from "./demo";

/** Another program holding a port on the stand-in's interface. */
async function holdPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return { port: address.port, server };
}

describe("demo mode's Stripe stand-in", () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (closers.length) await closers.pop()!();
    setStripeForTests(undefined);
    vi.restoreAllMocks();
  });
  const demoConfig = () =>
    parseConfig({ DEMO_MODE: "true", AUTH_SECRET: "x", DATA_DIR: mkdtempSync(path.join(tmpdir(), "esm-demo-")), APP_URL: "http://localhost:3999" });

  it("takes another free port when the one derived from PORT is taken, says where, and the SDK follows it", async () => {
    const held = await holdPort();
    closers.push(() => new Promise((r) => held.server.close(() => r())));
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const standin = await startDemoServices(demoConfig(), { port: held.port, chosen: false });
    closers.push(() => standin.close());
    expect(standin.port).not.toBe(held.port);
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]![0])).toMatch(new RegExp(`Stripe stand-in at http://localhost:${standin.port} .*STRIPE_STANDIN_PORT`));
    // The app's own Stripe client reaches the stand-in on its real port.
    const prices = await stripe().prices.list({ limit: 3 });
    expect(prices.data.length).toBeGreaterThan(0);
  });

  it("stops with one line naming STRIPE_STANDIN_PORT when the port chosen there is taken", async () => {
    const held = await holdPort();
    closers.push(() => new Promise((r) => held.server.close(() => r())));
    const attempt = startDemoServices(demoConfig(), { port: held.port, chosen: true });
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(attempt).rejects.toThrow(
      `Port ${held.port} (the local Stripe stand-in) is taken by another program: set STRIPE_STANDIN_PORT to a free port.`,
    );
  });
});
