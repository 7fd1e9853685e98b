import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, REQUIRED_OUTSIDE_DEMO, siteConfig } from "./env";

const real = {
  DATABASE_URL: "postgres://u:p@db.example.com:5432/esm",
  STRIPE_SECRET_KEY: "sk_test_abc",
  STRIPE_WEBHOOK_SECRET: "whsec_abc",
  RESEND_API_KEY: "re_abc",
  AUTH_SECRET: "s".repeat(32),
  APP_URL: "https://insight.example.com/",
};

describe("configuration", () => {
  it("outside demo mode, names every missing key", () => {
    expect(() => parseConfig({})).toThrow(ConfigError);
    try {
      parseConfig({ DEMO_MODE: "false", RESEND_API_KEY: "re_x" });
    } catch (err) {
      const msg = (err as Error).message;
      for (const k of REQUIRED_OUTSIDE_DEMO.filter((k) => k !== "RESEND_API_KEY")) expect(msg).toContain(k);
      expect(msg).not.toContain("RESEND_API_KEY");
    }
  });

  it("with the real keys, uses the real services and no stand-in", () => {
    const c = parseConfig(real);
    expect(c.demoMode).toBe(false);
    expect(c.appUrl).toBe("https://insight.example.com");
    expect(c.databaseUrl).toBe(real.DATABASE_URL);
    expect(c.stripe.standin).toBeUndefined();
    expect(c.resend?.apiKey).toBe("re_abc");
    expect(c.adminEmails).toEqual([]);
  });

  it("demo mode fills in the embedded defaults", () => {
    const c = parseConfig({ DEMO_MODE: "true", DATA_DIR: ".data-test", AUTH_SECRET: "x" });
    expect(c.demoMode).toBe(true);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.stripe.standin).toEqual({ port: 12111, chosen: false });
    expect(c.appUrl).toBe("http://localhost:3000");
    expect(c.authUrl).toBe("http://localhost:3000/api/auth");
    expect(c.resend).toBeUndefined();
    expect(c.adminEmails).toEqual(["admin@example.com"]);
  });

  it("derives APP_URL (and so sign-in links and Stripe's returns) and the stand-in's port from PORT", () => {
    const c = parseConfig({ DEMO_MODE: "true", DATA_DIR: ".data-test", AUTH_SECRET: "x", PORT: "4000" });
    expect(c.appUrl).toBe("http://localhost:4000");
    expect(c.authUrl).toBe("http://localhost:4000/api/auth");
    expect(c.stripe.standin).toEqual({ port: 13111, chosen: false });
    // A port chosen by name is kept (and a clash on it stops the start: lib/demo.ts), as is an APP_URL set by hand.
    const chosen = parseConfig({ DEMO_MODE: "true", AUTH_SECRET: "x", PORT: "4000", STRIPE_STANDIN_PORT: "12999", APP_URL: "http://localhost:8080/" });
    expect(chosen.stripe.standin).toEqual({ port: 12999, chosen: true });
    expect(chosen.appUrl).toBe("http://localhost:8080");
    // No derived port beyond 65535: any free port then.
    expect(parseConfig({ DEMO_MODE: "true", AUTH_SECRET: "x", PORT: "60000" }).stripe.standin).toEqual({ port: 0, chosen: false });
    // An empty variable is unset, as everywhere else.
    expect(parseConfig({ DEMO_MODE: "true", AUTH_SECRET: "x", PORT: "", STRIPE_STANDIN_PORT: "" }).stripe.standin).toEqual({ port: 12111, chosen: false });
    expect(siteConfig({ PORT: "4100" }).appUrl).toBe("http://localhost:4100");
  });

  it("refuses malformed values with a clear message", () => {
    expect(() => parseConfig({ DEMO_MODE: "true", AUTH_SECRET: "x", PORT: "70000" })).toThrow(/PORT/);
    expect(() => parseConfig({ DEMO_MODE: "true", AUTH_SECRET: "x", STRIPE_STANDIN_PORT: "abc" })).toThrow(/STRIPE_STANDIN_PORT/);
    expect(() => parseConfig({ ...real, APP_URL: "not a url" })).toThrow(/APP_URL/);
    expect(() => parseConfig({ ...real, PAYMENT_GRACE_DAYS: "-1" })).toThrow(/PAYMENT_GRACE_DAYS/);
    expect(() => parseConfig({ ...real, DEMO_MODE: "maybe" })).toThrow(/DEMO_MODE/);
  });

  it("demo mode refuses a public APP_URL: its mailbox would be public", () => {
    expect(() => parseConfig({ DEMO_MODE: "true", APP_URL: "https://insight.example.com", AUTH_SECRET: "x" })).toThrow(/loopback APP_URL/);
    for (const local of ["http://localhost:3000", "http://127.0.0.1:4000", "http://[::1]:3000"]) {
      expect(parseConfig({ DEMO_MODE: "true", APP_URL: local, AUTH_SECRET: "x" }).demoMode).toBe(true);
    }
  });

  it("demo mode refuses production with real keys, and a real Stripe key never meets the demo webhook secret", () => {
    const prod = { DEMO_MODE: "true", NODE_ENV: "production", AUTH_SECRET: "x" };
    expect(() => parseConfig({ ...prod, STRIPE_SECRET_KEY: "sk_live_x", STRIPE_WEBHOOK_SECRET: "whsec_x" })).toThrow(/production with real keys set \(STRIPE_SECRET_KEY\)/);
    expect(() => parseConfig({ ...prod, RESEND_API_KEY: "re_live" })).toThrow(/RESEND_API_KEY/);
    expect(() => parseConfig({ ...prod, DATABASE_URL: "postgres://u@db.example.com/esm" })).toThrow(/DATABASE_URL/);
    expect(parseConfig({ ...prod, DATABASE_URL: "postgres://u@127.0.0.1/esm" }).demoMode).toBe(true);
    expect(() => parseConfig({ DEMO_MODE: "true", AUTH_SECRET: "x", STRIPE_SECRET_KEY: "sk_test_x" })).toThrow(/STRIPE_WEBHOOK_SECRET is required/);
    expect(() => parseConfig({ ...real, STRIPE_WEBHOOK_SECRET: "" })).toThrow(/STRIPE_WEBHOOK_SECRET/);
  });

  it("keeps images in the database unless an S3 bucket is named with both keys", () => {
    expect(parseConfig(real).mediaBucket).toBeUndefined();
    const keys = { S3_BUCKET: "esm-media", S3_ACCESS_KEY_ID: "AK", S3_SECRET_ACCESS_KEY: "SK" };
    expect(parseConfig({ ...real, ...keys }).mediaBucket).toEqual({ bucket: "esm-media", region: "us-east-1", endpoint: undefined, accessKeyId: "AK", secretAccessKey: "SK" });
    expect(parseConfig({ ...real, ...keys, S3_REGION: "auto", S3_ENDPOINT: "https://acct.r2.example" }).mediaBucket).toMatchObject({ region: "auto", endpoint: "https://acct.r2.example" });
    expect(() => parseConfig({ ...real, S3_BUCKET: "esm-media" })).toThrow(/S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together/);
    expect(() => parseConfig({ ...real, S3_ENDPOINT: "https://acct.r2.example" })).toThrow(ConfigError);
    expect(() => parseConfig({ ...real, ...keys, S3_ENDPOINT: "not a url" })).toThrow(/S3_ENDPOINT/);
  });

  it("builds Auth.js's URL from APP_URL only, and refuses an AUTH_URL on another origin", () => {
    expect(parseConfig(real).authUrl).toBe("https://insight.example.com/api/auth");
    expect(() => parseConfig({ ...real, AUTH_URL: "https://evil.example/api/auth" })).toThrow(/AUTH_URL/);
    expect(parseConfig({ ...real, AUTH_URL: "https://insight.example.com/api/auth" }).authUrl).toBe("https://insight.example.com/api/auth");
  });
});
