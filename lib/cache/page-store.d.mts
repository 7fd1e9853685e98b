import type { RedisClientType } from "@redis/client";

export interface PageCacheHandler {
  revalidateTag(tag: string): Promise<void>;
}

export type PageStore =
  | { kind: "memory"; handler: PageCacheHandler }
  | { kind: "redis"; handler: PageCacheHandler; client: RedisClientType };

export const KEY_ROOT: string;
export function redisUrl(env?: Record<string, string | undefined>): string | undefined;
export function registeredStore(): PageStore | undefined;
export function connectRedis(url: string): Promise<RedisClientType>;
export function createPageStore(buildId: string | undefined, env?: Record<string, string | undefined>): Promise<PageStore>;
export function databaseScope(env?: Record<string, string | undefined>): string;
export function invalidateInRedis(client: RedisClientType, tags: readonly string[], env?: Record<string, string | undefined>): Promise<void>;
