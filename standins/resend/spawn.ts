/**
 * Start the Resend stand-in (cli.ts) as a separate Node process and wait for
 * its `listening <url>` line. Single process (`node --import tsx cli.ts`), so
 * `child.pid` is the server itself.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { resendStandinClient, type ResendStandinClient } from "./client";

export interface SpawnResendStandinOptions {
  port?: number;
  host?: string;
  rateLimitPerSecond?: number;
  failFraction?: number;
  seed?: number;
  latencyMs?: number;
  /** How long to wait for `listening`, default 20 s. */
  timeoutMs?: number;
}

export interface SpawnedResendStandin {
  url: string;
  child: ChildProcess;
  client: ResendStandinClient;
  /** SIGTERM, then SIGKILL after 5 s; resolves when the process has exited. */
  stop(): Promise<void>;
}

export const RESEND_STANDIN_CLI = fileURLToPath(new URL("./cli.ts", import.meta.url));

export function spawnResendStandin(opts: SpawnResendStandinOptions = {}): Promise<SpawnedResendStandin> {
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  const env: NodeJS.ProcessEnv = { ...process.env };
  const set = (name: string, v: string | number | undefined) => {
    if (v === undefined) delete env[name];
    else env[name] = String(v);
  };
  set("RESEND_STANDIN_PORT", opts.port ?? 0);
  set("RESEND_STANDIN_HOST", opts.host);
  set("RESEND_STANDIN_RATE", opts.rateLimitPerSecond);
  set("RESEND_STANDIN_FAIL", opts.failFraction);
  set("RESEND_STANDIN_SEED", opts.seed);
  set("RESEND_STANDIN_LATENCY_MS", opts.latencyMs);

  const child = spawn(process.execPath, ["--import", tsxLoader, RESEND_STANDIN_CLI], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });

  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });

  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`Resend stand-in did not start within ${opts.timeoutMs ?? 20_000} ms. stderr: ${stderr}`));
    }, opts.timeoutMs ?? 20_000);
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const m = /^listening (\S+)$/m.exec(stdout);
      if (!m?.[1]) return;
      clearTimeout(timer);
      const url = m[1];
      resolve({
        url,
        child,
        client: resendStandinClient(url),
        async stop() {
          if (child.exitCode === null && child.signalCode === null) {
            child.kill("SIGTERM");
            const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
            await exited;
            clearTimeout(force);
          }
        },
      });
    });
    child.on("error", (err) => {
      // spawn failure before `listening`; later errors (e.g. signalling an exited process) are ignored
      clearTimeout(timer);
      reject(err);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Resend stand-in exited early (code ${code}, signal ${signal}). stderr: ${stderr}`));
    });
  });
}
