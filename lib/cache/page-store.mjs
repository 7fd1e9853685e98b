// Plain ESM: Next loads the cache handler (next-cache-handler.mjs) outside its bundle, and the
// job worker and the app reach the same store through this module.
import createLruHandler from "@fortedigital/nextjs-cache-handler/local-lru";
import createRedisHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import { createClient } from "@redis/client";
import { z } from "zod";

export const KEY_ROOT = "esm-insight:pages:";
const SHARED_TAGS = "__sharedTags__";
const REGISTERED = Symbol.for("esm-insight.page-store");

const Env = z.object({
  REDIS_URL: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined))
    .pipe(z.url().optional()),
});

export function redisUrl(env = process.env) {
  return Env.parse(env).REDIS_URL;
}

/** The page store of this process, when this process is a Next server (the cache handler registered it). */
export function registeredStore() {
  return globalThis[REGISTERED];
}

function register(store) {
  globalThis[REGISTERED] = store;
  return store;
}

export async function connectRedis(url) {
  const client = createClient({ url, socket: { connectTimeout: 5_000 } });
  client.on("error", (err) => console.error(`page cache: Redis error (${err.message})`));
  await client.connect();
  return client;
}

/**
 * The store Next's cache handler uses: Redis shared by every instance when REDIS_URL is set (keys
 * prefixed by build, so two builds never serve each other's pages), else memory in this one process.
 */
export async function createPageStore(buildId, env = process.env) {
  const url = redisUrl(env);
  if (!url) return register({ kind: "memory", handler: createLruHandler({ maxItemsNumber: 2_000 }) });
  const client = await connectRedis(url);
  const handler = createRedisHandler({ client, keyPrefix: `${KEY_ROOT}${buildId ?? "unbuilt"}:`, keyExpirationStrategy: "EXAT" });
  return register({ kind: "redis", handler, client });
}

/** Drops every entry carrying one of `tags` from each build's store in Redis. */
export async function invalidateInRedis(client, tags) {
  const prefixes = [];
  for await (const keys of client.scanIterator({ MATCH: `${KEY_ROOT}*:${SHARED_TAGS}`, COUNT: 1000 })) {
    for (const key of Array.isArray(keys) ? keys : [keys]) prefixes.push(key.slice(0, -SHARED_TAGS.length));
  }
  for (const keyPrefix of prefixes) {
    const handler = createRedisHandler({ client, keyPrefix });
    for (const tag of tags) await handler.revalidateTag(tag);
  }
}
