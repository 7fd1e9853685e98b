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
  });

  it("by hash: exactly the executable inline scripts, not data blocks or scripts with a src", () => {
    const html = [
      "<script>self.__next_f=[]</script>",
      '<script id="x" type="text/javascript">a()</script>',
      '<script type="module">b()</script>',
      '<script type="application/ld+json">{"@type":"Article"}</script>',
      '<script src="/_next/static/chunks/main.js" async=""></script>',
      "<script>self.__next_f=[]</script>",
    ].join("");
    expect(inlineScriptHashes(html)).toEqual([sha("self.__next_f=[]"), sha("a()"), sha("b()")]);
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
      res.write("<html><script>one()</script>");
      res.write(Buffer.from("<script>two()</script>"));
      res.end("</html>");
    });
    const response = await fetch(url);
    expect(await response.text()).toBe("<html><script>one()</script><script>two()</script></html>");
    expect(scriptSrc(response.headers.get("content-security-policy") ?? "")).toEqual(["'self'", sha("one()"), sha("two()")]);
  });

  it("reads a compressed body to hash it", async () => {
    const html = "<p>hi</p><script>zipped()</script>";
    const url = await serve((res) => {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      res.end(gzipSync(html));
    });
    const response = await fetch(url);
    expect(await response.text()).toBe(html);
    expect(scriptSrc(response.headers.get("content-security-policy") ?? "")).toEqual(["'self'", sha("zipped()")]);
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
