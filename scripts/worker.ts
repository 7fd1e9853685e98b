/**
 * npm run worker — the job workers without the web app, for scale: several of these processes
 * (and the app's embedded worker) share the pg-boss queues on PostgreSQL.
 *
 *   DATABASE_URL=postgres://… npm run worker                     every queue (lib/jobs/worker.ts)
 *   DATABASE_URL=postgres://… npm run worker -- --newsletter-only  only the newsletter fan-out
 *
 * Needs DATABASE_URL: the embedded PGlite database belongs to the app process, whose embedded
 * worker serves it. The schema must be migrated (the app does it on start; or `npm run db:migrate`).
 * Prints `worker ready (pid …)` once it is taking jobs; SIGTERM/SIGINT stop it gracefully.
 */
import { ConfigError, config } from "@/lib/env";
import { handle } from "@/lib/db";
import { createBoss } from "@/lib/jobs/boss";
import { registerNewsletterWorkers } from "@/lib/newsletter/worker";

async function main(): Promise<void> {
  const cfg = config();
  if (!cfg.databaseUrl) {
    throw new ConfigError(
      "npm run worker needs DATABASE_URL (PostgreSQL). With the embedded PGlite database the app runs its worker itself.",
    );
  }
  const newsletterOnly = process.argv.includes("--newsletter-only");
  const h = await handle();
  const b = createBoss(h);
  b.on("error", (err: unknown) => console.error("job queue error", err));
  await b.start();
  if (newsletterOnly) {
    await registerNewsletterWorkers(b);
  } else {
    const { registerAllWorkers } = await import("@/lib/jobs/worker");
    await registerAllWorkers(b);
  }
  console.log(`worker ready (pid ${process.pid}${newsletterOnly ? ", newsletter only" : ""}; mail via ${cfg.resend ? "Resend" : "local outbox"})`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`worker: ${signal}, finishing current jobs`);
    b.stop({ graceful: true, timeout: 30_000 })
      .then(() => h.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          console.error("worker: stop failed", err);
          process.exit(1);
        },
      );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? `\n${err.message}\n` : err);
  process.exit(1);
});
