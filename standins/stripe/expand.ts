/**
 * `expand[]` support: walks dotted paths (e.g. `subscription`, `data.items.data.price`,
 * `latest_invoice`) and replaces id strings with the objects they name. Lists are walked
 * element by element; ids met on the way are expanded too (Stripe would require asking
 * for them explicitly, the stand-in is lenient).
 */
import { isJsonObject, type Json, type JsonObject } from "./json";

export type Resolver = (id: string) => JsonObject | undefined;

function walk(node: Json, segments: string[], resolve: Resolver): Json {
  if (typeof node === "string") {
    const resolved = resolve(node);
    return resolved ? walk(resolved, segments, resolve) : node;
  }
  if (Array.isArray(node)) return node.map((item) => walk(item, segments, resolve));
  if (!isJsonObject(node)) return node;
  const [key, ...rest] = segments;
  if (key === undefined) return node;
  const child = node[key];
  if (child === undefined || child === null) return node;
  if (rest.length === 0) {
    if (typeof child === "string") node[key] = resolve(child) ?? child;
    return node;
  }
  node[key] = walk(child, rest, resolve);
  return node;
}

/** Applies every path (shorter ones first, so `a` is expanded before `a.b`). Mutates and returns `value`. */
export function applyExpand(value: JsonObject, paths: string[], resolve: Resolver): JsonObject {
  const sorted = [...new Set(paths)].sort((a, b) => a.split(".").length - b.split(".").length);
  for (const path of sorted) {
    const segments = path.split(".").filter((s) => s !== "");
    if (segments.length > 0) walk(value, segments, resolve);
  }
  return value;
}
