import { expect, test } from "@playwright/test";
import { signInByLink, uniqueEmail } from "./fixtures/auth";
import { crawl, currentTargets, demoSecretPhrases, plainPhrases, searchQueryFor, searchTargets, staffIds, staffPieces, VARIANTS, type CrawlReport } from "./fixtures/crawl";
import { firstPaid, membersPiece, paidPieces, riskPhrases } from "./fixtures/demo";
import { publishPiece } from "./fixtures/editor";
import { isExcluded, manifestRoutes, serverActions, uncovered } from "./fixtures/manifest-routes";
import { advanceStripeClock } from "./fixtures/stripe";
import { payWith, subscribeFromPiece } from "./fixtures/subscribe";

test.describe.configure({ mode: "serial" });

test("the crawl's URLs come from the build's manifests and reach every route in them", async ({ request }) => {
  const routes = manifestRoutes();
  // The build has pages, route handlers and dynamic routes; a manifest read wrong would show here.
  expect(routes.filter((r) => r.kind === "page").length).toBeGreaterThan(15);
  expect(routes.filter((r) => r.kind === "route").length).toBeGreaterThan(8);
  expect(routes.some((r) => r.route === "/p/[slug]" && r.params.join() === "slug")).toBe(true);
  const targets = await currentTargets(request);
  // Nothing silently dropped: every route not excluded (only /dev/*, see EXCLUDED_ROUTES) has a URL.
  expect(uncovered(routes, targets)).toEqual([]);
  // ... and the check itself can fail.
  expect(uncovered(routes, []).length).toBe(routes.filter((r) => !isExcluded(r.route)).length);
  expect(routes.filter((r) => isExcluded(r.route)).map((r) => r.route).sort()).toEqual(["/dev/mailbox", "/dev/mailbox.json", "/dev/mailbox/[id]", "/dev/mailbox/[id]/events"]);
  // Dynamic routes are filled with what the site lists: every published demo piece is reached.
  expect(targets.map((t) => t.url)).toContain(`/p/${firstPaid.slug}`);
  const actions = serverActions();
  expect(actions.length).toBeGreaterThan(10);
  for (const a of actions) expect(a.workers.length, `${a.name} is carried by a page`).toBeGreaterThan(0);
});

function expectClean(report: CrawlReport): void {
  expect(report.leaks).toEqual([]);
  expect(report.notRsc).toEqual([]);
}

test("no anonymous, free-member or lapsed-subscriber response holds a non-public analysis, pieces made during the run included; RSC requests get RSC", async ({ browser }) => {
  test.setTimeout(480_000);
  // An editor writes a paid piece during the run.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signInByLink(adminPage, "admin@example.com", "/admin");
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  // A made-up word only this analysis holds: searching it must find the piece for a subscriber only.
  const gatedWord = `gatedword${stamp.replace(/\D/g, "")}`;
  const secret = `Crawler sentence ${stamp} lives only behind the paywall, ${gatedWord}, of this new piece.`;
  const created = await publishPiece(adminPage, { headline: `Crawler piece ${stamp}`, analysis: secret, visibility: "paid" });

  // Phrases from every piece that is not public, as the staff area holds them now.
  const pieces = await staffPieces(admin.request);
  const phrasesOf = (visibilities: string[]) => [
    ...new Set(pieces.filter((p) => visibilities.includes(p.visibility)).flatMap((p) => plainPhrases(p.analysis))),
  ];
  // Anonymous readers may read no members or paid piece; signed-in readers without a subscription no paid one.
  // The gated risk assessment of every paid demo piece too: rationales, signals, indicators, dated notes.
  const riskSecrets = paidPieces.flatMap((p) => riskPhrases(p.slug).flatMap(plainPhrases));
  expect(riskSecrets.length).toBeGreaterThan(0);
  // The members piece's signals too (the risk radar and its card hold them back from anonymous readers).
  const membersRisk = riskPhrases(membersPiece.slug).flatMap(plainPhrases);
  expect(membersRisk.length).toBeGreaterThan(0);
  const phrases = [...phrasesOf(["members", "paid"]), ...riskSecrets, ...membersRisk];
  const paidPhrases = [...phrasesOf(["paid"]), ...riskSecrets];
  expect(paidPhrases).toContain(plainPhrases(secret)[0]);
  for (const p of demoSecretPhrases()) expect(phrases, "the staff area's pieces include the demo's").toContain(p);
  const extra = { pieceSlugs: pieces.map((p) => p.slug), ids: await staffIds(admin.request, pieces.map((p) => p.id)) };

  const anonymous = await browser.newContext();
  const targets = await currentTargets(anonymous.request, extra);
  expect(targets.map((t) => t.url)).toContain(`/p/${created.slug}`);
  // /search for every gated phrase's words: no snippet of a gated analysis comes back.
  expect(searchQueryFor(plainPhrases(secret)[0]!)).not.toBeNull();
  const anon = await crawl(anonymous.request, "anonymous", [...targets, ...searchTargets(phrases)], phrases);
  expectClean(anon);
  // The crawl reached the new piece's page and its teaser (so a leak there would have been seen).
  expect(anon.status.get(`/p/${created.slug}`)).toBe(200);
  expect(anon.bodies.get(`/p/${created.slug}`)).toContain(`Crawler piece ${stamp}`);
  // ... and the risk radar, whose shape it may see.
  expect(anon.status.get("/radar")).toBe(200);
  expect(anon.bodies.get("/radar")).toContain("Open signals by vector");

  const free = await browser.newContext();
  await signInByLink(await free.newPage(), uniqueEmail("crawl-free"), "/account");
  expectClean(await crawl(free.request, "free member", [...(await currentTargets(free.request, extra)), ...searchTargets(paidPhrases)], paidPhrases));
  // Nor the fact that a word matched only in the analysis: the search finds nothing, in HTML or RSC.
  for (const [label, ctx] of [["anonymous", anonymous], ["free member", free]] as const) {
    for (const v of VARIANTS) {
      const res = await ctx.request.get(`/search?q=${gatedWord}`, { headers: v.headers });
      const body = await res.text();
      expect(res.status(), `${label} ${v.name}`).toBe(200);
      // Any hit is a "search-hit" (the piece's own link also sits in every page's 404 fallback, latest pieces).
      expect(body, `${label} ${v.name}`).not.toContain("search-hit");
      // A prefetch gets the dynamic page's shell only; the document and the RSC request say why it is empty.
      if (!v.headers["Next-Router-Prefetch"]) expect(body, `${label} ${v.name}`).toContain("Nothing found");
    }
  }

  const subscriber = await browser.newContext();
  const page = await subscriber.newPage();
  await subscribeFromPiece(page, uniqueEmail("crawl-lapsed"), "monthly");
  await payWith(page, "4242 4242 4242 4242");
  await page.waitForURL((url) => url.pathname === `/p/${firstPaid.slug}`);
  // Positive controls: the paying subscriber gets both the demo piece and the new one, privately, from the
  // page's island request; the page itself is the one everyone gets.
  const demoPhrase = plainPhrases(firstPaid.analysis)[0]!;
  await expect(page.getByText(demoPhrase)).toBeVisible();
  const piece = await subscriber.request.get(`/api/read/${firstPaid.slug}`);
  expect(await piece.text()).toContain(demoPhrase);
  expect(piece.headers()["cache-control"]).toMatch(/private.*no-store|no-store.*private/);
  expect(await (await subscriber.request.get(`/p/${firstPaid.slug}`)).text()).not.toContain(demoPhrase);
  const gatedRisk = riskPhrases(firstPaid.slug).flatMap(plainPhrases);
  if (gatedRisk.length > 0) expect(await (await subscriber.request.get(`/api/read/${firstPaid.slug}`)).text()).toContain(gatedRisk[0]);
  expect(await (await subscriber.request.get(`/api/read/${created.slug}`)).text()).toContain(plainPhrases(secret)[0]);
  // ... and finds the new piece by the word only its analysis holds, with that word marked in the snippet.
  const found = await subscriber.request.get(`/search?q=${gatedWord}`);
  const foundHtml = await found.text();
  expect(foundHtml).toContain(`/p/${created.slug}`);
  expect(foundHtml).toContain("search-hit");
  expect(foundHtml).toContain(`<mark>${gatedWord}</mark>`);
  expect(found.headers()["cache-control"]).toMatch(/private|no-store/);
  const radar = await subscriber.request.get("/radar");
  const radarHtml = await radar.text();
  expect(riskSecrets.some((p) => radarHtml.includes(p)), "the subscriber's radar lists paid signals").toBe(true);
  expect(radar.headers()["cache-control"]).toMatch(/private.*no-store|no-store.*private/);

  await page.goto("/account");
  await page.getByRole("button", { name: "Manage billing" }).click();
  await page.waitForURL(/\/portal\//);
  await page.getByRole("button", { name: "Cancel plan" }).click();
  await advanceStripeClock(subscriber.request, 40 * 86_400);
  await expect
    .poll(async () => (await (await subscriber.request.get(`/api/read/${firstPaid.slug}`)).text()).includes(demoPhrase), { timeout: 15_000 })
    .toBe(false);
  expectClean(await crawl(subscriber.request, "lapsed subscriber", [...(await currentTargets(subscriber.request, extra)), ...searchTargets(paidPhrases)], paidPhrases));
  expect(await (await subscriber.request.get(`/search?q=${gatedWord}`)).text()).not.toContain("search-hit");
  await Promise.all([admin.close(), anonymous.close(), free.close(), subscriber.close()]);
});

