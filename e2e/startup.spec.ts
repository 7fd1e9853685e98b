import { expect, test } from "@playwright/test";
import { spawn } from "node:child_process";

async function startAndWait(env: NodeJS.ProcessEnv, port: number): Promise<{ code: number | null; output: string }> {
  // `npm start`'s own command: Next behind the front in scripts/serve.mjs.
  const child = spawn(process.execPath, ["scripts/serve.mjs"], { env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr.on("data", (b: Buffer) => (output += b.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve(null);
    }, 45_000);
    child.on("exit", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  return { code, output };
}

const baseEnv = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production" });

test("demo mode refuses a public APP_URL, and production with real keys", async () => {
  test.setTimeout(100_000);
  const publicUrl = await startAndWait({ ...baseEnv(), DEMO_MODE: "true", DATA_DIR: ".data-e2e-refuse", APP_URL: "https://insight.example.com" }, 3297);
  expect(publicUrl.code).toBe(1);
  expect(publicUrl.output).toContain("DEMO_MODE=true needs a loopback APP_URL");
  const liveKeys = await startAndWait(
    { ...baseEnv(), DEMO_MODE: "true", DATA_DIR: ".data-e2e-refuse", STRIPE_SECRET_KEY: "sk_live_x", STRIPE_WEBHOOK_SECRET: "whsec_x" },
    3297,
  );
  expect(liveKeys.code).toBe(1);
  expect(liveKeys.output).toContain("refuses to run in production with real keys set (STRIPE_SECRET_KEY)");
});

test("a server that cannot reach its database at start-up stops instead of saying Ready", async () => {
  test.setTimeout(60_000);
  const { code, output } = await startAndWait(
    {
      ...baseEnv(),
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
      STRIPE_SECRET_KEY: "sk_test_x",
      STRIPE_WEBHOOK_SECRET: "whsec_x",
      RESEND_API_KEY: "re_x",
      AUTH_SECRET: "s".repeat(40),
      APP_URL: "http://localhost:3298",
      EMBEDDED_WORKER: "false",
    },
    3298,
  );
  expect(code).toBe(1);
  expect(output).toContain("start-up failed; stopping.");
});

test("without DEMO_MODE and without the real keys, `npm start` refuses to start and lists what is missing", async () => {
  test.setTimeout(60_000);
  const { code, output } = await startAndWait(baseEnv(), 3299);
  expect(code).toBe(1);
  expect(output).toContain("Missing configuration: DATABASE_URL, STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, RESEND_API_KEY, AUTH_SECRET, APP_URL");
  expect(output).toContain("DEMO_MODE=true");
});
