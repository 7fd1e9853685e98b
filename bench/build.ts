import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";

/**
 * The benchmark never builds into the project's own `.next` (someone else may be using it),
 * and `distDir` can only be set in next.config.ts, which this benchmark must not touch (it only
 * sets BENCH_BUILD=1, which makes next.config.ts include the benchmark-only routes).
 * So it builds a snapshot of the sources in a separate directory (the "bench build"):
 * sources are copied, node_modules is hard-linked (Turbopack refuses a node_modules symlink
 * that points outside its root), and `next build` runs there with the unchanged next.config.ts.
 * The build is reused while the sources and installed packages are unchanged.
 */

/** Top-level entries that are not sources of the app (outputs, local data, secrets, this benchmark). */
const SKIP_TOP = new Set([
  "node_modules",
  ".next",
  ".git",
  "bench",
  "test-results",
  "playwright-report",
  "screenshots",
  "tmp",
  "tsconfig.tsbuildinfo",
]);
const SKIP_ANYWHERE = new Set(["node_modules", ".next", ".git", ".DS_Store"]);
const FINGERPRINT_FILE = ".bench-fingerprint";

function skipTop(name: string): boolean {
  if (SKIP_TOP.has(name) || name.startsWith(".data")) return true;
  // Local .env files are left out so the benchmark runs on exactly the environment it sets.
  return name.startsWith(".env") && name !== ".env.example";
}

/** Source files of the project, relative to root, sorted. */
function listSources(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel === "" ? entry.name : path.join(rel, entry.name);
      if (rel === "" ? skipTop(entry.name) : SKIP_ANYWHERE.has(entry.name)) continue;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.push(child);
    }
  };
  walk("");
  return out.sort();
}

function fingerprint(root: string, files: string[], packagesRoot: string): string {
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(file).update("\0").update(readFileSync(path.join(root, file))).update("\0");
  }
  // What is installed (not just what is declared) decides the build too.
  const installed = path.join(packagesRoot, "node_modules", ".package-lock.json");
  if (existsSync(installed)) hash.update(readFileSync(installed));
  return hash.digest("hex");
}

/** Mirrors a directory tree with hard links (copies where linking is impossible). */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.name === ".cache") continue;
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(src, dst);
    else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(src), dst);
    else if (entry.isFile()) {
      try {
        linkSync(src, dst);
      } catch {
        copyFileSync(src, dst);
      }
    }
  }
}

function pipeWithPrefix(stream: NodeJS.ReadableStream, prefix: string): void {
  createInterface({ input: stream }).on("line", (line) => console.log(`${prefix}${line}`));
}

function runNextBuild(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(dir, "node_modules", "next", "dist", "bin", "next"), "build"], {
      cwd: dir,
      // BENCH_BUILD: next.config.ts then includes the benchmark-only routes (/baseline).
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", BENCH_BUILD: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    pipeWithPrefix(child.stdout, "  build │ ");
    pipeWithPrefix(child.stderr, "  build │ ");
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

export interface BenchBuild {
  /** Directory to run the server in. */
  dir: string;
  buildId: string;
  reused: boolean;
}

export function defaultBuildDir(projectRoot: string): string {
  const tag = createHash("sha256").update(projectRoot).digest("hex").slice(0, 10);
  return path.join(os.tmpdir(), `esm-insight-bench-build-${tag}`);
}

/**
 * Returns a production build of the current sources in `buildDir`, building it if the
 * sources changed since the last bench build (or if `force`).
 */
export async function ensureBuild(projectRoot: string, buildDir: string, force: boolean): Promise<BenchBuild> {
  const buildIdFile = path.join(buildDir, ".next", "BUILD_ID");
  const stamp = path.join(buildDir, FINGERPRINT_FILE);
  const current = fingerprint(projectRoot, listSources(projectRoot), projectRoot);

  if (!force && existsSync(buildIdFile) && existsSync(stamp) && readFileSync(stamp, "utf8") === current) {
    const buildId = readFileSync(buildIdFile, "utf8").trim();
    console.log(`build: reusing bench build ${buildId} in ${buildDir} (sources unchanged)`);
    return { dir: buildDir, buildId, reused: true };
  }

  const why = force
    ? "BENCH_REBUILD is set"
    : existsSync(buildIdFile)
      ? "sources changed since the last bench build"
      : "no bench build yet";
  console.log(`build: ${why}; running next build in ${buildDir}`);
  rmSync(buildDir, { recursive: true, force: true });
  mkdirSync(buildDir, { recursive: true });
  // Snapshot first, then fingerprint the snapshot: edits made meanwhile just trigger a rebuild next time.
  const files = listSources(projectRoot).filter((file) => {
    mkdirSync(path.dirname(path.join(buildDir, file)), { recursive: true });
    try {
      copyFileSync(path.join(projectRoot, file), path.join(buildDir, file));
      return true;
    } catch (err) {
      if (err instanceof Error && "code" in err && err.code === "ENOENT") return false; // deleted meanwhile
      throw err;
    }
  });
  linkTree(path.join(projectRoot, "node_modules"), path.join(buildDir, "node_modules"));
  const snapshot = fingerprint(buildDir, files, projectRoot);

  const started = Date.now();
  await runNextBuild(buildDir);
  writeFileSync(stamp, snapshot);
  const buildId = readFileSync(buildIdFile, "utf8").trim();
  console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s (BUILD_ID ${buildId})`);
  return { dir: buildDir, buildId, reused: false };
}
