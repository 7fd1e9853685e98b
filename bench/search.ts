/**
 * npm run bench:search — full-text search against the newest-first listing of the same database.
 *
 * Fills a database (PostgreSQL when DATABASE_URL is set, a throwaway one; else PGlite in a temporary
 * directory) with BENCH_SEARCH_PIECES published pieces (default 5,000) of seeded random words, then
 * times, as medians of 25 runs each: the home page's query (`listPublished`, page 1: the baseline),
 * and `searchPieces` for a common word and a rare one, anonymous and as a subscriber (whose search
 * also reaches the analyses). Prints each median and its ratio to the baseline (goal ≤ 10×).
 * Asserts nothing but that each search finds something.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pieces, subscriptions, users } from "@/db/schema";
import { ANONYMOUS, type Viewer } from "@/lib/access/rule";
import { viewerForUser } from "@/lib/auth/viewer-facts";
import { listPublished } from "@/lib/pieces/queries";
import { searchPieces } from "@/lib/pieces/search";
import { mulberry32 } from "@/test-support/prng";
import { openBenchDatabase } from "./fanout-db";

const PIECES = Number(process.env.BENCH_SEARCH_PIECES ?? 5_000);
const RUNS = 25;
const now = new Date();
const policy = { now, paymentGraceDays: 7 };

const rng = mulberry32(20261128);
const syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "qui", "pel", "dor", "sun", "bra", "tek", "nos", "fi", "gal", "ux"];
// Zipf-like vocabulary: a few words in most pieces, most words in few.
const vocabulary = Array.from({ length: 3_000 }, (_, i) => `${syllables[i % 16]}${syllables[Math.floor(i / 16) % 16]}${syllables[Math.floor(i / 256) % 16]}`);
const word = () => vocabulary[Math.floor(vocabulary.length * rng.next() ** 3)]!;
const text = (n: number) => Array.from({ length: n }, word).join(" ");

async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "esm-search-"));
  const bench = await openBenchDatabase(dataDir);
  try {
    const d = bench.handle.db;
    const visibilities = ["public", "members", "paid", "paid"] as const;
    for (let start = 0; start < PIECES; start += 500) {
      await d.insert(pieces).values(
        Array.from({ length: Math.min(500, PIECES - start) }, (_, k) => ({
          slug: `bench-${start + k}`,
          category: "Markets",
          headline: text(10),
          teaser: text(60),
          analysis: text(300),
          ctaPitch: "Pitch",
          sourceOutlet: "Outlet",
          sourceHeadline: text(10),
          sourceBody: text(40),
          visibility: visibilities[(start + k) % 4]!,
          status: "published" as const,
          publishAt: new Date(now.getTime() - (start + k + 1) * 60_000),
        })),
      );
    }
    const [u] = await d.insert(users).values({ email: "bench-subscriber@example.com" }).returning({ id: users.id });
    await d.insert(subscriptions).values({ id: "sub_bench", customerId: "cus_bench", userId: u!.id, status: "active", currentPeriodEnd: new Date(now.getTime() + 86_400_000), cancelAtPeriodEnd: false });
    const subscriber = await viewerForUser(u!.id);

    const common = vocabulary[0]!;
    const rare = vocabulary[vocabulary.length - 1]!;
    const search = (q: string, viewer: Viewer) => () => searchPieces({ query: q, page: 1, pageSize: 10, viewer, policy });
    for (const [q, v] of [[common, ANONYMOUS], [rare, subscriber]] as const) {
      if ((await search(q, v)()).total === 0) throw new Error(`the benchmark's search for ${q} found nothing`);
    }
    const baseline = await median(() => listPublished({ page: 1, pageSize: 10, now }));
    console.log(`search over ${PIECES} pieces on ${bench.label}; medians of ${RUNS} runs`);
    console.log(`  baseline listPublished page 1:   ${baseline.toFixed(2)} ms`);
    for (const [label, run] of [
      ["common word, anonymous", search(common, ANONYMOUS)],
      ["common word, subscriber", search(common, subscriber)],
      ["rare word, anonymous", search(rare, ANONYMOUS)],
      ["rare word, subscriber", search(rare, subscriber)],
      ["two words, subscriber, page 3", () => searchPieces({ query: `${common} ${vocabulary[1]}`, page: 3, pageSize: 10, viewer: subscriber, policy })],
    ] as const) {
      const ms = await median(run);
      console.log(`  ${label.padEnd(32)} ${ms.toFixed(2)} ms  (${(ms / baseline).toFixed(1)}× baseline; goal ≤ 10×)`);
    }
  } finally {
    await bench.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
