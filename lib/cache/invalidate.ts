import "server-only";
import { config } from "@/lib/env";
import { signedInternalHeaders } from "./internal-signature";
import { connectRedis, redisUrl, registeredStore, invalidateInRedis } from "./page-store.mjs";

const ATTEMPTS = 4;
const BACKOFF_MS = [200, 600, 1_500];
/** A render that read the database just before the change may store its page just after: a second pass drops it. */
const SECOND_PASS_MS = 3_000;

type RedisClient = Awaited<ReturnType<typeof connectRedis>>;
const shared = globalThis as unknown as { esmInvalidationRedis?: Promise<RedisClient> };

function redisClient(url: string): Promise<RedisClient> {
  shared.esmInvalidationRedis ??= connectRedis(url).catch((err: unknown) => {
    shared.esmInvalidationRedis = undefined;
    throw err;
  });
  return shared.esmInvalidationRedis;
}

/** One attempt, through whichever store reaches every instance from this process. */
async function invalidateOnce(tags: readonly string[]): Promise<void> {
  const url = redisUrl();
  const local = registeredStore();
  if (url) {
    await invalidateInRedis(local?.kind === "redis" ? local.client : await redisClient(url), tags);
  } else if (local) {
    for (const tag of tags) await local.handler.revalidateTag(tag);
  } else {
    // A worker process without Redis: the one app instance holds the cache in its memory.
    const res = await fetch(`${config().appUrl}/api/internal/revalidate`, {
      method: "POST",
      headers: { "content-type": "application/json", ...signedInternalHeaders() },
      body: JSON.stringify({ tags }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!res.ok) throw new Error(`the app answered ${res.status} to the revalidation request`);
  }
}

export class InvalidationError extends Error {
  override name = "InvalidationError";
}

async function withRetries(tags: readonly string[]): Promise<void> {
  let last: unknown;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      await invalidateOnce(tags);
      return;
    } catch (err) {
      last = err;
      console.error(`page cache: invalidating [${tags.join(", ")}] failed (attempt ${attempt} of ${ATTEMPTS})`, err);
      const wait = BACKOFF_MS[attempt - 1];
      if (wait !== undefined) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
  throw new InvalidationError(`could not invalidate cached pages [${tags.join(", ")}]: ${last instanceof Error ? last.message : String(last)}`);
}

/**
 * Drops every cached page carrying one of `tags`, on every instance, before returning; retried,
 * and an error when it cannot be done. A second pass a few seconds later catches a page rendered
 * from the data as it was just before the change.
 */
export async function invalidatePages(tags: readonly string[]): Promise<void> {
  if (tags.length === 0) return;
  await withRetries(tags);
  setTimeout(() => {
    withRetries(tags).catch((err: unknown) => console.error("page cache: the second invalidation pass failed", err));
  }, SECOND_PASS_MS).unref();
}

/** The internal revalidation route: the cache of this very process (a worker without Redis asked). */
export async function invalidateThisProcess(tags: readonly string[]): Promise<void> {
  const local = registeredStore();
  if (!local) throw new InvalidationError("this process has no page cache registered");
  for (const tag of tags) await local.handler.revalidateTag(tag);
}
