import { expect, test, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { signInByLink, uniqueEmail } from "./fixtures/auth";
import { analysisPhrases, DEMO_PIECES, firstPaid, paidPieces, riskPhrases } from "./fixtures/demo";
import { advanceStripeClock } from "./fixtures/stripe";
import { payWith, subscribeFromPiece } from "./fixtures/subscribe";

// Demo-only tools are left out: /dev/mailbox shows every mail the app sent, by design.
const EXCLUDED = /^\/dev\//;
// The analysis and the gated risk assessment (rationales, signals, indicators, notes) of every paid piece.
const phrases = paidPieces.flatMap((p) => [...analysisPhrases(p.slug), ...riskPhrases(p.slug)]);

function knownRoutes(): string[] {
  const categories = [...new Set(DEMO_PIECES.map((p) => p.category.toLowerCase()))];
  return [
    "/",
    "/page/1",
    "/page/2",
    "/join",
    `/join?next=/p/${firstPaid.slug}`,
    "/login",
    "/login/check?email=a%40example.com",
    "/login/confirm?id=nothing-here",
    "/account",
    "/admin",
    "/feed.xml",
    "/sitemap.xml",
    "/robots.txt",
    "/api/auth/session",
    "/api/auth/providers",
    "/api/auth/csrf",
    "/api/stripe/webhook",
    `/billing/success?session_id=cs_x&next=/p/${firstPaid.slug}`,
    "/no-such-page",
    ...categories.map((c) => `/category/${c}`),
    ...DEMO_PIECES.flatMap((p) => [`/p/${p.slug}`, `/read/${p.slug}`, `/og/${p.slug}`]),
  ];
}

/** Every same-origin link reachable from the known routes (one level), plus the known routes. */
async function allRoutes(request: APIRequestContext): Promise<string[]> {
  const routes = new Set(knownRoutes());
  for (const start of ["/", `/p/${firstPaid.slug}`, "/join", "/account"]) {
    const html = await (await request.get(start)).text();
    for (const m of html.matchAll(/href="(\/[^"#]*)"/g)) {
      const href = m[1]!.replace(/&amp;/g, "&");
      if (!href.startsWith("/_next/") && !EXCLUDED.test(href)) routes.add(href);
    }
  }
  return [...routes];
}

async function crawl(context: BrowserContext, label: string): Promise<string[]> {
  const request = context.request;
  const leaks: string[] = [];
  const routes = await allRoutes(request);
  expect(routes.length).toBeGreaterThan(30);
  for (const route of routes) {
    const variants: Record<string, string>[] = [{}, { RSC: "1" }, { RSC: "1", "Next-Router-Prefetch": "1" }];
    for (const headers of variants) {
      const res = await request.get(route, { headers, maxRedirects: 5 });
      const body = await res.text();
      for (const p of phrases) if (body.includes(p)) leaks.push(`${label} ${route} ${JSON.stringify(headers)} → "${p.slice(0, 40)}…"`);
    }
  }
  return leaks;
}

test.describe.configure({ mode: "serial" });

test("no anonymous, free-member or lapsed-subscriber response holds a paid analysis; an active subscriber sees it", async ({ browser }) => {
  test.setTimeout(240_000);
  const anonymous = await browser.newContext();
  expect(await crawl(anonymous, "anonymous")).toEqual([]);

  const free = await browser.newContext();
  await signInByLink(await free.newPage(), uniqueEmail("crawl-free"), "/account");
  expect(await crawl(free, "free member")).toEqual([]);

  const subscriber = await browser.newContext();
  const page = await subscriber.newPage();
  await subscribeFromPiece(page, uniqueEmail("crawl-lapsed"), "monthly");
  await payWith(page, "4242 4242 4242 4242");
  await page.waitForURL((url) => url.pathname === `/p/${firstPaid.slug}`);
  const piece = await subscriber.request.get(`/p/${firstPaid.slug}`);
  const pieceHtml = await piece.text();
  expect(pieceHtml).toContain(analysisPhrases(firstPaid.slug)[0]!);
  expect(pieceHtml).toContain(riskPhrases(firstPaid.slug)[0]!);
  expect(piece.headers()["cache-control"]).toMatch(/private.*no-store|no-store.*private/);

  await page.goto("/account");
  await page.getByRole("button", { name: "Manage billing" }).click();
  await page.waitForURL(/\/portal\//);
  await page.getByRole("button", { name: "Cancel plan" }).click();
  await advanceStripeClock(subscriber.request, 40 * 86_400);
  await expect
    .poll(async () => (await (await subscriber.request.get(`/p/${firstPaid.slug}`)).text()).includes(analysisPhrases(firstPaid.slug)[0]!), { timeout: 15_000 })
    .toBe(false);
  expect(await crawl(subscriber, "lapsed subscriber")).toEqual([]);
  await Promise.all([anonymous.close(), free.close(), subscriber.close()]);
});
