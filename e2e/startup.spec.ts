import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:net";

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

/** Another program holding a port on loopback, as a second demo or any other app would. */
async function holdPort(port: number): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return server;
}
const release = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** Starts `npm start`'s command and waits for its "ready" line; the caller stops it. */
async function startUntilReady(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ["scripts/serve.mjs"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr!.on("data", (b: Buffer) => (output += b.toString()));
  try {
    await expect.poll(() => (child.exitCode === null ? /ready on/.test(output) : `exited: ${output}`), { timeout: 120_000 }).toBe(true);
  } catch (err) {
    child.kill("SIGKILL");
    throw new Error(`not ready: ${output}`, { cause: err });
  }
  return { child, output: () => output };
}

// Ports of this spec's own (other specs' servers use 3200-3380 and 12200-12380).
const DEMO = (port: number, dataDir: string): NodeJS.ProcessEnv => ({ ...baseEnv(), DEMO_MODE: "true", DATA_DIR: dataDir, PORT: String(port), APP_URL: "" });

test("with other programs on the usual ports: PORT moves the app, its links and the Stripe stand-in; a clash names the variable to change", async () => {
  test.setTimeout(300_000);
  // The app's port taken: one line naming PORT.
  const appPort = 3391;
  const appHolder = await holdPort(appPort);
  try {
    const clash = await startAndWait(DEMO(appPort, ".data-e2e-ports"), appPort);
    expect(clash.code).toBe(1);
    expect(clash.output).toContain(`Port ${appPort} on 127.0.0.1 is taken by another program: set PORT to a free port.`);
  } finally {
    await release(appHolder);
  }

  // The stand-in's port derived from PORT (3392 + 9111) taken, nothing chosen: another free port, said in one line.
  const port = 3392;
  const derivedHolder = await holdPort(port + 9111);
  try {
    const { child, output } = await startUntilReady(DEMO(port, ".data-e2e-ports"));
    try {
      expect(output()).toContain(`app:       http://localhost:${port}`);
      const standin = output().match(/Stripe stand-in at (http:\/\/localhost:(\d+))/);
      expect(standin?.[2]).toBeDefined();
      expect(Number(standin![2])).not.toBe(port + 9111);
      expect((await fetch(`${standin![1]}/`)).ok).toBe(true);
      // APP_URL followed PORT: Auth.js builds its links on it, and Checkout's returns come back to it.
      const providers = (await (await fetch(`http://localhost:${port}/api/auth/providers`)).json()) as Record<string, { signinUrl: string }>;
      expect(Object.values(providers)[0]?.signinUrl).toMatch(new RegExp(`^http://localhost:${port}/api/auth/`));
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
  } finally {
    await release(derivedHolder);
  }

  // A stand-in port chosen in STRIPE_STANDIN_PORT and taken: one line naming STRIPE_STANDIN_PORT.
  const chosenHolder = await holdPort(12393);
  try {
    const clash = await startAndWait({ ...DEMO(3393, ".data-e2e-ports"), STRIPE_STANDIN_PORT: "12393" }, 3393);
    expect(clash.code).toBe(1);
    expect(clash.output).toContain("Port 12393 (the local Stripe stand-in) is taken by another program: set STRIPE_STANDIN_PORT to a free port.");
  } finally {
    await release(chosenHolder);
  }
});

test("npm run dev refuses a taken PORT in one line instead of drifting to another port", async () => {
  const holder = await holdPort(3394);
  try {
    const child = spawn(process.execPath, ["scripts/dev.mjs"], { env: { ...baseEnv(), NODE_ENV: "development", DEMO_MODE: "true", PORT: "3394" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stderr.on("data", (b: Buffer) => (output += b.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(output.trim()).toBe("Port 3394 is taken by another program: set PORT to a free port (PORT=3395 npm run dev).");
  } finally {
    await release(holder);
  }
});

test("npm run dev serves the demo with a nonce policy on every page, cached ones included", async () => {
  test.setTimeout(240_000);
  const port = 3396;
  const child = spawn(process.execPath, ["scripts/dev.mjs"], {
    env: { ...baseEnv(), NODE_ENV: "development", DEMO_MODE: "true", PORT: String(port), DATA_DIR: ".data-e2e-dev", STRIPE_STANDIN_PORT: "12396" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr!.on("data", (b: Buffer) => (output += b.toString()));
  try {
    await expect.poll(() => (child.exitCode === null ? /Ready in/.test(output) : `exited: ${output}`), { timeout: 120_000 }).toBe(true);
    for (const path of ["/", "/radar", "/login"]) {
      const res = await fetch(`http://localhost:${port}${path}`, { signal: AbortSignal.timeout(150_000) });
      expect(res.status, path).toBe(200);
      const policy = res.headers.get("content-security-policy") ?? "";
      const nonce = policy.match(/'nonce-([^']+)'/)?.[1];
      expect(nonce, `${path}: ${policy}`).toBeDefined();
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? "");
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const attributes of scripts) if (!/type="application\/ld\+json"/.test(attributes)) expect(attributes, path).toContain(`nonce="${nonce}"`);
    }
  } finally {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
    await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(null)));
  }
});

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
