/** `scripts/worker.ts --newsletter-only` as a child process, for the crash and multi-worker tests. */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WORKER = path.join(ROOT, "scripts", "worker.ts");
const SERVER_RUNTIME = pathToFileURL(path.join(ROOT, "scripts", "runtime", "server-process.mjs")).href;

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  /** Resolves when the worker printed `worker ready`. */
  ready: Promise<void>;
  exited: Promise<void>;
  output(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  const child = spawn(process.execPath, ["--import", tsx, "--import", SERVER_RUNTIME, WORKER, "--newsletter-only"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      if (out.includes("worker ready")) resolve();
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
    });
    child.once("exit", (code, signal) => reject(new Error(`worker exited before ready (${signal ?? code}): ${out}`)));
  });
  ready.catch(() => {});
  return {
    child,
    pid: child.pid ?? -1,
    ready,
    exited,
    output: () => out,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
