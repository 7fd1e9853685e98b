import { expect, test } from "@playwright/test";
import { spawn } from "node:child_process";

test("without DEMO_MODE and without the real keys, `next start` refuses to start and lists what is missing", async () => {
  test.setTimeout(60_000);
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production" };
  const child = spawn("npx", ["next", "start", "-p", "3299"], { env, stdio: ["ignore", "pipe", "pipe"] });
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
  expect(code).toBe(1);
  expect(output).toContain("Missing configuration: DATABASE_URL, STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, RESEND_API_KEY, AUTH_SECRET, APP_URL");
  expect(output).toContain("DEMO_MODE=true");
});
