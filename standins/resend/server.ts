/**
 * Local HTTP stand-in for Resend's email API (https://api.resend.com), so the
 * real `resend` SDK works offline:
 *
 *   const standin = await startResendStandin({ port: 0 });
 *   const resend = new Resend("re_test_x", { baseUrl: standin.url });
 *   // or: process.env.RESEND_BASE_URL = standin.url (read by `new Resend()` at construction)
 *
 * API endpoints (auth: `Authorization: Bearer re_…`):
 *   POST /emails            → { id }
 *   POST /emails/batch      → { data: [{ id }] } (+ `errors` with `x-batch-validation: permissive`)
 *   GET  /emails/:id        → Resend's retrieve shape (object: 'email', last_event: 'delivered')
 * Control endpoints (no auth, not counted, never rate-limited or failed):
 *   GET /_test/health, GET /_test/messages?to=&since=&limit=, GET /_test/stats,
 *   GET|POST /_test/config, POST /_test/reset
 *
 * Order of checks for an API request: route (404/405) → auth (401/403) →
 * rate limit (429) → injected failure (500) → Idempotency-Key (400/409/replay)
 * → body parsing/validation (400/422) → record + 200.
 *
 * Rate limit: fixed 1-second windows aligned on wall-clock seconds, global
 * (not per API key); refused requests do not consume quota. Headers on every
 * API response while a limit is set: `ratelimit-limit`, `ratelimit-remaining`,
 * `ratelimit-reset` (whole seconds until the window ends, i.e. 1), plus
 * `retry-after: 1` on a 429. `x-ratelimit-reset-ms` gives the exact ms.
 *
 * Everything is in memory; per message the work is O(1).
 */
import { emailEvent, emailEventRequestSchema, postEvent, type EmailEventType, type WebhookTarget } from "./webhook-events";
import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { CreateEmailResponseSuccess, ErrorResponse, GetEmailResponseSuccess } from "resend";
import { configPatchSchema, messageQuerySchema, type RequestCount, type StandinConfig } from "./control-schemas";
import { IdempotencyStore, type StoredResponse } from "./idempotency";
import { MessageStore, type MessagePage, type MessageQuery, type RecordedMessage } from "./message-store";
import { mulberry32, type Rng } from "@/test-support/prng";
import { FixedWindowRateLimiter, type RateLimitState } from "./rate-limit";
import { validateEmail, type ValidEmail } from "./validation";

export type { RecordedMessage, MessagePage, MessageQuery } from "./message-store";
export type { RequestCount, StandinConfig, StandinStats } from "./control-schemas";

export interface ResendStandinOptions {
  /** 0 = random free port. */
  port: number;
  /** Interface to bind. Default 127.0.0.1. */
  host?: string;
  /** If set: more than N API requests in one wall-clock second → 429. */
  rateLimitPerSecond?: number;
  /** 0..1: that fraction of API requests answer 500 (deterministic PRNG from `seed`). */
  failFraction?: number;
  /** PRNG seed for failFraction. Default 1. */
  seed?: number;
  /**
   * Delay (ms) between recording an email and answering. The Idempotency-Key
   * stays "in progress" meanwhile, so this opens the window in which a client
   * can die after the email was sent but before it saw the answer. Default 0.
   */
  latencyMs?: number;
  /**
   * Where to POST Resend's signed webhook events (./webhook-events.ts): `email.delivered` for each
   * recorded message, and whatever `POST /_test/messages/:id/events` asks for (opened, clicked).
   */
  webhook?: WebhookTarget;
}

export type ResendStandinConfigPatch = Partial<Pick<ResendStandinOptions, "rateLimitPerSecond" | "failFraction" | "latencyMs">>;

export interface ResendStandin {
  /** e.g. http://127.0.0.1:43123 (no trailing slash; pass as the SDK's baseUrl). */
  url: string;
  port: number;
  /** All recorded messages in arrival order (a copy of the list; don't mutate the items). */
  messages(): RecordedMessage[];
  /** Filtered / paged view, same as GET /_test/messages. */
  queryMessages(q?: MessageQuery): MessagePage;
  requestCount(): RequestCount;
  /**
   * Change behaviour at run time. A key that is present with value
   * `undefined` turns that feature off (rateLimitPerSecond) or back to 0.
   */
  configure(o: ResendStandinConfigPatch): void;
  config(): StandinConfig;
  /**
   * Forget all messages, counters and idempotency keys, re-seed the PRNG and
   * restore the configuration given to startResendStandin().
   */
  reset(): void;
  close(): Promise<void>;
}

export const MAX_BATCH_SIZE = 100;
const MAX_BODY_BYTES = 40 * 1024 * 1024;

type Json = Record<string, unknown> | unknown[];

interface Outcome {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

class BodyError extends Error {
  constructor(readonly kind: "too-large" | "aborted") {
    super(kind);
  }
}

function errorBody(statusCode: number, name: ErrorResponse["name"], message: string): string {
  const body: ErrorResponse = { statusCode, name, message };
  return JSON.stringify(body);
}

function outcome(status: number, body: Json): Outcome {
  return { status, body: JSON.stringify(body) };
}

function errorOutcome(statusCode: number, name: ErrorResponse["name"], message: string): Outcome {
  return { status: statusCode, body: errorBody(statusCode, name, message) };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on("data", (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        failed = true;
        reject(new BodyError("too-large"));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!failed) resolve(chunks.length === 1 && chunks[0] ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8"));
    });
    req.on("error", () => {
      if (!failed) reject(new BodyError("aborted"));
      failed = true;
    });
    req.on("close", () => {
      if (!req.complete && !failed) {
        failed = true;
        reject(new BodyError("aborted"));
      }
    });
  });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function send(res: ServerResponse, o: Outcome, extraHeaders?: Record<string, string>): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(o.body),
    ...extraHeaders,
    ...o.headers,
  };
  res.writeHead(o.status, headers);
  res.end(o.body);
}

function rateHeaders(s: RateLimitState): Record<string, string> {
  return {
    "ratelimit-limit": String(s.limit),
    "ratelimit-remaining": String(s.remaining),
    "ratelimit-reset": String(s.resetSeconds),
    "x-ratelimit-reset-ms": String(s.resetMs),
  };
}

function normalizePath(rawUrl: string): { path: string; query: URLSearchParams } {
  const q = rawUrl.indexOf("?");
  let path = (q === -1 ? rawUrl : rawUrl.slice(0, q)).replace(/\/{2,}/g, "/");
  if (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
  return { path, query: new URLSearchParams(q === -1 ? "" : rawUrl.slice(q + 1)) };
}

function retrieveShape(m: RecordedMessage): GetEmailResponseSuccess {
  const shape: GetEmailResponseSuccess = {
    object: "email",
    id: m.id,
    message_id: `<${m.id}@resend-standin.local>`,
    from: m.from,
    to: m.to,
    cc: m.cc ?? null,
    bcc: m.bcc ?? null,
    reply_to: m.replyTo ?? null,
    subject: m.subject,
    html: m.html ?? null,
    text: m.text ?? null,
    created_at: new Date(m.receivedAt).toISOString(),
    scheduled_at: m.scheduledAt ?? null,
    last_event: "delivered",
    topic_id: m.topicId ?? null,
  };
  if (m.tags) shape.tags = m.tags;
  return shape;
}

type ApiRoute = { kind: "send" } | { kind: "batch" } | { kind: "retrieve"; id: string };

function matchApiRoute(method: string, path: string): ApiRoute | Outcome {
  if (path === "/emails") {
    return method === "POST" ? { kind: "send" } : errorOutcome(405, "method_not_allowed", "Method is not allowed for the requested path.");
  }
  if (path === "/emails/batch") {
    return method === "POST" ? { kind: "batch" } : errorOutcome(405, "method_not_allowed", "Method is not allowed for the requested path.");
  }
  const m = /^\/emails\/([^/]+)$/.exec(path);
  if (m?.[1]) {
    return method === "GET"
      ? { kind: "retrieve", id: decodeURIComponent(m[1]) }
      : errorOutcome(405, "method_not_allowed", "Method is not allowed for the requested path.");
  }
  return errorOutcome(404, "not_found", "The requested endpoint does not exist.");
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(", ") : v;
}

export async function startResendStandin(opts: ResendStandinOptions): Promise<ResendStandin> {
  const initial: StandinConfig = {
    rateLimitPerSecond: opts.rateLimitPerSecond ?? null,
    failFraction: opts.failFraction ?? 0,
    latencyMs: opts.latencyMs ?? 0,
    seed: opts.seed ?? 1,
  };
  validateConfig(initial);

  let config: StandinConfig = { ...initial };
  let limiter: FixedWindowRateLimiter | null = null;
  let prng: Rng = mulberry32(config.seed);
  const store = new MessageStore();
  const idempotency = new IdempotencyStore();
  const counts: RequestCount = { total: 0, rateLimited: 0, failed: 0, idempotentReplays: 0 };
  const closing = new AbortController();

  function applyLimiter(): void {
    limiter = config.rateLimitPerSecond === null ? null : new FixedWindowRateLimiter(config.rateLimitPerSecond);
  }
  applyLimiter();

  function configure(patch: ResendStandinConfigPatch): void {
    const next: StandinConfig = { ...config };
    if ("rateLimitPerSecond" in patch) next.rateLimitPerSecond = patch.rateLimitPerSecond ?? null;
    if ("failFraction" in patch) next.failFraction = patch.failFraction ?? 0;
    if ("latencyMs" in patch) next.latencyMs = patch.latencyMs ?? 0;
    validateConfig(next);
    const rateChanged = next.rateLimitPerSecond !== config.rateLimitPerSecond;
    config = next;
    if (rateChanged) applyLimiter();
  }

  function reset(): void {
    config = { ...initial };
    applyLimiter();
    prng = mulberry32(config.seed);
    store.clear();
    idempotency.clear();
    counts.total = 0;
    counts.rateLimited = 0;
    counts.failed = 0;
    counts.idempotentReplays = 0;
  }

  function record(email: ValidEmail, idempotencyKey: string | undefined, batchIndex: number | undefined, now: number): string {
    const id = randomUUID();
    store.add(id, email, { idempotencyKey, batchIndex, receivedAt: now });
    // Like Resend, the delivery is reported after the API answered, never inside the request.
    setTimeout(() => void emit(id, "email.delivered").catch(() => undefined), 50);
    return id;
  }

  /** Posts one signed event about a recorded message; null when there is no such message or no webhook. */
  async function emit(id: string, type: EmailEventType, link?: string): Promise<number | null> {
    const m = store.get(id);
    if (!m || !opts.webhook || closing.signal.aborted) return null;
    const message = { id: m.id, from: m.from, to: m.to, subject: m.subject, createdAt: new Date(m.receivedAt) };
    return postEvent(opts.webhook, emailEvent(type, message, { link }));
  }

  function processSend(body: string, idempotencyKey: string | undefined): Outcome {
    const parsed = parseJson(body);
    if (!parsed.ok) return errorOutcome(400, "validation_error", "Invalid JSON in request body.");
    const v = validateEmail(parsed.value, false);
    if (!v.ok) return errorOutcome(422, "validation_error", v.message);
    const result: CreateEmailResponseSuccess = { id: record(v.email, idempotencyKey, undefined, Date.now()) };
    return outcome(200, { ...result });
  }

  function processBatch(body: string, mode: "strict" | "permissive", idempotencyKey: string | undefined): Outcome {
    const parsed = parseJson(body);
    if (!parsed.ok) return errorOutcome(400, "validation_error", "Invalid JSON in request body.");
    const emails = parsed.value;
    if (!Array.isArray(emails)) return errorOutcome(422, "validation_error", "Invalid request body. Expected a JSON array of emails.");
    if (emails.length === 0) return errorOutcome(422, "validation_error", "The batch must contain at least 1 email.");
    if (emails.length > MAX_BATCH_SIZE) {
      return errorOutcome(422, "validation_error", `Too many emails in the batch: ${emails.length}. The maximum is ${MAX_BATCH_SIZE}.`);
    }
    const valid: { index: number; email: ValidEmail }[] = [];
    const errors: { index: number; message: string }[] = [];
    for (let index = 0; index < emails.length; index++) {
      const v = validateEmail(emails[index], true);
      if (v.ok) valid.push({ index, email: v.email });
      else if (mode === "strict") return errorOutcome(422, "validation_error", `Email at index ${index}: ${v.message}`);
      else errors.push({ index, message: v.message });
    }
    const now = Date.now();
    const data = valid.map(({ index, email }) => ({ id: record(email, idempotencyKey, index, now) }));
    return outcome(200, mode === "permissive" ? { data, errors } : { data });
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    counts.total += 1;
    const method = req.method ?? "GET";
    const route = matchApiRoute(method, path);
    const peekHeaders = (): Record<string, string> => (limiter ? rateHeaders(limiter.peek()) : {});
    if ("status" in route) return send(res, route, peekHeaders());

    // Auth
    const auth = headerValue(req, "authorization");
    const bearer = auth ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
    const apiKey = bearer?.[1];
    if (!apiKey) {
      return send(
        res,
        errorOutcome(401, "missing_api_key", "Missing API key in the authorization header. Include the following header in the request: Authorization: Bearer YOUR_API_KEY"),
        peekHeaders(),
      );
    }
    if (!apiKey.startsWith("re_")) return send(res, errorOutcome(403, "invalid_api_key", "API key is invalid"), peekHeaders());

    // Rate limit
    let rl: Record<string, string> = {};
    if (limiter) {
      const taken = limiter.take();
      rl = rateHeaders(taken.state);
      if (!taken.allowed) {
        counts.rateLimited += 1;
        return send(
          res,
          errorOutcome(429, "rate_limit_exceeded", `Too many requests. You can only make ${taken.state.limit} requests per second. See rate limit response headers for more information.`),
          { ...rl, "retry-after": String(taken.state.resetSeconds) },
        );
      }
    }

    // Injected failure
    if (config.failFraction > 0 && prng.next() < config.failFraction) {
      counts.failed += 1;
      return send(res, errorOutcome(500, "internal_server_error", "Injected failure (Resend stand-in failFraction)."), rl);
    }

    if (route.kind === "retrieve") {
      const m = store.get(route.id);
      return send(res, m ? outcome(200, { ...retrieveShape(m) }) : errorOutcome(404, "not_found", "Email not found"), rl);
    }

    // Batch validation mode (the SDK always sends `x-batch-validation` for batches, default 'strict').
    let mode: "strict" | "permissive" = "strict";
    if (route.kind === "batch") {
      const raw = headerValue(req, "x-batch-validation");
      if (raw === "permissive" || raw === "strict") mode = raw;
      else if (raw !== undefined) {
        return send(res, errorOutcome(422, "validation_error", "Invalid `x-batch-validation` header. Expected `strict` or `permissive`."), rl);
      }
    }

    // Idempotency-Key: claimed when the headers arrive, so a second request with
    // the same key while the first is still being read/processed gets a 409.
    const keyHeader = req.headers["idempotency-key"];
    if (Array.isArray(keyHeader)) {
      return send(res, errorOutcome(400, "invalid_idempotency_key", "Only one Idempotency-Key header is allowed."), rl);
    }
    const key = keyHeader;
    if (key !== undefined && (key.length < 1 || key.length > 256)) {
      return send(res, errorOutcome(400, "invalid_idempotency_key", "The key must be between 1-256 chars."), rl);
    }
    const scope = key === undefined ? undefined : `${apiKey}\n${key}`;
    const claim = scope === undefined ? undefined : idempotency.begin(scope);
    if (claim?.kind === "in-progress") {
      return send(
        res,
        errorOutcome(409, "concurrent_idempotent_requests", "Same idempotency key used while original request is still in progress. Try the request again later."),
        rl,
      );
    }

    let body: string;
    try {
      body = await readBody(req);
    } catch (err) {
      if (scope !== undefined && claim?.kind === "new") idempotency.abandon(scope);
      if (err instanceof BodyError && err.kind === "too-large") {
        return send(res, errorOutcome(413, "validation_error", "Request body is too large."), { ...rl, connection: "close" });
      }
      res.destroy();
      return;
    }

    const fingerprint =
      scope === undefined ? "" : createHash("sha256").update(`${method} ${path} ${mode}\n`).update(body).digest("base64");

    if (claim?.kind === "done") {
      if (claim.fingerprint !== fingerprint) {
        return send(
          res,
          errorOutcome(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload. Change your idempotency key or payload."),
          rl,
        );
      }
      counts.idempotentReplays += 1;
      return send(res, { ...claim.response }, { ...rl, "idempotent-replayed": "true" });
    }

    let result: Outcome;
    try {
      result = route.kind === "send" ? processSend(body, key) : processBatch(body, mode, key);
    } catch (err) {
      if (scope !== undefined) idempotency.abandon(scope);
      throw err;
    }

    if (config.latencyMs > 0) {
      try {
        await sleep(config.latencyMs, undefined, { signal: closing.signal });
      } catch {
        if (scope !== undefined) idempotency.abandon(scope);
        res.destroy();
        return;
      }
    }
    if (scope !== undefined) {
      const stored: StoredResponse = { status: result.status, body: result.body };
      idempotency.complete(scope, fingerprint, stored);
    }
    send(res, result, rl);
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
    const method = req.method ?? "GET";
    const ok = (body: Json): void => send(res, outcome(200, body));
    const bad = (message: string): void => send(res, errorOutcome(400, "validation_error", message));

    if (path === "/_test/health" && method === "GET") return ok({ ok: true });
    if (path === "/_test/stats" && method === "GET") return ok({ ...counts, messages: store.size });
    if (path === "/_test/config" && method === "GET") return ok({ ...config });
    if (path === "/_test/messages" && method === "GET") {
      const q = messageQuerySchema.safeParse(Object.fromEntries(query));
      if (!q.success) return bad(`Invalid query: ${q.error.message}`);
      const page: MessagePage = store.query(q.data);
      return ok({ ...page });
    }
    const eventPath = /^\/_test\/messages\/([^/]+)\/events$/.exec(path);
    if (eventPath?.[1] && method === "POST") {
      const text = await readBody(req).catch(() => null);
      const parsed = text === null ? { ok: false as const } : parseJson(text);
      const request = parsed.ok ? emailEventRequestSchema.safeParse(parsed.value) : null;
      if (!request?.success) return bad("Expected { type: email.delivered | email.opened | email.clicked, link? }.");
      if (!opts.webhook) return bad("The stand-in was started without a webhook target.");
      const status = await emit(decodeURIComponent(eventPath[1]), request.data.type, request.data.link);
      if (status === null) return send(res, errorOutcome(404, "not_found", "No such message."));
      return ok({ delivered: status });
    }
    if (path === "/_test/reset" && method === "POST") {
      await readBody(req).catch(() => "");
      reset();
      return ok({ ok: true });
    }
    if (path === "/_test/config" && method === "POST") {
      const text = await readBody(req).catch(() => null);
      const parsed = text === null || text === "" ? { ok: true as const, value: {} } : parseJson(text);
      if (!parsed.ok) return bad("Invalid JSON in request body.");
      const patch = configPatchSchema.safeParse(parsed.value);
      if (!patch.success) return bad(`Invalid config: ${patch.error.message}`);
      const p: ResendStandinConfigPatch = {};
      if (patch.data.rateLimitPerSecond !== undefined) p.rateLimitPerSecond = patch.data.rateLimitPerSecond ?? undefined;
      if (patch.data.failFraction !== undefined) p.failFraction = patch.data.failFraction;
      if (patch.data.latencyMs !== undefined) p.latencyMs = patch.data.latencyMs;
      configure(p);
      return ok({ ...config });
    }
    return send(res, errorOutcome(404, "not_found", "Unknown control endpoint."));
  }

  const server: Server = createServer((req, res) => {
    const { path, query } = normalizePath(req.url ?? "/");
    const handler = path.startsWith("/_test/") ? handleControl(req, res, path, query) : handleApi(req, res, path);
    handler.catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      if (!res.headersSent) send(res, errorOutcome(500, "application_error", `Resend stand-in crashed: ${message}`));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;

  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === "string") throw new Error("Resend stand-in: unexpected server address");
  const port = address.port;
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;

  let closed: Promise<void> | null = null;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    messages: () => store.all(),
    queryMessages: (q) => store.query(q),
    requestCount: () => ({ ...counts }),
    configure,
    config: () => ({ ...config }),
    reset,
    close: () => {
      closed ??= new Promise<void>((resolve, reject) => {
        closing.abort();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

function validateConfig(c: StandinConfig): void {
  if (c.rateLimitPerSecond !== null && (!Number.isInteger(c.rateLimitPerSecond) || c.rateLimitPerSecond < 0)) {
    throw new RangeError(`rateLimitPerSecond must be a non-negative integer, got ${c.rateLimitPerSecond}`);
  }
  if (!(c.failFraction >= 0 && c.failFraction <= 1)) throw new RangeError(`failFraction must be within 0..1, got ${c.failFraction}`);
  if (!Number.isInteger(c.latencyMs) || c.latencyMs < 0) throw new RangeError(`latencyMs must be a non-negative integer, got ${c.latencyMs}`);
  if (!Number.isFinite(c.seed)) throw new RangeError(`seed must be a finite number, got ${c.seed}`);
}
