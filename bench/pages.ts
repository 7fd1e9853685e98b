/**
 * npm run bench:pages — throughput of the reader's pages against a static baseline of the same server.
 *
 * Builds (or reuses) a production build in a separate directory (see build.ts), prepares the
 * server's database (a PGlite in a fresh DATA_DIR, or a throwaway PostgreSQL database when
 * DATABASE_URL is set): the demo pieces, a free member and a paying subscriber with real Auth.js
 * session rows (pages-readers.ts). Then it starts `npm start`'s server in demo mode on it, warms each page
 * up, checks what each reader is shown (the analysis only to the subscriber, never in the shared
 * document), and loads each page view for a fixed duration with autocannon: /baseline, /, the paid
 * piece as an anonymous reader (the cached document: without a session hint its island asks nothing),
 * as the free member and as the subscriber (the same document + /api/read/<slug>, the island's private
 * request, with the session cookie), each run between two runs of /baseline. A page's ratio is its
 * page views per second ÷ the mean requests per second of the baseline runs around it (cancelling
 * drift). Last, the RSS of the server's process tree.
 * It measures and prints; it asserts no timings. Exit code 1 only if a response was non-2xx, a
 * request errored, or a page did not show what its reader must (or showed what they must not) see.
 *
 * Env: BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 50), BENCH_WARMUP (requests
 * per page, default 200), BENCH_SETTLE (s of unmeasured load per page before the runs, default 2), BENCH_REBUILD=1 (force a build), BENCH_BUILD_DIR (where to build),
 * DATABASE_URL (PostgreSQL server to make the throwaway database on).
 */
import path from "node:path";
import { openDatabase } from "@/db/client";
import { SESSION_HINT_COOKIE } from "@/lib/auth/cookie-names";
import { throwawayPostgres, type ThrowawayPostgres } from "@/test-support/throwaway-postgres";
import { defaultBuildDir, ensureBuild } from "./build";
import { load, probe, warmUp, type Headers, type LoadOptions, type LoadStats } from "./load";
import { createBenchReaders, type BenchReaders } from "./pages-readers";
import { treeRss } from "./rss";
import { makeDataDir, startServer, type AppServer } from "./server";
import { formatTable, rowOf, type Row } from "./table";

const SLUG = "port-automation-strike-baltic";
/** The first words of that piece's analysis (db/demo-pieces.ts). */
const ANALYSIS = "Remote crane operation means the software";
const GOALS = { teaser: 0.9, subscriber: 0.5, subscriberP99Ms: 150, rssMiB: 300 };

interface BenchPage {
  key: string;
  /** The document, then (if any) the private request its island makes: one page view. */
  paths: readonly string[];
  headers: Headers;
  /** What the view must show (in the document or the island's answer). */
  expect: string;
  /** The analysis must not be in this view's responses. The document never holds it. */
  gated: boolean;
}

function pagesFor(readers: BenchReaders): BenchPage[] {
  const document = `/p/${SLUG}`;
  // A signed-in browser holds the session hint next to its session (proxy.ts); an anonymous one asks nothing.
  const signedIn = (cookie: string): Headers => ({ cookie: `${cookie}; ${SESSION_HINT_COOKIE}=1` });
  return [
    { key: "baseline", paths: ["/baseline"], headers: {}, expect: "Baseline", gated: true },
    { key: "home", paths: ["/"], headers: {}, expect: "Latest analysis", gated: true },
    { key: "teaser", paths: [document], headers: {}, expect: "The full analysis is for subscribers", gated: true },
    { key: "member", paths: [document, `/api/read/${SLUG}`], headers: signedIn(readers.free.cookie), expect: '"reason":"subscribe"', gated: true },
    { key: "subscriber", paths: [document, `/api/read/${SLUG}`], headers: signedIn(readers.subscriber.cookie), expect: ANALYSIS, gated: false },
  ];
}

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
let postgres: ThrowawayPostgres | undefined;

async function shutdown(): Promise<void> {
  const running = server;
  server = undefined;
  if (running) {
    await running.stop();
    console.log(`server: stopped; removed ${running.dataDir}`);
  }
  const database = postgres;
  postgres = undefined;
  if (database) {
    await database.close();
    console.log(`database: dropped ${database.name}`);
  }
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

/** The server's database with the demo pieces and the two signed-in readers, before the server starts. */
async function prepareDatabase(dataDir: string): Promise<{ readers: BenchReaders; databaseUrl?: string; label: string }> {
  if (process.env.DATABASE_URL) {
    postgres = await throwawayPostgres("esm_bench_pages", { max: 2 });
    return { readers: await createBenchReaders(postgres.handle.db), databaseUrl: postgres.url, label: `PostgreSQL (throwaway database ${postgres.name})` };
  }
  const handle = await openDatabase({ dataDir });
  try {
    await handle.migrate();
    return { readers: await createBenchReaders(handle.db), label: `PGlite in ${dataDir}` };
  } finally {
    await handle.close();
  }
}

const fmtMs = (stats: LoadStats): string => `p50 ${stats.p50Ms} ms, p99 ${stats.p99Ms} ms`;

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

  const dataDir = makeDataDir();
  const database = await prepareDatabase(dataDir);
  console.log(`database: ${database.label}; readers ${database.readers.free.email} (free), ${database.readers.subscriber.email} (active subscription)`);
  const startedAt = Date.now();
  server = await startServer(build.dir, { dataDir, databaseUrl: database.databaseUrl });
  console.log(
    `server: npm start (pid ${server.pid}) on port ${server.port} (demo mode, DATA_DIR ${server.dataDir}); ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
  );
  const base = server.url;
  const pages = pagesFor(database.readers);
  const page = (key: string): BenchPage => {
    const found = pages.find((p) => p.key === key);
    if (!found) throw new Error(`no page ${key}`);
    return found;
  };

  let failures = 0;
  const count = (stats: LoadStats): LoadStats => {
    failures += stats.non2xx + stats.errors;
    return stats;
  };

  console.log(`\nwarm-up (${warmupRequests} requests per page):`);
  for (const p of pages) {
    const first = await Promise.all(p.paths.map((path) => probe(base, path, p.headers)));
    for (const path of p.paths) count(await warmUp(base, path, warmupRequests, Math.min(10, options.connections), p.headers));
    const after = await Promise.all(p.paths.map((path) => probe(base, path, p.headers)));
    const [document] = after;
    const ok = [...first, ...after].every((r) => r.status === 200);
    const shows = ok && after.some((r) => r.body.includes(p.expect));
    const leaks = [...first, ...after].some((r, i) => (p.gated || i % p.paths.length === 0) && r.body.includes(ANALYSIS));
    if (!shows || leaks) failures += 1;
    console.log(
      `  ${p.key.padEnd(10)} ${p.paths.join(" + ")}: HTTP ${after.map((r) => r.status).join(", ")}; ` +
        `document x-nextjs-cache ${document?.cache}, cache-control "${document?.cacheControl}", ${((document?.bytes ?? 0) / 1024).toFixed(1)} KiB` +
        (after[1] ? `; island cache-control "${after[1].cacheControl}", ${(after[1].bytes / 1024).toFixed(1)} KiB` : "") +
        (shows ? "" : `  <-- expected HTTP 200 and "${p.expect}"`) +
        (leaks ? "  <-- LEAK: the analysis in a shared document or in the answer to a reader who may not read it" : ""),
    );
  }

  // The first loaded run used to come out slower than the same page later (the JIT and the heap still
  // growing into full concurrency): a short unmeasured run of every page first.
  const settle = { ...options, duration: envNumber("BENCH_SETTLE", 2, false) };
  console.log(`\nsettling (${settle.duration} s of each page at ${options.connections} connections, not measured)`);
  for (const p of pages) count(await load(`settle ${p.key}`, base, p.paths, settle, p.headers));

  // Every page runs between two baseline runs and is compared with their mean: the server's speed
  // drifts over a run of this length (the JIT, the heap, a shared machine), and a page measured
  // against baselines at the far ends of the run took the drift into its ratio.
  const measured = ["home", "teaser", "member", "subscriber"].map(page);
  console.log(`\nload (sequential, ${options.duration} s each, a baseline run before and after each page):`);
  const baselines: LoadStats[] = [];
  const runBaseline = async (): Promise<LoadStats> => {
    const label = `baseline ${baselines.length + 1}`;
    const stats = count(await load(label, base, page("baseline").paths, options));
    baselines.push(stats);
    console.log(`  ${label.padEnd(10)} ${stats.path}: ${stats.reqPerSec.toFixed(1)} req/s, ${fmtMs(stats)}`);
    return stats;
  };
  let before = await runBaseline();
  const results = new Map<string, { stats: LoadStats; baseline: number }>();
  for (const p of measured) {
    const stats = count(await load(p.key, base, p.paths, options, p.headers));
    console.log(`  ${p.key.padEnd(10)} ${stats.path}: ${stats.viewsPerSec.toFixed(1)} views/s (${stats.reqPerSec.toFixed(1)} req/s), ${fmtMs(stats)}`);
    const after = await runBaseline();
    results.set(p.key, { stats, baseline: (before.reqPerSec + after.reqPerSec) / 2 });
    before = after;
  }
  const rss = treeRss(server.pid);

  const get = (key: string): { stats: LoadStats; baseline: number } => {
    const found = results.get(key);
    if (!found) throw new Error(`missing run ${key}`);
    return found;
  };
  const ratio = (key: string): string => `${(get(key).stats.viewsPerSec / get(key).baseline).toFixed(2)} (÷ ${get(key).baseline.toFixed(1)} req/s)`;
  const overall = baselines.reduce((sum, b) => sum + b.reqPerSec, 0) / baselines.length;
  const pageRow = (key: string): Row => {
    const { stats, baseline } = get(key);
    const row = rowOf(stats, baseline);
    return key === "member" || key === "subscriber" ? { ...row, path: `${stats.path} (${key}'s cookie)` } : row;
  };
  const rows: Row[] = [...baselines.map((b) => rowOf(b, overall)), ...measured.map((p) => pageRow(p.key))];
  const rates = baselines.map((b) => b.reqPerSec);

  console.log(`\ndatabase: ${database.label}\n${formatTable(rows)}\n`);
  console.log(
    `baseline runs: ${rates.map((r) => r.toFixed(1)).join(", ")} req/s (mean ${overall.toFixed(1)}; slowest ÷ fastest = ${(Math.min(...rates) / Math.max(...rates)).toFixed(2)})`,
  );
  console.log("a page's ratio: its views per second (a view = the document + its island's request) ÷ the mean req/s of the baseline runs just before and after it");
  console.log(`ratio home/baseline       = ${ratio("home")}`);
  console.log(`ratio teaser/baseline     = ${ratio("teaser")} (goal ≥ ${GOALS.teaser})`);
  console.log(`ratio member/baseline     = ${ratio("member")}`);
  console.log(
    `ratio subscriber/baseline = ${ratio("subscriber")} (goal ≥ ${GOALS.subscriber}), p99 per request ${get("subscriber").stats.p99Ms} ms (goal ≤ ${GOALS.subscriberP99Ms} ms)`,
  );
  console.log(
    `server RSS after the load = ${rss.totalMiB.toFixed(0)} MiB (goal ≤ ${GOALS.rssMiB}): ` +
      rss.processes.map((p) => `${p.name} ${p.pid} ${p.rssMiB.toFixed(0)} MiB`).join(", "),
  );

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
