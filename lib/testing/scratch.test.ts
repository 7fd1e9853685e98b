import { it, expect, vi } from "vitest";
vi.mock("@/lib/auth", () => ({ auth: async () => null }));
it("imports", async () => {
  const v = await import("@/lib/viewer");
  expect(typeof v.viewerForUser).toBe("function");
  const a = await import("@auth/drizzle-adapter");
  expect(typeof a.DrizzleAdapter).toBe("function");
  const c = await import("@/lib/billing/checkout");
  expect(typeof c.startCheckout).toBe("function");
});
