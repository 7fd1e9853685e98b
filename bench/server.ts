import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";

/** `count` distinct ports that are free right now (held open together so they differ). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const server = net.createServer();
          server.once("error", reject);
          server.listen(0, () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => {
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("could not read a free port");
    return address.port;
  });
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  return ports;
}

export interface AppServer {
  /** Base URL for requests, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  dataDir: string;
  /** Process id of the server (the leader of its process group). */
  pid: number;
  /** Last lines the server printed (for error reports). */
  log(): string[];
  /** Stops the server (whole process group) and removes the temporary DATA_DIR. Idempotent. */
  stop(): Promise<void>;
  /** Synchronous last-resort variant for process exit. */
  stopNow(): void;
}

const LOG_LINES = 60;

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** The server runs detached, so it and any workers it forks form one process group (id = its pid). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

async function waitForReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (exited(child)) throw new Error(`server exited before it was ready (${child.signalCode ?? `exit code ${child.exitCode}`})`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server not ready after ${timeoutMs / 1000} s (GET ${url}: ${last})`);
}

/** A fresh temporary DATA_DIR for one server (removed by its `stop()`). */
/** The V8 heap cap `npm start` runs with (package.json's start script; HEAP_MB overrides it there and here). */
function startHeapFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "..", "package.json"), "utf8")) as { scripts: Record<string, string> };
  const fallback = /--max-old-space-size=\$\{HEAP_MB:-(\d+)\}/.exec(pkg.scripts.start ?? "")?.[1];
  if (!fallback) throw new Error("package.json's start script no longer caps the heap as bench/server.ts expects");
  return [`--max-old-space-size=${process.env.HEAP_MB ?? fallback}`];
}

export const makeDataDir = (): string => mkdtempSync(path.join(os.tmpdir(), "esm-insight-bench-data-"));

export interface ServerOptions {
  /** From makeDataDir(); may already hold the database the server will use (PGlite). */
  dataDir: string;
  /** PostgreSQL for the server; empty or absent: PGlite in dataDir. */
  databaseUrl?: string;
  readyTimeoutMs?: number;
}

/**
 * Starts `npm start`'s server (scripts/serve.mjs: Next behind its front) for the build in `appDir`, in demo mode (the demo pieces are seeded unless
 * the database holds pieces already), and waits until GET /robots.txt answers 200.
 */
export async function startServer(appDir: string, opts: ServerOptions): Promise<AppServer> {
  const { dataDir, readyTimeoutMs = 120_000 } = opts;
  const [port, standinPort] = await freePorts(2);
  if (port === undefined || standinPort === undefined) throw new Error("could not pick free ports");
  const lines: string[] = [];

  const child = spawn(
    process.execPath,
    [...startHeapFlags(), path.join(appDir, "scripts", "serve.mjs")],
    {
      cwd: appDir,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        NEXT_TELEMETRY_DISABLED: "1",
        DEMO_MODE: "true",
        DATA_DIR: dataDir,
        APP_URL: `http://localhost:${port}`,
        DATABASE_URL: opts.databaseUrl ?? "",
        STRIPE_SECRET_KEY: "",
        RESEND_API_KEY: "",
        STRIPE_STANDIN_PORT: String(standinPort),
      },
    },
  );
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (line) => {
      lines.push(line);
      if (lines.length > LOG_LINES) lines.shift();
    });
  }
  const exit = new Promise<void>((resolve) => {
    if (exited(child)) resolve();
    else {
      child.once("exit", () => resolve());
      child.once("error", (err) => {
        lines.push(`spawn error: ${err.message}`);
        resolve();
      });
    }
  });

  let stopped = false;
  const removeData = (): void => rmSync(dataDir, { recursive: true, force: true });
  const server: AppServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    pid: child.pid ?? -1,
    log: () => [...lines],
    async stop() {
      if (stopped) return;
      stopped = true;
      killGroup(child, "SIGTERM");
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
      await exit;
      clearTimeout(timer);
      killGroup(child, "SIGKILL"); // any worker left in the group
      removeData();
    },
    stopNow() {
      if (stopped) return;
      stopped = true;
      killGroup(child, "SIGKILL");
      removeData();
    },
  };

  try {
    await waitForReady(`${server.url}/robots.txt`, child, readyTimeoutMs);
  } catch (err) {
    await server.stop();
    const tail = lines.slice(-20).map((l) => `  server │ ${l}`).join("\n");
    throw new Error(`${err instanceof Error ? err.message : String(err)}${tail ? `\n${tail}` : ""}`);
  }
  return server;
}
