import { createHash } from "node:crypto";

/**
 * The one Content-Security-Policy. Scripts run only when the server vouched for them: by a
 * per-request nonce (dynamic pages, set in proxy.ts) or by the hash of each inline script
 * (cached pages, whose HTML is the same for everyone; added by npm start's front). Never
 * 'unsafe-inline' for scripts. Styles allow inline attributes (React's style props).
 */
const OTHER_DIRECTIVES = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
];

/** @param {string[]} scriptSources */
function policy(scriptSources) {
  return [`script-src ${scriptSources.join(" ")}`, ...OTHER_DIRECTIVES].join("; ");
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
 */
export function noncePolicy(nonce, dev = false) {
  return policy([`'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])]);
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const EXECUTABLE_TYPE = /^\s*(?:text\/javascript|application\/javascript|module)?\s*$/i;

/**
 * The 'sha256-…' sources of the inline scripts a browser would run in `html` (not JSON-LD or other
 * data blocks, not scripts with a src, which 'self' covers).
 * @param {string} html
 */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, attributes = "", body = ""] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1] ?? "";
    if (!EXECUTABLE_TYPE.test(type)) continue;
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
