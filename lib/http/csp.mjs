import { createHash } from "node:crypto";

/**
 * The one Content-Security-Policy. Scripts run only when the server vouched for them: by a
 * per-request nonce (dynamic pages, set in proxy.ts) or by the hash of each inline script
 * (cached pages, whose HTML is the same for everyone; added by npm start's front). Never
 * 'unsafe-inline' for scripts. Styles allow inline attributes (React's style props).
 * A hash admits a script whatever put it there, so only Next's own data pushes are hashed.
 */
const OTHER_DIRECTIVES = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
];

/**
 * @param {string[]} scriptSources
 * @param {boolean} framable Only the staff preview of a piece (/preview/…) may be framed, by this origin's own staff page.
 */
function policy(scriptSources, framable = false) {
  return [`script-src ${scriptSources.join(" ")}`, ...OTHER_DIRECTIVES, `frame-ancestors ${framable ? "'self'" : "'none'"}`].join("; ");
}

/** A fresh nonce for one response. */
export function newNonce() {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}

/**
 * For a page rendered per request: Next reads the nonce from this policy (as a request header)
 * and puts it on every script it writes; scripts those load are trusted through 'strict-dynamic'.
 * @param {string} nonce
 * @param {boolean} dev `next dev` evaluates code (React's dev tools), so it also needs 'unsafe-eval'.
 * @param {boolean} framable whether this origin may frame the page (the staff preview only)
 */
export function noncePolicy(nonce, dev = false, framable = false) {
  return policy([`'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])], framable);
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/**
 * The only inline scripts Next (16, Turbopack) writes into a prerendered page: each hands one JSON value
 * (its chunk list, the RSC payload) to an array. A script is admitted only when it is one of these with
 * a body that parses as JSON, so it can carry data and nothing else; an inline script that got into the
 * HTML any other way (a sanitizer failure in staff markdown, say) stays refused.
 */
const DATA_PUSHES = ['(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(', "(self.__next_f=self.__next_f||[]).push(", "self.__next_f.push("];

/** @param {string} body */
function isNextDataPush(body) {
  const prefix = DATA_PUSHES.find((p) => body.startsWith(p));
  const call = body.endsWith(";") ? body.slice(0, -1) : body;
  if (!prefix || !call.endsWith(")")) return false;
  try {
    JSON.parse(call.slice(prefix.length, -1));
    return true;
  } catch {
    return false;
  }
}

/**
 * The 'sha256-…' sources of the inline scripts Next wrote into `html` (see DATA_PUSHES); scripts with a
 * src are left to 'self', data blocks (JSON-LD) never run, anything else is left out and so refused.
 * @param {string} html
 */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, attributes = "", body = ""] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes) || !isNextDataPush(body)) continue;
    hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/**
 * For a page whose HTML is fixed (cached and shared): its own scripts from this origin, and exactly
 * the inline scripts it holds.
 * @param {string} html
 */
export function hashPolicy(html) {
  return policy(["'self'", ...inlineScriptHashes(html)]);
}
