import { expect, test, type Page } from "@playwright/test";
import { signInByLink, uniqueEmail } from "./fixtures/auth";
import { plainPhrases } from "./fixtures/crawl";
import { analysisPhrases, firstPaid, riskPhrases } from "./fixtures/demo";

/**
 * A piece's page is one cached document for everyone; what a signed-in viewer gets comes from one
 * private request of its island (/api/read/<slug>), and an anonymous reader's page makes none.
 */
const piecePath = `/p/${firstPaid.slug}`;
const phrase = analysisPhrases(firstPaid.slug)[0]!;
const gatedRisk = riskPhrases(firstPaid.slug).flatMap(plainPhrases)[0]!;

/** The same-origin /api requests a page load makes about its viewer (the read beacon names only the piece). */
function apiRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith("/api/") && url.pathname !== "/api/reads") seen.push(url.pathname);
  });
  return seen;
}

test("an anonymous reader's piece page asks the server nothing about the viewer", async ({ page }) => {
  const seen = apiRequests(page);
  await page.goto(piecePath);
  await expect(page.getByRole("region", { name: "The full analysis is for subscribers" })).toBeVisible();
  await expect(page.getByText(phrase)).toHaveCount(0);
  await page.waitForLoadState("networkidle");
  expect(seen).toEqual([]);
});

test("a subscriber's page asks once and shows the analysis and the whole assessment; the document stays everyone's", async ({ page }) => {
  await signInByLink(page, "admin@example.com", "/account");
  // /account's own masthead asks /api/viewer after its load; only the piece page's requests count.
  await page.waitForLoadState("networkidle");
  const seen = apiRequests(page);
  const document = page.waitForResponse((r) => new URL(r.url()).pathname === piecePath);
  await page.goto(piecePath);
  await expect(page.getByText(phrase)).toBeVisible();
  await expect(page.getByText(gatedRisk, { exact: false }).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "The full analysis is for subscribers" })).toHaveCount(0);
  await page.waitForLoadState("networkidle");
  expect(seen).toEqual([`/api/read/${firstPaid.slug}`]);
  const html = await (await document).text();
  expect(html).not.toContain(phrase);
  expect((await document).headers()["cache-control"]).toBe("s-maxage=5");
});

test("a free member's follow from the cached page's risk card holds after a reload; signing out ends the asking", async ({ page }) => {
  await signInByLink(page, uniqueEmail("edition-free"), "/account");
  await page.goto(piecePath);
  await expect(page.getByRole("link", { name: "Subscribe to read on →" })).toBeVisible();
  const card = page.getByRole("region", { name: /Risk assessment/ });
  await card.getByRole("button", { name: "Follow this piece" }).click();
  await expect(card.getByRole("button", { name: "Following this piece ✓" })).toBeVisible();
  await page.reload();
  await expect(card.getByRole("button", { name: "Following this piece ✓" })).toBeVisible();

  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You’re signed out." })).toBeVisible();
  // The first page after signing out finds the session gone and drops the hint; later pages ask nothing.
  await page.goto(piecePath);
  await expect(page.getByRole("region", { name: "The full analysis is for subscribers" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Join ESM Insight →" }).first()).toBeVisible();
  const seen = apiRequests(page);
  await page.goto(piecePath);
  await expect(card.getByRole("button", { name: /^Follow/ })).toHaveCount(0);
  await page.waitForLoadState("networkidle");
  expect(seen).toEqual([]);
});
