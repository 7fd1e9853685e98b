/** A minimal method + path-pattern router (`/v1/customers/:id`). */
import type { BillingContext } from "./billing";
import type { FormObject } from "./form-body";
import type { JsonObject } from "./json";

export interface ApiRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  /** Parsed query string (GET/DELETE parameters). */
  query: FormObject;
  /** Parsed form body (POST parameters). */
  body: FormObject;
  /** `expand[]` from the query and body together. */
  expand: string[];
}

export type ApiHandler = (ctx: BillingContext, req: ApiRequest) => JsonObject;

export interface ApiRoute {
  method: "GET" | "POST" | "DELETE";
  pattern: string;
  handler: ApiHandler;
}

export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? "";
    const g = got[i] ?? "";
    if (w.startsWith(":")) {
      if (g === "") return null;
      params[w.slice(1)] = decodeURIComponent(g);
    } else if (w !== g) {
      return null;
    }
  }
  return params;
}

export function findRoute<R extends { method: string; pattern: string }>(
  routes: readonly R[],
  method: string,
  path: string,
): { route: R; params: Record<string, string> } | { route: null; methodMismatch: boolean } {
  let methodMismatch = false;
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (!params) continue;
    if (route.method === method) return { route, params };
    methodMismatch = true;
  }
  return { route: null, methodMismatch };
}
