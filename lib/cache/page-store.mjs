// Plain ESM: Next loads the cache handler (next-cache-handler.mjs) outside its bundle, and the
// job worker and the app reach the same store through this module.
import { createHash } from "node:crypto";
import path from "node:path";
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

/** Pages belong to one database: deployments on other databases sharing this Redis never see them. */
export function databaseScope(env = process.env) {
  const database = env.DATABASE_URL?.trim() || path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR?.trim() || ".data");
  return createHash("sha256").update(database).digest("hex").slice(0, 16);
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
 * prefixed by database and build, so neither another database nor another build is ever served),
 * else memory in this one process.
 */
export async function createPageStore(buildId, env = process.env) {
  const url = redisUrl(env);
  if (!url) return register({ kind: "memory", handler: createLruHandler({ maxItemsNumber: 2_000 }) });
  const client = await connectRedis(url);
  const handler = createRedisHandler({ client, keyPrefix: `${KEY_ROOT}${databaseScope(env)}:${buildId ?? "unbuilt"}:`, keyExpirationStrategy: "EXAT" });
  return register({ kind: "redis", handler, client });
}

/** Drops every entry carrying one of `tags` from each build's store of this database in Redis. */
export async function invalidateInRedis(client, tags, env = process.env) {
  const prefixes = [];
  for await (const keys of client.scanIterator({ MATCH: `${KEY_ROOT}${databaseScope(env)}:*:${SHARED_TAGS}`, COUNT: 1000 })) {
    for (const key of Array.isArray(keys) ? keys : [keys]) prefixes.push(key.slice(0, -SHARED_TAGS.length));
  }
  for (const keyPrefix of prefixes) {
    const handler = createRedisHandler({ client, keyPrefix });
    for (const tag of tags) await handler.revalidateTag(tag);
  }
}
