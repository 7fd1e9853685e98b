/**
 * The leak crawler over a piece's life (public → members → paid → unpublished, then a restart), on a
 * server of the spec's own (see fixtures/own-server.ts): a restart of Playwright's webServer is not
 * possible, and PGlite takes one process per DATA_DIR.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { requestSignInMail, uniqueEmail } from "./fixtures/auth";
import { crawl, currentTargets, demoSecretPhrases, plainPhrases, type CrawlReport } from "./fixtures/crawl";
import { publishPiece, switchVisibility, unpublish } from "./fixtures/editor";
import { signInLink } from "./fixtures/mailbox";
import { startOwnServer, type OwnServer } from "./fixtures/own-server";

const PORT = Number(process.env.E2E_LIFECYCLE_PORT ?? 3231);
const STRIPE_PORT = Number(process.env.E2E_LIFECYCLE_STRIPE_PORT ?? 12231);
const DATA_DIR = ".data-e2e-lifecycle";

test.describe.configure({ mode: "serial" });

let server: OwnServer | undefined;
test.afterAll(async () => server?.stop());

async function signIn(browser: Browser, baseURL: string, email: string, next: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const mail = await requestSignInMail(page, email, next);
  await page.goto(signInLink(mail));
  await page.getByRole("button", { name: "Sign in to ESM Insight" }).click();
  await page.waitForURL((url) => url.pathname === next.split("?")[0]);
  return { context, page };
}

function expectClean(report: CrawlReport): void {
  expect(report.leaks).toEqual([]);
  expect(report.notRsc).toEqual([]);
}

test("a piece switched public → members → paid, then unpublished, then the server restarted: anonymous responses follow each step", async ({ browser }) => {
  test.setTimeout(480_000);
  server = await startOwnServer({ port: PORT, stripePort: STRIPE_PORT, dataDir: DATA_DIR, fresh: true });
  const baseURL = server.url;
  const { page: editor } = await signIn(browser, baseURL, "admin@example.com", "/admin");
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const sentence = `Lifecycle sentence ${stamp} follows its piece from public to paid and out.`;
  const phrase = plainPhrases(sentence)[0]!;
  const piece = await publishPiece(editor, { headline: `Lifecycle piece ${stamp}`, analysis: sentence, visibility: "public" });
  const demo = demoSecretPhrases();
  const anonymous = await browser.newContext({ baseURL });
  const extra = { pieceSlugs: [piece.slug] };
  const piecePath = `/p/${piece.slug}`;

  // Public: the analysis may be (and is) public.
  const asPublic = await crawl(anonymous.request, "anonymous, piece public", await currentTargets(anonymous.request, extra), demo);
  expectClean(asPublic);
  expect(asPublic.bodies.get(piecePath)).toContain(phrase);

  // Members: gone from every anonymous response; a free member reads it.
  await switchVisibility(editor, piece.id, "members");
  expectClean(await crawl(anonymous.request, "anonymous, piece members", await currentTargets(anonymous.request, extra), [...demo, phrase]));
  const { context: member } = await signIn(browser, baseURL, uniqueEmail("lifecycle-member"), "/account");
  expect(await (await member.request.get(`/api/read/${piece.slug}`)).text()).toContain(phrase);

  // Paid: gone for anonymous readers and for the free member.
  await switchVisibility(editor, piece.id, "paid");
  expectClean(await crawl(anonymous.request, "anonymous, piece paid", await currentTargets(anonymous.request, extra), [...demo, phrase]));
  expect(await (await member.request.get(`/api/read/${piece.slug}`)).text()).not.toContain(phrase);

  // Unpublished: its pages answer 404, and it is nowhere.
  await unpublish(editor, piece.id);
  const gone = await crawl(anonymous.request, "anonymous, piece unpublished", await currentTargets(anonymous.request, extra), [...demo, phrase]);
  expectClean(gone);
  for (const path of [piecePath, `/read/${piece.slug}`, `/og/${piece.slug}`]) expect(gone.status.get(path), path).toBe(404);

  // A restart over the same DATA_DIR (cache included) brings nothing back.
  await Promise.all([anonymous.close(), member.close(), editor.context().close()]);
  await server.stop();
  server = await startOwnServer({ port: PORT, stripePort: STRIPE_PORT, dataDir: DATA_DIR, fresh: false });
  const afterRestart = await browser.newContext({ baseURL });
  const restarted = await crawl(afterRestart.request, "anonymous, after restart", await currentTargets(afterRestart.request, extra), [...demo, phrase]);
  expectClean(restarted);
  expect(restarted.status.get(piecePath)).toBe(404);
  await afterRestart.close();
});
