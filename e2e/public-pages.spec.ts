import { expect, test } from "@playwright/test";
import { analysisPhrases, DEMO_PIECES, firstPaid, publicPiece } from "./fixtures/demo";
import { captureResponses, findLeaks } from "./fixtures/responses";

test("the home page lists the demo teasers with a Join call to action", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "ESM Insight The risk behind the headline" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Join ESM Insight →" }).first()).toHaveAttribute("href", "/join");
  // Other specs publish pieces meanwhile, so the demo pieces may run on to the next pages of ten.
  const headlines = new Set<string>();
  for (let n = 1; n <= 5; n++) {
    const res = await page.goto(n === 1 ? "/" : `/page/${n}`);
    if (res?.status() !== 200) break;
    for (const h of await page.locator("main h2, main h3").allTextContents()) headlines.add(h.trim());
  }
  expect(DEMO_PIECES.map((p) => p.headline).filter((h) => !headlines.has(h))).toEqual([]);
});

test("a paid piece shows its source report, teaser and the Join link, and nothing of its analysis", async ({ page }) => {
  const captured = captureResponses(page);
  const path = `/p/${firstPaid.slug}`;
  const res = await page.goto(path);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: firstPaid.headline })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "The report this analysis responds to" })).toContainText(firstPaid.sourceOutlet!);
  await expect(page.getByText("The coverage frames this as automation")).toBeVisible();
  const join = page.getByRole("region", { name: "The full analysis is for subscribers" }).getByRole("link", { name: "Join ESM Insight →" });
  await expect(join).toHaveAttribute("href", `/join?next=${encodeURIComponent(path)}`);
  await captured.settle();
  expect(captured.all.length).toBeGreaterThan(3);
  expect(findLeaks(captured.all, analysisPhrases(firstPaid.slug))).toEqual([]);
});

test("client-side navigation (RSC payloads) to a paid piece leaks nothing", async ({ page }) => {
  const captured = captureResponses(page);
  // From its category's list: the home page's first ten are, by now, pieces other specs published.
  await page.goto(`/category/${firstPaid.category.toLowerCase()}`);
  await page.getByRole("link", { name: firstPaid.headline, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${firstPaid.slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: firstPaid.headline })).toBeVisible();
  await captured.settle();
  expect(captured.all.some((c) => c.url.includes("_rsc=") || c.url.includes(`/p/${firstPaid.slug}`))).toBe(true);
  expect(findLeaks(captured.all, analysisPhrases(firstPaid.slug))).toEqual([]);
});

test("a public piece shows its full analysis to everyone", async ({ page }) => {
  await page.goto(`/p/${publicPiece.slug}`);
  for (const phrase of analysisPhrases(publicPiece.slug)) await expect(page.getByText(phrase)).toBeVisible();
});

test("the RSS feed holds teasers only", async ({ request }) => {
  const res = await request.get("/feed.xml");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("rss+xml");
  const xml = await res.text();
  expect(xml).toContain("<rss");
  for (const p of DEMO_PIECES) {
    expect(xml).toContain(`/p/${p.slug}`);
    if (p.visibility !== "public") for (const phrase of analysisPhrases(p.slug)) expect(xml).not.toContain(phrase);
  }
});

test("sitemap, robots, categories, JSON-LD and a useful 404", async ({ page, request }) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  for (const p of DEMO_PIECES) expect(sitemap).toContain(`/p/${p.slug}`);
  expect(await (await request.get("/robots.txt")).text()).toContain("Sitemap:");

  await page.goto("/category/markets");
  await expect(page.getByRole("heading", { level: 1, name: "Markets" })).toBeVisible();
  for (const p of DEMO_PIECES) {
    const heading = page.getByRole("heading", { name: p.headline });
    await expect(heading).toHaveCount(p.category === "Markets" ? 1 : 0);
  }

  await page.goto(`/p/${firstPaid.slug}`);
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(ld["@type"]).toBe("NewsArticle");
  expect(ld.isAccessibleForFree).toBe(false);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/p/${firstPaid.slug}$`));

  const og = await request.get(`/og/${firstPaid.slug}`);
  expect(og.status()).toBe(200);
  expect(og.headers()["content-type"]).toBe("image/png");

  const missing = await page.goto("/p/no-such-piece");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Go to the front page" })).toBeVisible();
});
