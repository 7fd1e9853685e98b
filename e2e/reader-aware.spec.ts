import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInByLink, uniqueEmail } from "./fixtures/auth";
import { DEMO_PIECES, firstPaid, publicPiece } from "./fixtures/demo";
import { payWith, subscribeFromPiece } from "./fixtures/subscribe";

const masthead = (page: Page) => page.getByRole("banner");
const settled = (page: Page) => expect(page.locator(".masthead-actions")).not.toHaveAttribute("data-viewer", "pending");
const JOIN = /Join ESM Insight|Subscribe/;

async function expectNoJoin(page: Page): Promise<void> {
  await settled(page);
  await expect(page.getByRole("link", { name: JOIN })).toHaveCount(0);
  await expect(page.getByRole("button", { name: JOIN })).toHaveCount(0);
}

test("anonymous readers are offered Sign in and Join", async ({ page }) => {
  await page.goto("/");
  await settled(page);
  await expect(masthead(page).getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/login");
  await expect(masthead(page).getByRole("link", { name: "Join ESM Insight →" })).toHaveAttribute("href", "/join");
  await expect(masthead(page).getByRole("link", { name: "Account" })).toHaveCount(0);
  await expect(page.getByRole("complementary", { name: "Subscribe" })).toBeVisible();
});

test("a free member is told they signed in, sees Account and Subscribe, and is told they signed out", async ({ page }) => {
  await signInByLink(page, uniqueEmail("free-member"), "/");
  await expect(page.getByRole("status").filter({ hasText: "You’re signed in." })).toBeVisible();
  await expect(page).not.toHaveURL(/session=/);
  await settled(page);
  await expect(masthead(page).getByRole("link", { name: "Account" })).toBeVisible();
  await expect(masthead(page).getByRole("link", { name: "Subscribe" })).toHaveAttribute("href", "/join");
  await expect(masthead(page).getByRole("link", { name: "Sign in" })).toHaveCount(0);

  await page.goto(`/p/${firstPaid.slug}`);
  const paywall = page.getByRole("region", { name: "The full analysis is for subscribers" });
  await expect(paywall.getByRole("link", { name: "Subscribe to read on →" })).toBeVisible();
  await expect(paywall.getByText("Already a subscriber?")).toHaveCount(0);
  await expect(paywall.getByText(/ a month or .* a year\. Cancel any time\./)).toBeVisible();

  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You’re signed out." })).toBeVisible();
  await settled(page);
  await expect(masthead(page).getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("after Checkout the subscriber is told so, and no page asks them to join again", async ({ page }) => {
  await subscribeFromPiece(page, uniqueEmail("aware-subscriber"));
  await payWith(page, "4242 4242 4242 4242");
  await page.waitForURL((url) => url.pathname === `/p/${firstPaid.slug}`);
  await expect(page.getByRole("status").filter({ hasText: "You’re subscribed." })).toBeVisible();
  await expect(masthead(page).getByRole("link", { name: "Account" })).toBeVisible();
  await expectNoJoin(page);
  await expect(page.getByRole("region", { name: "More analysis" }).getByRole("link")).toHaveCount(3);

  for (const path of ["/", `/p/${publicPiece.slug}`]) {
    await page.goto(path);
    await expectNoJoin(page);
    await expect(masthead(page).getByRole("link", { name: "Account" })).toBeVisible();
  }
  await page.goto("/join");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You’re already subscribed.");
  await expectNoJoin(page);
});

test("the paywall shows the price and the end of a piece offers more analysis", async ({ page }) => {
  await page.goto(`/p/${firstPaid.slug}`);
  const paywall = page.getByRole("region", { name: "The full analysis is for subscribers" });
  await expect(paywall.getByText(/ a month or .* a year\. Cancel any time\./)).toBeVisible();
  const more = page.getByRole("region", { name: "More analysis" }).getByRole("link");
  await expect(more).toHaveCount(3);
  await expect(more.filter({ hasText: firstPaid.headline })).toHaveCount(0);
  await page.goto(`/p/${publicPiece.slug}`);
  await settled(page);
  await expect(page.getByRole("complementary", { name: "Subscribe" }).getByRole("link", { name: "Join ESM Insight →" })).toBeVisible();
});

test("category slugs are case-insensitive and lead to the lowercase address", async ({ page }) => {
  const res = await page.goto("/category/Markets");
  expect(res?.status()).toBe(200);
  await expect(page).toHaveURL(/\/category\/markets$/);
  await expect(page.getByRole("heading", { level: 1, name: "Markets" })).toBeVisible();
});

test("the one 404 has the site's chrome, the latest pieces and a search form", async ({ page }) => {
  for (const path of ["/no-such-page", "/p/no-such-piece", "/category/no-such-category"]) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "We couldn’t find that page" })).toBeVisible();
    await expect(masthead(page).getByRole("navigation", { name: "Sections" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Latest analysis" }).getByRole("link")).toHaveCount(3);
    await expect(page.getByRole("search").getByRole("searchbox", { name: "Search the analysis" })).toBeVisible();
  }
  await page.getByRole("searchbox", { name: "Search the analysis" }).fill("strike");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=strike$/);
});

const AXE_PAGES = ["/", "/category/markets", `/p/${firstPaid.slug}`, "/join", "/no-such-page"];
for (const viewport of [
  { name: "360 px", width: 360, height: 800 },
  { name: "desktop", width: 1280, height: 900 },
]) {
  for (const scheme of ["light", "dark"] as const) {
    test(`axe: no serious violation on reader pages at ${viewport.name}, ${scheme}`, async ({ page }, info) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      for (const path of AXE_PAGES) {
        await page.goto(path);
        await settled(page);
        const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
        const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        expect(serious.map((v) => `${path}: ${v.id} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
        await page.screenshot({ path: info.outputPath(`${path.replace(/\W+/g, "_") || "home"}-${viewport.width}-${scheme}.png`), fullPage: true });
      }
    });
  }
}

test("the home teasers' read links are named by their visible words first (WCAG 2.5.3)", async ({ page }) => {
  await page.goto("/");
  const reads = page.getByRole("link", { name: /^Read the analysis/ });
  // Other specs publish pieces as this one runs: at least the demo pieces, at most one page of ten.
  await expect(reads.first()).toBeVisible();
  const count = await reads.count();
  expect(count).toBeGreaterThanOrEqual(Math.min(10, DEMO_PIECES.length));
  expect(count).toBeLessThanOrEqual(10);
  await expect(reads.first()).toHaveAccessibleName(/^Read the analysis ?: .+/);
});
