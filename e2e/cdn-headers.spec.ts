import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { SESSION_COOKIES } from "../lib/auth/cookie-names";
import { signInByLink, uniqueEmail } from "./fixtures/auth";
import { firstPaid, publicPiece } from "./fixtures/demo";
import { siteValues } from "./fixtures/manifest-routes";

/** The most an edge may keep an anonymous page, as the README promises. */
const README_S_MAXAGE = 5;

const sMaxAge = (cacheControl: string): number | null => {
  const m = /\bs-maxage=(\d+)/.exec(cacheControl);
  return m ? Number(m[1]) : null;
};
const isPrivateNoStore = (cacheControl: string): boolean => /\bprivate\b/.test(cacheControl) && /\bno-store\b/.test(cacheControl);
const varyNames = (vary: string | undefined): string[] => (vary ?? "").split(",").map((v) => v.trim().toLowerCase());
const visibleText = (html: string): string =>
  html
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

test("anonymous pages carry a short s-maxage and Vary: Cookie; with a session, a page is private, no-store or the very page everyone gets", async ({
  browser,
}) => {
  const anonymous = await browser.newContext();
  const { categorySlugs, homePages } = await siteValues(anonymous.request);
  const shared = ["/", ...homePages.map((n) => `/page/${n}`), `/p/${firstPaid.slug}`, `/p/${publicPiece.slug}`, `/category/${categorySlugs[0]}`];
  for (const path of shared) {
    const res = await anonymous.request.get(path);
    expect(res.status(), path).toBe(200);
    const cacheControl = res.headers()["cache-control"] ?? "";
    const age = sMaxAge(cacheControl);
    expect(age, `${path}: ${cacheControl}`).not.toBeNull();
    expect(age, `${path}: ${cacheControl}`).toBeLessThanOrEqual(README_S_MAXAGE);
    expect(cacheControl, path).not.toMatch(/stale-while-revalidate=\d{3,}/);
    expect(varyNames(res.headers().vary), path).toContain("cookie");
  }

  const reader = await browser.newContext();
  await signInByLink(await reader.newPage(), uniqueEmail("cdn-reader"), "/account");
  const cookieNames = (await reader.cookies()).map((c) => c.name);
  expect(cookieNames.some((n) => (SESSION_COOKIES as readonly string[]).includes(n)), cookieNames.join()).toBe(true);
  for (const path of [`/api/read/${firstPaid.slug}`, `/api/read/${publicPiece.slug}`, "/account", `/read/${firstPaid.slug}`]) {
    const res = await reader.request.get(path);
    expect(res.status(), path).toBe(200);
    expect(isPrivateNoStore(res.headers()["cache-control"] ?? ""), `${path}: ${res.headers()["cache-control"]}`).toBe(true);
    // The island's request is answered by npm start's front, the rest by Next: the same site headers on both.
    expect(res.headers(), path).toMatchObject({ "x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "strict-origin-when-cross-origin" });
  }
  // Pages that are the same for everyone may stay shareable with a session, but only when nothing in them is the reader's.
  for (const path of shared) {
    const res = await reader.request.get(path);
    const cacheControl = res.headers()["cache-control"] ?? "";
    if (isPrivateNoStore(cacheControl)) continue;
    expect(varyNames(res.headers().vary), path).toContain("cookie");
    const body = visibleText(await res.text());
    expect(body, path).not.toContain("cdn-reader-");
    expect(body, path).toBe(visibleText(await (await anonymous.request.get(path)).text()));
  }
  await Promise.all([anonymous.close(), reader.close()]);
});

test("the README's CDN rule bypasses the cache on exactly the session cookies Auth.js sets", () => {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(readme.indexOf("### A CDN in front"), readme.indexOf("\n## ", readme.indexOf("### A CDN in front")));
  expect(section).toContain("bypass");
  const named = [...section.matchAll(/`((?:__Secure-)?authjs\.[a-z-]+)`/g)].map((m) => m[1]);
  expect(named.sort()).toEqual([...SESSION_COOKIES].sort());
  expect(section).toContain(`s-maxage=${README_S_MAXAGE}`);
});

test("a cached page carries its version's ETag: a browser or CDN holding that version gets 304 without the body, with the page's policy", async ({ request }) => {
  const path = `/p/${publicPiece.slug}`;
  const first = await request.get(path);
  const etag = first.headers().etag ?? "";
  expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
  const held = await request.get(path, { headers: { "if-none-match": etag } });
  expect(held.status()).toBe(304);
  expect((await held.body()).length).toBe(0);
  expect(held.headers()["content-security-policy"]).toBe(first.headers()["content-security-policy"]);
  expect(held.headers()["cache-control"]).toBe(first.headers()["cache-control"]);
  const other = await request.get(path, { headers: { "if-none-match": '"another-version"' } });
  expect(other.status()).toBe(200);
  expect(other.headers().etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
  expect((await other.body()).length).toBeGreaterThan(1000);
});
