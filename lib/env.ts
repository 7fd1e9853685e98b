import "server-only";
import { z } from "zod";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Validated configuration. In demo mode every service has an embedded default
 * (PGlite, local outbox, local Stripe stand-in); outside it the real keys are required.
 */
const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

const portNumber = optionalString.pipe(z.coerce.number<string | undefined>().int().min(1).max(65535).optional());

const DEFAULT_PORT = 3000;
/** 3000 → 12111: the stand-in's port beside the app's, when nobody chose one. */
const STANDIN_PORT_OFFSET = 9111;

/** APP_URL, or the app on this machine at PORT. */
const appUrlOf = (env: { APP_URL?: string; PORT?: number }): string =>
  (env.APP_URL ?? `http://localhost:${env.PORT ?? DEFAULT_PORT}`).replace(/\/$/, "");

/** The stand-in's port: the one chosen in STRIPE_STANDIN_PORT, else one derived from PORT (0 when none fits: any free port). */
function standinPortOf(env: { PORT?: number; STRIPE_STANDIN_PORT?: number }): { port: number; chosen: boolean } {
  if (env.STRIPE_STANDIN_PORT !== undefined) return { port: env.STRIPE_STANDIN_PORT, chosen: true };
  const derived = (env.PORT ?? DEFAULT_PORT) + STANDIN_PORT_OFFSET;
  return { port: derived <= 65535 ? derived : 0, chosen: false };
}

const schema = z.object({
  DEMO_MODE: bool,
  APP_URL: optionalString.pipe(z.url().optional()),
  /** Auth.js's base URL; when set it must be APP_URL's origin (sign-in links never come from request headers). */
  AUTH_URL: optionalString.pipe(z.url().optional()),
  NODE_ENV: z.string().optional(),
  PUBLICATION_NAME: z.string().min(1).max(80).default("ESM Insight"),
  PUBLICATION_TAGLINE: z.string().min(1).max(160).default("The risk behind the headline"),
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: optionalString.pipe(z.url().optional()),
  AUTH_SECRET: optionalString,
  ADMIN_EMAILS: optionalString,
  MAIL_FROM: optionalString,
  RESEND_API_KEY: optionalString,
  RESEND_BASE_URL: optionalString.pipe(z.url().optional()),
  RESEND_WEBHOOK_SECRET: optionalString,
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  STRIPE_PRICE_MONTHLY: optionalString,
  STRIPE_PRICE_YEARLY: optionalString,
  /** The billing portal configuration (bpc_…) portal sessions use; unset, the one `npm run stripe:setup` made, found by its metadata. */
  STRIPE_PORTAL_CONFIGURATION: optionalString.pipe(z.string().startsWith("bpc_", "STRIPE_PORTAL_CONFIGURATION must be a billing portal configuration id (bpc_…)").optional()),
  STRIPE_TRIAL_DAYS: z.coerce.number().int().min(0).max(90).default(0),
  /** Stripe Tax on every Checkout: billing address and tax id collected, tax added by Stripe. */
  STRIPE_AUTOMATIC_TAX: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => v === "true" || v === "1"),
  /** Where the app listens (npm start, npm run dev); APP_URL's default follows it. */
  PORT: portNumber,
  /** Demo mode: the Stripe stand-in's port; unset, it is PORT + 9111 (12111 beside 3000), or any free port if that one is taken. */
  STRIPE_STANDIN_PORT: portNumber,
  SIGNIN_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).max(1000).default(5),
  SIGNIN_LIMIT_PER_IP: z.coerce.number().int().min(1).max(100_000).default(20),
  EMBEDDED_WORKER: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => v !== "false" && v !== "0"),
  PAYMENT_GRACE_DAYS: z.coerce.number().int().min(0).max(60).default(7),
  /** Length of a "day" in the dunning sequence (reminders at +3 and +6 days); short in tests and demos. */
  DUNNING_DAY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(86_400),
  /** Newsletter fan-out: concurrent senders per send in one worker process (and jobs per send). */
  NEWSLETTER_LANES: z.coerce.number().int().min(1).max(32).default(4),
  /** Uploaded images in an S3-compatible bucket instead of the database (all of S3_BUCKET and the two keys, or none). */
  S3_BUCKET: optionalString,
  S3_REGION: optionalString,
  /** Another S3-compatible service (R2, MinIO, …): its endpoint; requests then use path-style addresses. */
  S3_ENDPOINT: optionalString.pipe(z.url().optional()),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  /** Newsletter fan-out: how long a claimed batch stays locked to its worker without a renewal. */
  NEWSLETTER_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(60),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  demoMode: boolean;
  appUrl: string;
  /** Auth.js's base URL, always derived from APP_URL. */
  authUrl: string;
  publication: { name: string; tagline: string };
  dataDir: string;
  databaseUrl: string | undefined;
  authSecret: string;
  adminEmails: string[];
  mailFrom: string;
  resend: { apiKey: string; baseUrl: string | undefined } | undefined;
  stripe: {
    secretKey: string;
    webhookSecret: string;
    priceMonthly: string | undefined;
    priceYearly: string | undefined;
    trialDays: number;
    portalConfiguration: string | undefined;
    automaticTax: boolean;
    /** Demo mode's stand-in: its port, and whether STRIPE_STANDIN_PORT chose it (else another free port may do). */
    standin: { port: number; chosen: boolean } | undefined;
  };
  paymentGraceDays: number;
  dunningDaySeconds: number;
  /** Secret of the Resend (svix) webhook; the demo default only in demo mode. */
  resendWebhookSecret: string | undefined;
  newsletter: { lanes: number; leaseSeconds: number };
  /** Run the job queue's workers inside the app process (default); `npm run worker` runs them alone. */
  embeddedWorker: boolean;
  signInLimits: { perEmail: number; perIp: number; windowMinutes: number };
  /** Where uploaded images' bytes live when not in the database. */
  mediaBucket: MediaBucket | undefined;
}

export interface MediaBucket {
  bucket: string;
  region: string;
  endpoint: string | undefined;
  accessKeyId: string;
  secretAccessKey: string;
}

/** Variables a real deployment must set when DEMO_MODE is off. */
export const REQUIRED_OUTSIDE_DEMO = [
  "DATABASE_URL",
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "RESEND_API_KEY",
  "AUTH_SECRET",
  "APP_URL",
] as const;

export class ConfigError extends Error {
  override name = "ConfigError";
}

export const DEMO_STRIPE_KEY = "sk_test_standin";
export const DEMO_WEBHOOK_SECRET = "whsec_demo_standin_secret";
/** svix-format secret (whsec_ + base64 of 32 bytes) for the Resend webhook in demo mode. */
export const DEMO_RESEND_WEBHOOK_SECRET = "whsec_ZXNtLWluc2lnaHQgZGVtbyByZXNlbmQgd2ViaG9vayE=";

function embeddedSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname) || hostname.toLowerCase().endsWith(".localhost");
}

/**
 * Demo mode serves a mailbox anyone can read and takes test payments: it runs on this machine
 * only, never in production with real keys.
 */
function refuseUnsafeDemo(env: Env, appUrl: string): void {
  if (!isLoopbackHost(new URL(appUrl).hostname)) {
    throw new ConfigError(
      `DEMO_MODE=true needs a loopback APP_URL (such as http://localhost:3000), not ${appUrl}: demo mode's mailbox would be public. Unset DEMO_MODE to run for real.`,
    );
  }
  const databaseHost = env.DATABASE_URL ? new URL(env.DATABASE_URL).hostname : undefined;
  const realKeys = [
    env.STRIPE_SECRET_KEY ? "STRIPE_SECRET_KEY" : undefined,
    env.RESEND_API_KEY ? "RESEND_API_KEY" : undefined,
    databaseHost && !isLoopbackHost(databaseHost) ? "DATABASE_URL" : undefined,
  ].filter((k): k is string => k !== undefined);
  if (env.NODE_ENV === "production" && realKeys.length > 0) {
    throw new ConfigError(`DEMO_MODE=true refuses to run in production with real keys set (${realKeys.join(", ")}). Unset DEMO_MODE.`);
  }
}

export function parseConfig(source: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const demo = env.DEMO_MODE;
  if (!demo) {
    const missing = REQUIRED_OUTSIDE_DEMO.filter((k) => !env[k]);
    if (missing.length > 0) {
      throw new ConfigError(
        `Missing configuration: ${missing.join(", ")}.\n` +
          `Set them (see .env.example) or run the embedded demo with DEMO_MODE=true.`,
      );
    }
  }
  const appUrl = appUrlOf(env);
  if (demo) refuseUnsafeDemo(env, appUrl);
  if (env.AUTH_URL && new URL(env.AUTH_URL).origin !== new URL(appUrl).origin) {
    throw new ConfigError(`AUTH_URL (${env.AUTH_URL}) must be on APP_URL's origin (${new URL(appUrl).origin}); unset it to derive it from APP_URL.`);
  }
  if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
    throw new ConfigError("STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY: webhooks from a real Stripe account are never checked against the demo secret.");
  }
  const dataDir = path.resolve(env.DATA_DIR);
  const usesStandin = !env.STRIPE_SECRET_KEY;
  return {
    demoMode: demo,
    appUrl,
    authUrl: `${appUrl}/api/auth`,
    publication: { name: env.PUBLICATION_NAME, tagline: env.PUBLICATION_TAGLINE },
    dataDir,
    databaseUrl: env.DATABASE_URL,
    authSecret: env.AUTH_SECRET ?? embeddedSecret(dataDir),
    adminEmails: (env.ADMIN_EMAILS ?? (demo ? "admin@example.com" : ""))
      .split(",")
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
    mailFrom: env.MAIL_FROM ?? `${env.PUBLICATION_NAME} <newsletter@esm-insight.example>`,
    resend: env.RESEND_API_KEY
      ? { apiKey: env.RESEND_API_KEY, baseUrl: env.RESEND_BASE_URL }
      : undefined,
    stripe: {
      secretKey: env.STRIPE_SECRET_KEY ?? DEMO_STRIPE_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? DEMO_WEBHOOK_SECRET,
      priceMonthly: env.STRIPE_PRICE_MONTHLY,
      priceYearly: env.STRIPE_PRICE_YEARLY,
      trialDays: env.STRIPE_TRIAL_DAYS,
      portalConfiguration: env.STRIPE_PORTAL_CONFIGURATION,
      automaticTax: env.STRIPE_AUTOMATIC_TAX,
      standin: usesStandin ? standinPortOf(env) : undefined,
    },
    paymentGraceDays: env.PAYMENT_GRACE_DAYS,
    dunningDaySeconds: env.DUNNING_DAY_SECONDS,
    resendWebhookSecret: env.RESEND_WEBHOOK_SECRET ?? (demo ? DEMO_RESEND_WEBHOOK_SECRET : undefined),
    newsletter: { lanes: env.NEWSLETTER_LANES, leaseSeconds: env.NEWSLETTER_LEASE_SECONDS },
    embeddedWorker: env.EMBEDDED_WORKER,
    signInLimits: { perEmail: env.SIGNIN_LIMIT_PER_EMAIL, perIp: env.SIGNIN_LIMIT_PER_IP, windowMinutes: 15 },
    mediaBucket: mediaBucketOf(env),
  };
}

function mediaBucketOf(env: Env): MediaBucket | undefined {
  const named = [env.S3_BUCKET, env.S3_ACCESS_KEY_ID, env.S3_SECRET_ACCESS_KEY];
  if (named.every((v) => v === undefined) && !env.S3_ENDPOINT && !env.S3_REGION) return undefined;
  if (!env.S3_BUCKET || !env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY) {
    throw new ConfigError("An S3 media store needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together; unset all S3_* to keep images in the database.");
  }
  return {
    bucket: env.S3_BUCKET,
    region: env.S3_REGION ?? "us-east-1",
    endpoint: env.S3_ENDPOINT,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
  };
}

const globalForConfig = globalThis as unknown as { esmConfig?: Config };

/** The process configuration, parsed once on first use (never at import time). */
export function config(): Config {
  globalForConfig.esmConfig ??= parseConfig(process.env);
  return globalForConfig.esmConfig;
}

/** Only what opening the database needs (for the db:* scripts and the worker). */
export function databaseConfig(source: Record<string, string | undefined> = process.env): {
  databaseUrl: string | undefined;
  dataDir: string;
} {
  const parsed = schema.pick({ DATABASE_URL: true, DATA_DIR: true }).parse(source);
  return { databaseUrl: parsed.DATABASE_URL, dataDir: path.resolve(parsed.DATA_DIR) };
}

/** The publication's public identity; safe to read during `next build` (needs no secrets). */
export function siteConfig(source: Record<string, string | undefined> = process.env): {
  name: string;
  tagline: string;
  appUrl: string;
} {
  const parsed = schema.pick({ PUBLICATION_NAME: true, PUBLICATION_TAGLINE: true, APP_URL: true, PORT: true }).parse(source);
  return {
    name: parsed.PUBLICATION_NAME,
    tagline: parsed.PUBLICATION_TAGLINE,
    appUrl: appUrlOf(parsed),
  };
}
