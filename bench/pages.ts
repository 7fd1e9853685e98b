/**
 * npm run bench:pages — throughput of the anonymous pages against a static baseline.
 *
 * Builds (or reuses) a production build in a separate directory (see build.ts), starts
 * `next start` in demo mode on a fresh DATA_DIR, warms each page up, then loads each for a fixed
 * duration with autocannon: /baseline, /, the paid teaser, /baseline again (mean of the two
 * baseline runs = baseline, to cancel drift). It measures and prints; it asserts no timings.
 * Exit code 1 only if a response was non-2xx or a request errored.
 *
 * Env: BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 50), BENCH_WARMUP (requests
 * per page, default 200), BENCH_REBUILD=1 (force a build), BENCH_BUILD_DIR (where to build).
 */
import path from "node:path";
import { defaultBuildDir, ensureBuild } from "./build";
import { load, probe, warmUp, type LoadOptions, type LoadStats } from "./load";
import { startServer, type AppServer } from "./server";
import { formatTable, rowOf, type Row } from "./table";

const TEASER_SLUG = "port-automation-strike-baltic";
const GOAL = 0.9;

const PAGES = [
  { key: "baseline", path: "/baseline", expect: "Baseline" },
  { key: "home", path: "/", expect: "Latest analysis" },
  { key: "teaser", path: `/p/${TEASER_SLUG}`, expect: TEASER_SLUG },
] as const;

function envNumber(name: string, fallback: number, integer: boolean): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`${name} must be a positive ${integer ? "integer" : "number"}, got "${raw}"`);
  }
  return value;
}

const envFlag = (name: string): boolean => ["1", "true", "yes"].includes((process.env[name] ?? "").toLowerCase());

let server: AppServer | undefined;

async function shutdown(): Promise<void> {
  const running = server;
  server = undefined;
  if (!running) return;
  await running.stop();
  console.log(`server: stopped; removed ${running.dataDir}`);
}

for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the server`);
    void shutdown().finally(() => process.exit(code));
  });
}
// Last resort (e.g. process.exit elsewhere): kill synchronously.
process.on("exit", () => server?.stopNow());

async function main(): Promise<number> {
  const projectRoot = path.resolve(import.meta.dirname, "..");
  const options: LoadOptions = {
    duration: envNumber("BENCH_DURATION", 10, false),
    connections: envNumber("BENCH_CONNECTIONS", 50, true),
  };
  const warmupRequests = envNumber("BENCH_WARMUP", 200, true);
  const buildDir = process.env.BENCH_BUILD_DIR ? path.resolve(process.env.BENCH_BUILD_DIR) : defaultBuildDir(projectRoot);
  console.log(
    `bench:pages: ${options.duration} s per run, ${options.connections} connections, ${warmupRequests} warm-up requests per page, Node ${process.version}`,
  );

  const build = await ensureBuild(projectRoot, buildDir, envFlag("BENCH_REBUILD"));

  const startedAt = Date.now();
  server = await startServer(build.dir);
  console.log(
    `server: next start on port ${server.port} (demo mode, DATA_DIR ${server.dataDir}); ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
  );
  const base = server.url;

  let failures = 0;
  const count = (stats: LoadStats): LoadStats => {
    failures += stats.non2xx + stats.errors;
    return stats;
  };

  console.log(`\nwarm-up (${warmupRequests} requests per page):`);
  for (const page of PAGES) {
    const first = await probe(base, page.path);
    const warm = count(await warmUp(base, page.path, warmupRequests, Math.min(10, options.connections)));
    const after = await probe(base, page.path);
    const ok = first.status === 200 && after.status === 200 && after.body.includes(page.expect);
    if (!ok) failures += 1;
    console.log(
      `  ${page.path}: first HTTP ${first.status} (x-nextjs-cache ${first.cache}); ` +
        `warm-up non-2xx ${warm.non2xx}, errors ${warm.errors}; ` +
        `then HTTP ${after.status} (x-nextjs-cache ${after.cache}, cache-control "${after.cacheControl}", ${(after.bytes / 1024).toFixed(1)} KiB)` +
        (ok ? "" : `  <-- expected HTTP 200 containing "${page.expect}"`),
    );
  }

  const runs: { label: string; page: (typeof PAGES)[number] }[] = [
    { label: "baseline 1", page: PAGES[0] },
    { label: "home", page: PAGES[1] },
    { label: "teaser", page: PAGES[2] },
    { label: "baseline 2", page: PAGES[0] },
  ];
  console.log(`\nload (sequential, ${options.duration} s each):`);
  const results = new Map<string, LoadStats>();
  for (const run of runs) {
    const stats = count(await load(run.label, base, run.page.path, options));
    results.set(run.label, stats);
    console.log(
      `  ${run.label.padEnd(10)} ${run.page.path}: ${stats.reqPerSec.toFixed(1)} req/s, p50 ${stats.p50Ms} ms, p99 ${stats.p99Ms} ms`,
    );
  }

  const get = (label: string): LoadStats => {
    const stats = results.get(label);
    if (!stats) throw new Error(`missing run ${label}`);
    return stats;
  };
  const [b1, b2, home, teaser] = [get("baseline 1"), get("baseline 2"), get("home"), get("teaser")];
  const baseline = (b1.reqPerSec + b2.reqPerSec) / 2;
  const mean: Row = {
    label: "baseline",
    path: "/baseline (mean of 1, 2)",
    reqPerSec: baseline,
    non2xx: b1.non2xx + b2.non2xx,
    errors: b1.errors + b2.errors,
    requests: b1.requests + b2.requests,
    ratio: 1,
  };

  console.log(`\n${formatTable([rowOf(b1, baseline), rowOf(b2, baseline), mean, rowOf(home, baseline), rowOf(teaser, baseline)])}\n`);
  console.log(
    `baseline: run 1 = ${b1.reqPerSec.toFixed(1)} req/s, run 2 = ${b2.reqPerSec.toFixed(1)} req/s, ` +
      `mean = ${baseline.toFixed(1)} req/s (drift run 2 / run 1 = ${(b2.reqPerSec / b1.reqPerSec).toFixed(2)})`,
  );
  console.log(`ratio home/baseline = ${(home.reqPerSec / baseline).toFixed(2)}`);
  console.log(`ratio teaser/baseline = ${(teaser.reqPerSec / baseline).toFixed(2)} (goal ≥ ${GOAL})`);

  if (failures > 0) {
    console.error(`\nFAILED: ${failures} non-2xx responses, request errors or unexpected pages (see above). Server log tail:`);
    for (const line of server.log().slice(-20)) console.error(`  server │ ${line}`);
    return 1;
  }
  return 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (err) {
  console.error(`\nbench:pages failed: ${err instanceof Error ? err.message : String(err)}`);
} finally {
  await shutdown();
}
process.exit(exitCode);
