import "server-only";
import { ConfigError, config, type Config } from "./env";
import { handle } from "@/lib/db";
import { seedIfEmpty } from "@/db/seed";
import { backfillAnalysisHtml } from "@/lib/pieces/analysis-html";
import { registerFrontRoute } from "@/lib/http/front-routes.mjs";
import { readerEditionFrontRoute } from "@/lib/pieces/reader-edition-answer";
import { READER_EDITION_PREFIX } from "@/lib/pieces/reader-edition-wire";

const state = globalThis as unknown as { esmBooted?: Promise<void> };

async function startEmbeddedWorker(): Promise<void> {
  const [{ boss }, { registerAllWorkers }] = await Promise.all([import("./jobs/boss"), import("./jobs/worker")]);
  await registerAllWorkers(await boss());
}

function banner(cfg: Config, kind: string): string {
  const lines = [
    `${cfg.publication.name} ${cfg.demoMode ? "(demo mode)" : ""}`.trim(),
    `  app:       ${cfg.appUrl}`,
    `  database:  ${kind === "pglite" ? `embedded PGlite in ${cfg.dataDir}` : "PostgreSQL (DATABASE_URL)"}`,
  ];
  if (cfg.demoMode) {
    lines.push(`  mail:      local outbox at ${cfg.appUrl}/dev/mailbox`);
    lines.push(`  admin:     sign in as ${cfg.adminEmails.join(", ") || "(ADMIN_EMAILS unset)"}`);
  }
  return lines.join("\n");
}

/** A configuration error (or a port clash) is one clear message and a stop, never a stack trace. */
function stopOnConfigError(err: unknown): void {
  if (err instanceof ConfigError) {
    console.error(`\n${err.message}\n`);
    process.exit(1);
  }
}

async function start(): Promise<void> {
  let cfg: Config;
  try {
    cfg = config();
  } catch (err) {
    stopOnConfigError(err);
    throw err;
  }
  const h = await handle();
  await h.migrate();
  if (cfg.demoMode) {
    const seeded = await seedIfEmpty(h.db);
    if (seeded > 0) console.log(`seeded ${seeded} demo pieces`);
  }
  const rendered = await backfillAnalysisHtml(h.db);
  if (rendered > 0) console.log(`rendered the stored analysis HTML of ${rendered} pieces`);
  if (cfg.demoMode && cfg.stripe.standin) {
    try {
      await (await import("./demo")).startDemoServices(cfg, cfg.stripe.standin);
    } catch (err) {
      stopOnConfigError(err);
      throw err;
    }
  }
  if (cfg.embeddedWorker) await startEmbeddedWorker();
  registerFrontRoute(READER_EDITION_PREFIX, readerEditionFrontRoute);
  console.log(banner(cfg, h.kind));
}

/** Validates configuration, migrates, seeds the demo, and brings up the embedded services. Once per process. */
export function boot(): Promise<void> {
  state.esmBooted ??= start();
  return state.esmBooted;
}

/** For the server's start: a server that could not migrate or reach its database must not say "Ready"; it stops, so its supervisor restarts it once the database is back. */
export async function bootOrStop(): Promise<void> {
  try {
    await boot();
  } catch (err) {
    console.error("\nstart-up failed; stopping.\n", err);
    process.exit(1);
  }
}
