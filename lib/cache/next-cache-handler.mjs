// Next's cache handler (next.config.ts `cacheHandler`): every cached page and data entry lives in the
// page store (page-store.mjs), never in the build folder.
import { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import { createPageStore } from "./page-store.mjs";

/** A 404 is rendered fresh each time: unknown URLs must not fill the cache. */
function refusingNotFound(handler) {
  return {
    ...handler,
    name: `${handler.name}-without-404`,
    set(key, entry, ctx) {
      if (entry?.value?.kind === "APP_PAGE" && entry.value.status === 404) return Promise.resolve();
      return handler.set(key, entry, ctx);
    },
  };
}

CacheHandler.onCreation(async ({ buildId }) => {
  const store = await createPageStore(buildId);
  return { handlers: [refusingNotFound(store.handler)] };
});

export default CacheHandler;
