/**
 * Parses Stripe's form encoding (`application/x-www-form-urlencoded` with bracket
 * notation) into nested objects and arrays:
 *   line_items[0][price]=price_x  → { line_items: [{ price: "price_x" }] }
 *   expand[]=subscription         → { expand: ["subscription"] }
 *   metadata[plan]=monthly        → { metadata: { plan: "monthly" } }
 * and offers typed readers that throw Stripe-shaped 400 errors.
 */
import { invalidParam } from "./errors";

export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

interface Branch {
  children: Map<string, Node>;
  nextIndex: number;
}
type Node = string | Branch;

function splitKey(key: string): string[] {
  const open = key.indexOf("[");
  if (open <= 0) return [key];
  const segments = [key.slice(0, open)];
  const pattern = /\[([^\]]*)\]/g;
  let match: RegExpExecArray | null;
  let consumed = open;
  while ((match = pattern.exec(key)) !== null) {
    if (match.index !== consumed) break;
    segments.push(match[1] ?? "");
    consumed = match.index + match[0].length;
  }
  if (consumed !== key.length) return [key]; // malformed brackets: treat the whole thing as a plain key
  return segments;
}

function newBranch(): Branch {
  return { children: new Map(), nextIndex: 0 };
}

function insert(root: Branch, segments: string[], value: string): void {
  let branch = root;
  segments.forEach((raw, position) => {
    let segment = raw;
    if (segment === "") segment = String(branch.nextIndex);
    if (/^\d+$/.test(segment)) branch.nextIndex = Math.max(branch.nextIndex, Number(segment) + 1);
    if (position === segments.length - 1) {
      branch.children.set(segment, value);
      return;
    }
    const existing = branch.children.get(segment);
    if (existing !== undefined && typeof existing !== "string") {
      branch = existing;
    } else {
      const created = newBranch();
      branch.children.set(segment, created);
      branch = created;
    }
  });
}

function finalize(branch: Branch, parentKey: string | null): FormValue {
  const keys = [...branch.children.keys()];
  const numeric = keys.length > 0 && keys.every((k) => /^\d+$/.test(k)) && parentKey !== "metadata";
  if (numeric) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((index) => finalizeNode(branch.children.get(String(index)), String(index)));
  }
  const out: FormObject = {};
  for (const key of keys) out[key] = finalizeNode(branch.children.get(key), key);
  return out;
}

function finalizeNode(node: Node | undefined, key: string): FormValue {
  if (node === undefined) return "";
  return typeof node === "string" ? node : finalize(node, key);
}

/** Parses a form-encoded string (request body or query string, without the leading `?`). */
export function parseForm(text: string): FormObject {
  const root = newBranch();
  for (const [key, value] of new URLSearchParams(text)) {
    if (key === "") continue;
    insert(root, splitKey(key), value);
  }
  const result = finalize(root, null);
  if (Array.isArray(result) || typeof result === "string") {
    // Top-level keys that are all numbers: keep them as an object.
    const out: FormObject = {};
    if (Array.isArray(result)) result.forEach((v, i) => (out[String(i)] = v));
    return out;
  }
  return result;
}

// ---- typed readers -------------------------------------------------------

export function readString(body: FormObject, key: string, param: string = key): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalidParam(`Invalid string: ${param} must be a string.`, param);
  return value;
}

/** A string where Stripe treats "" as "unset" (returns null). */
export function readNullableString(body: FormObject, key: string, param: string = key): string | null | undefined {
  const value = readString(body, key, param);
  if (value === undefined) return undefined;
  return value === "" ? null : value;
}

export function readBoolean(body: FormObject, key: string, param: string = key): boolean | undefined {
  const value = readString(body, key, param);
  if (value === undefined) return undefined;
  if (value === "true") return true;
  if (value === "false") return false;
  throw invalidParam(`Invalid boolean: ${value}`, param);
}

export function readInteger(body: FormObject, key: string, param: string = key): number | undefined {
  const value = readString(body, key, param);
  if (value === undefined || value === "") return undefined;
  if (!/^-?\d+$/.test(value)) throw invalidParam(`Invalid integer: ${value}`, param);
  return Number(value);
}

export function readObject(body: FormObject, key: string, param: string = key): FormObject | undefined {
  const value = body[key];
  if (value === undefined || value === "") return undefined;
  if (typeof value === "string" || Array.isArray(value)) {
    throw invalidParam(`Invalid object: ${param} must be a hash.`, param);
  }
  return value;
}

export function readArray(body: FormObject, key: string, param: string = key): FormValue[] {
  const value = body[key];
  if (value === undefined || value === "") return [];
  if (Array.isArray(value)) return value;
  if (typeof value === "string") return [value];
  throw invalidParam(`Invalid array: ${param} must be an array.`, param);
}

export function readStringList(body: FormObject, key: string, param: string = key): string[] {
  return readArray(body, key, param).map((item, index) => {
    if (typeof item !== "string") throw invalidParam(`Invalid string: ${param}[${index}]`, `${param}[${index}]`);
    return item;
  });
}

/** `expand[]=a&expand[]=b` (browser style) or `expand[0]=a` (SDK style). */
export function readExpand(body: FormObject): string[] {
  return readStringList(body, "expand");
}

/**
 * Applies a `metadata` update the way Stripe does: keys set to "" are removed,
 * `metadata=` (empty string) clears everything.
 */
export function applyMetadata(current: Record<string, string>, body: FormObject): Record<string, string> {
  const value = body.metadata;
  if (value === undefined) return current;
  if (value === "") return {};
  if (typeof value === "string" || Array.isArray(value)) throw invalidParam("Invalid hash: metadata", "metadata");
  const next: Record<string, string> = { ...current };
  for (const [key, raw] of Object.entries(value)) {
    if (typeof raw !== "string") throw invalidParam(`Invalid string: metadata[${key}]`, `metadata[${key}]`);
    if (raw === "") delete next[key];
    else next[key] = raw;
  }
  return next;
}
