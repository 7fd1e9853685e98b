import { createHash } from "node:crypto";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { hashPolicy } from "./csp.mjs";

const CSP = "content-security-policy";

/** @param {Buffer} body @param {string} encoding */
function decoded(body, encoding) {
  if (encoding === "gzip") return gunzipSync(body);
  if (encoding === "br") return brotliDecompressSync(body);
  if (encoding === "deflate") return inflateSync(body);
  return body;
}

/**
 * A cached page's bytes are the same for every reader until it is regenerated, so its policy and
 * ETag are computed once per version: keyed by the body's SHA-256, which is also its ETag (Next's
 * own, a JavaScript hash over the whole page, is off: next.config.ts `generateEtags`).
 * @type {Map<string, string>}
 */
const policies = new Map();
const POLICIES_KEPT = 256;

/** @param {Buffer} body @param {string} encoding @returns {{ etag: string, policy: string }} */
function pageFacts(body, encoding) {
  const digest = createHash("sha256").update(body).digest("base64url");
  let policy = policies.get(digest);
  if (policy === undefined) {
    policy = hashPolicy(decoded(body, encoding).toString("utf8"));
    policies.set(digest, policy);
    for (const oldest of policies.keys()) {
      if (policies.size <= POLICIES_KEPT) break;
      policies.delete(oldest);
    }
  }
  return { etag: `"${digest}"`, policy };
}

/** If-None-Match (a list, weak comparison, or "*") against this version's ETag. @param {string | undefined} header @param {string} etag */
function notModified(header, etag) {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === etag;
  });
}

/**
 * A response a shared cache may keep (public, s-maxage) is the anonymous one: `Vary: Cookie` tells a
 * CDN that a request carrying cookies (a session) may get a different answer.
 * @param {import("node:http").ServerResponse} res
 */
function varyOnCookie(res) {
  const cacheControl = String(res.getHeader("cache-control") ?? "");
  if (!/\b(?:public|s-maxage=)/i.test(cacheControl) || /\b(?:private|no-store)\b/i.test(cacheControl)) return;
  const vary = String(res.getHeader("vary") ?? "");
  if (!/(?:^|,)\s*cookie\s*(?:,|$)/i.test(vary)) res.setHeader("vary", vary ? `${vary}, Cookie` : "Cookie");
}

/**
 * npm start's front, on the way out: a shared-cacheable response gets `Vary: Cookie`; an HTML
 * response that leaves the app without a Content-Security-Policy (a cached page, rendered once for
 * everyone, so no nonce) is held until complete and sent with a policy that admits exactly its own
 * inline scripts by hash, and with its ETag (a 304 without the body to a browser or CDN that holds that
 * version). The body is not changed.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
export function frontResponseHeaders(req, res) {
  const writeHead = res.writeHead;
  const write = res.write;
  const end = res.end;
  /** @type {Buffer[] | null} */
  let held = null;
  let decided = false;

  /** Decides, once the status and headers are final, whether this response is held. */
  const decide = () => {
    decided = true;
    varyOnCookie(res);
    if (req.method !== "GET") return;
    const type = String(res.getHeader("content-type") ?? "");
    if (type.startsWith("text/html") && !res.hasHeader(CSP) && res.statusCode !== 304) held = [];
  };

  res.writeHead = /** @type {typeof res.writeHead} */ (
    function (statusCode, reason, headers) {
      const fields = typeof reason === "object" ? reason : headers;
      if (typeof reason === "string") res.statusMessage = reason;
      res.statusCode = statusCode;
      if (Array.isArray(fields)) {
        for (let i = 0; i + 1 < fields.length; i += 2) res.setHeader(String(fields[i]), fields[i + 1] ?? "");
      } else if (fields) {
        for (const [key, value] of Object.entries(fields)) if (value !== undefined) res.setHeader(key, value);
      }
      if (!decided) decide();
      return held ? res : writeHead.call(res, statusCode);
    }
  );

  const hold = (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8") : Buffer.from(/** @type {Uint8Array} */ (chunk));
    held?.push(buffer);
  };

  res.write = /** @type {typeof res.write} */ (
    function (chunk, encoding, callback) {
      if (!decided && !res.headersSent) res.writeHead(res.statusCode);
      if (!held) return write.call(res, chunk, /** @type {BufferEncoding} */ (encoding), callback);
      hold(chunk, encoding);
      const done = typeof encoding === "function" ? encoding : callback;
      if (typeof done === "function") process.nextTick(done);
      return true;
    }
  );

  res.end = /** @type {typeof res.end} */ (
    function (chunk, encoding, callback) {
      if (!decided && !res.headersSent) res.writeHead(res.statusCode);
      if (!held) return end.call(res, chunk, /** @type {BufferEncoding} */ (encoding), callback);
      hold(chunk, encoding);
      const body = Buffer.concat(held);
      held = null;
      const page = pageFacts(body, String(res.getHeader("content-encoding") ?? ""));
      res.setHeader(CSP, page.policy);
      res.setHeader("etag", page.etag);
      const done = typeof chunk === "function" ? chunk : typeof encoding === "function" ? encoding : callback;
      const then = typeof done === "function" ? done : undefined;
      if (res.statusCode === 200 && notModified(req.headers["if-none-match"], page.etag)) {
        for (const name of ["content-length", "content-type", "content-encoding", "transfer-encoding"]) res.removeHeader(name);
        writeHead.call(res, 304);
        return end.call(res, then);
      }
      if (!res.hasHeader("transfer-encoding")) res.setHeader("content-length", body.length);
      writeHead.call(res, res.statusCode);
      return end.call(res, body, then);
    }
  );
}
