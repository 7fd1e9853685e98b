import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { uniqueEmail } from "./fixtures/auth";
import { firstPaid } from "./fixtures/demo";
import { payWith, subscribeFromPiece } from "./fixtures/subscribe";

// Words of the first paid demo piece (db/demo-pieces.ts): one only its teaser holds, one only its analysis.
const TEASER_WORD = "flank";
const ANALYSIS_WORD = "telemetry";

async function search(page: Page, q: string): Promise<void> {
  await page.goto("/search");
  await page.getByRole("searchbox", { name: "Search the analysis" }).fill(q);
  await page.getByRole("button", { name: "Search" }).click();
  await page.waitForURL((url) => url.searchParams.get("q") === q);
}

const hitLink = (page: Page) => page.getByRole("link", { name: firstPaid.headline });

test("anyone finds a piece by a word of its teaser, marked in the snippet", async ({ page }) => {
  await search(page, TEASER_WORD);
  await expect(page.getByRole("main").getByRole("status")).toContainText("1 piece found");
  await expect(hitLink(page)).toBeVisible();
  await expect(page.locator(".search-hit mark")).toHaveText([new RegExp(TEASER_WORD, "i")]);
  await hitLink(page).click();
  await expect(page).toHaveURL(`/p/${firstPaid.slug}`);
});

test("a subscriber finds a piece by a word of its analysis; an anonymous reader does not", async ({ browser }) => {
  test.setTimeout(120_000);
  const anonymous = await browser.newPage();
  await search(anonymous, ANALYSIS_WORD);
  await expect(anonymous.getByRole("main").getByRole("status")).toContainText("Nothing found");
  await expect(hitLink(anonymous)).toHaveCount(0);
  expect(await anonymous.content()).not.toContain(`/p/${firstPaid.slug}"`);

  const subscriber = await browser.newPage();
  await subscribeFromPiece(subscriber, uniqueEmail("search-sub"), "monthly");
  await payWith(subscriber, "4242 4242 4242 4242");
  await subscriber.waitForURL((url) => url.pathname === `/p/${firstPaid.slug}`);
  await search(subscriber, ANALYSIS_WORD);
  await expect(hitLink(subscriber)).toBeVisible();
  await expect(subscriber.locator(".search-hit mark").first()).toHaveText(new RegExp(ANALYSIS_WORD, "i"));
  await Promise.all([anonymous.close(), subscriber.close()]);
});

test("a refused query says why and searches nothing", async ({ page }) => {
  await page.goto(`/search?q=${"x".repeat(201)}`);
  await expect(page.locator('p[role="alert"]')).toHaveText(/200 characters at most/);
  await page.goto("/search?q=risk&page=0");
  await expect(page.locator('p[role="alert"]')).toHaveText(/Pages start at 1/);
  await expect(page.locator(".search-hit")).toHaveCount(0);
});

for (const width of [360, 1280]) {
  for (const scheme of ["light", "dark"] as const) {
    test(`/search has no serious accessibility violation at ${width} px, ${scheme}`, async ({ browser }, info) => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto("/search?q=price");
      await expect(page.locator(".search-hit").first()).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      await page.screenshot({ path: info.outputPath(`search-${width}-${scheme}.png`), fullPage: true });
      await context.close();
    });
  }
}
