/**
 * Run the Resend stand-in as its own process:
 *
 *   npx tsx standins/resend/cli.ts
 *
 * Environment (all optional; empty = unset):
 *   RESEND_STANDIN_PORT        port, default 0 (random)
 *   RESEND_STANDIN_HOST        interface, default 127.0.0.1
 *   RESEND_STANDIN_RATE        rateLimitPerSecond (unset = no limit)
 *   RESEND_STANDIN_FAIL        failFraction 0..1, default 0
 *   RESEND_STANDIN_SEED        PRNG seed, default 1
 *   RESEND_STANDIN_LATENCY_MS  latencyMs, default 0
 *   RESEND_STANDIN_WEBHOOK_URL, RESEND_STANDIN_WEBHOOK_SECRET  where to POST signed email.* events
 *
 * Prints exactly one line `listening <url>` on stdout when ready; exits 0 on
 * SIGINT/SIGTERM, 1 on bad configuration.
 */
import { z } from "zod";
import { startResendStandin, type ResendStandinOptions } from "./server";

const unsetIfEmpty = (v: unknown) => (v === "" ? undefined : v);
const int = (min: number) => z.preprocess(unsetIfEmpty, z.coerce.number().int().min(min).optional());

const envSchema = z.object({
  RESEND_STANDIN_PORT: int(0),
  RESEND_STANDIN_HOST: z.preprocess(unsetIfEmpty, z.string().optional()),
  RESEND_STANDIN_RATE: int(0),
  RESEND_STANDIN_FAIL: z.preprocess(unsetIfEmpty, z.coerce.number().min(0).max(1).optional()),
  RESEND_STANDIN_SEED: z.preprocess(unsetIfEmpty, z.coerce.number().int().optional()),
  RESEND_STANDIN_LATENCY_MS: int(0),
  RESEND_STANDIN_WEBHOOK_URL: z.preprocess(unsetIfEmpty, z.url().optional()),
  RESEND_STANDIN_WEBHOOK_SECRET: z.preprocess(unsetIfEmpty, z.string().startsWith("whsec_").optional()),
});

async function main(): Promise<void> {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    process.stderr.write(`resend stand-in: invalid environment: ${parsed.error.message}\n`);
    process.exit(1);
  }
  const env = parsed.data;
  const opts: ResendStandinOptions = { port: env.RESEND_STANDIN_PORT ?? 0 };
  if (env.RESEND_STANDIN_HOST !== undefined) opts.host = env.RESEND_STANDIN_HOST;
  if (env.RESEND_STANDIN_RATE !== undefined) opts.rateLimitPerSecond = env.RESEND_STANDIN_RATE;
  if (env.RESEND_STANDIN_FAIL !== undefined) opts.failFraction = env.RESEND_STANDIN_FAIL;
  if (env.RESEND_STANDIN_SEED !== undefined) opts.seed = env.RESEND_STANDIN_SEED;
  if (env.RESEND_STANDIN_LATENCY_MS !== undefined) opts.latencyMs = env.RESEND_STANDIN_LATENCY_MS;
  if (env.RESEND_STANDIN_WEBHOOK_URL && env.RESEND_STANDIN_WEBHOOK_SECRET) {
    opts.webhook = { url: env.RESEND_STANDIN_WEBHOOK_URL, secret: env.RESEND_STANDIN_WEBHOOK_SECRET };
  }

  const standin = await startResendStandin(opts);
  process.stdout.write(`listening ${standin.url}\n`);

  const stop = (): void => {
    standin.close().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`resend stand-in: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
