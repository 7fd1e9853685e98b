/**
 * Routes npm start's front (scripts/serve.mjs) answers itself, without Next's router: the app
 * registers them at boot (lib/boot.ts), in the same process. Each is also an ordinary route
 * handler under app/, which answers whenever there is no front (`next dev`, a bare `next start`)
 * and both call the same function in lib/, so the front only saves Next's per-request work.
 */
const store = /** @type {{ esmFrontRoutes?: Map<string, import("./front-routes.d.mts").FrontRoute> }} */ (globalThis);

/** @param {string} prefix @param {import("./front-routes.d.mts").FrontRoute} route */
export function registerFrontRoute(prefix, route) {
  store.esmFrontRoutes ??= new Map();
  store.esmFrontRoutes.set(prefix, route);
}

/**
 * The registered route for a GET of `url` (path and query) and the rest of its path after the prefix.
 * @param {string} url
 * @returns {{ route: import("./front-routes.d.mts").FrontRoute, rest: string } | undefined}
 */
export function frontRouteFor(url) {
  const routes = store.esmFrontRoutes;
  if (!routes) return undefined;
  const path = url.split("?", 1)[0] ?? "";
  for (const [prefix, route] of routes) {
    if (path.startsWith(prefix)) return { route, rest: path.slice(prefix.length) };
  }
  return undefined;
}
