import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { hashPolicy, inlineScriptHashes, newNonce, noncePolicy } from "./csp.mjs";
import { frontResponseHeaders } from "./front-response.mjs";
import { strictTransportSecurity } from "./hsts.mjs";

const sha = (text: string): string => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const scriptSrc = (policy: string): string[] =>
  (policy.split("; ").find((d) => d.startsWith("script-src ")) ?? "").split(" ").slice(1);

describe("the Content-Security-Policy", () => {
  it("by nonce: only that nonce and what its scripts load, never 'unsafe-inline'", () => {
    const nonce = newNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
    expect(newNonce()).not.toBe(nonce);
    expect(scriptSrc(noncePolicy(nonce))).toEqual([`'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(noncePolicy(nonce)).toContain("object-src 'none'");
    expect(noncePolicy(nonce)).toContain("frame-ancestors 'none'");
    // The staff preview only: framed by this origin, never by another.
    expect(noncePolicy(nonce, false, true)).toContain("frame-ancestors 'self'");
    expect(noncePolicy(nonce, false, true)).not.toContain("frame-ancestors 'none'");
  });

  it("by hash: exactly Next's inline data pushes; not JSON-LD, not scripts with a src, not any other inline script", () => {
    const chunks = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"]});';
    const start = "(self.__next_f=self.__next_f||[]).push([0])";
    const payload = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n\\u003cb\\u003e"])';
    const html = [
      `<script id="_R_">${chunks}</script>`,
      `<script>${start}</script>`,
      `<script>${payload}</script>`,
      '<script type="application/ld+json">{"@type":"Article"}</script>',
      '<script src="/_next/static/chunks/main.js" async=""></script>',
      "<script>alert(document.cookie)</script>",
      '<script>self.__next_f.push([1,"x"]);alert(1)</script>',
      '<script>self.__next_f.push(alert(1))</script>',
      `<script>${start}</script>`,
    ].join("");
    expect(inlineScriptHashes(html)).toEqual([sha(chunks), sha(start), sha(payload)]);
    const sources = scriptSrc(hashPolicy(html));
    expect(sources[0]).toBe("'self'");
    expect(sources.join(" ")).not.toMatch(/unsafe-inline|nonce-/);
  });
});

describe("npm start's front (frontResponseHeaders)", () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  });

  async function serve(handler: (res: import("node:http").ServerResponse) => void): Promise<string> {
    const server = createServer((req, res) => {
      frontResponseHeaders(req, res);
      handler(res);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }

  it("adds the hash policy to streamed HTML and leaves the body as it was", async () => {
    const url = await serve((res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.write("<html><script>self.__next_f.push([1])</script>");
      res.write(Buffer.from("<script>self.__next_f.push([2])</script><script>two()</script>"));
      res.end("</html>");
    });
    const response = await fetch(url);
    expect(await response.text()).toBe("<html><script>self.__next_f.push([1])</script><script>self.__next_f.push([2])</script><script>two()</script></html>");
    expect(scriptSrc(response.headers.get("content-security-policy") ?? "")).toEqual(["'self'", sha("self.__next_f.push([1])"), sha("self.__next_f.push([2])")]);
  });

  it("reads a compressed body to hash it", async () => {
    const html = "<p>hi</p><script>self.__next_f.push([3])</script>";
    const url = await serve((res) => {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      res.end(gzipSync(html));
    });
    const response = await fetch(url);
    expect(await response.text()).toBe(html);
    expect(scriptSrc(response.headers.get("content-security-policy") ?? "")).toEqual(["'self'", sha("self.__next_f.push([3])")]);
  });

  it("gives a cached page its version's ETag and answers a browser that holds that version 304 without the body", async () => {
    let version = "one";
    const url = await serve((res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(`<p>${version}</p><script>self.__next_f.push([4])</script>`);
    });
    const first = await fetch(url);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect((await fetch(url)).headers.get("etag")).toBe(etag);
    const held = await fetch(url, { headers: { "if-none-match": `"other", W/${etag}` } });
    expect(held.status).toBe(304);
    expect(await held.text()).toBe("");
    expect(held.headers.get("content-security-policy")).toContain(sha("self.__next_f.push([4])"));
    expect((await fetch(url, { headers: { "if-none-match": '"other"' } })).status).toBe(200);
    version = "two";
    const changed = await fetch(url, { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain("<p>two</p>");
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("keeps a policy the app set (a nonce) and leaves other types alone", async () => {
    const url = await serve((res) => {
      res.setHeader("content-type", "text/html");
      res.setHeader("content-security-policy", "script-src 'nonce-abc'");
      res.end("<script nonce=abc>x()</script>");
    });
    expect((await fetch(url)).headers.get("content-security-policy")).toBe("script-src 'nonce-abc'");
    const json = await serve((res) => {
      res.setHeader("content-type", "application/json");
      res.end("{}");
    });
    expect((await fetch(json)).headers.get("content-security-policy")).toBeNull();
  });

  it("adds Vary: Cookie to what a shared cache may keep, and only to that", async () => {
    const url = await serve((res) => {
      const path = res.req.url ?? "";
      res.setHeader("content-type", "text/plain");
      if (path.includes("public")) res.setHeader("cache-control", "s-maxage=5");
      else res.setHeader("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
      if (path.includes("vary")) res.appendHeader("vary", "RSC, Next-Router-State-Tree");
      res.end("x");
    });
    expect((await fetch(`${url}public`)).headers.get("vary")).toBe("Cookie");
    expect((await fetch(`${url}public-vary`)).headers.get("vary")).toBe("RSC, Next-Router-State-Tree, Cookie");
    expect((await fetch(`${url}private`, { method: "POST" })).headers.get("vary")).toBeNull();
  });
});

describe("Strict-Transport-Security", () => {
  it("is sent for an https APP_URL only", () => {
    expect(strictTransportSecurity("https://insight.example.com")).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(strictTransportSecurity("http://localhost:3000")).toBeNull();
    expect(strictTransportSecurity(undefined)).toBeNull();
  });
});
