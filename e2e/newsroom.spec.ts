/**
 * Issue 14, the newsroom: the publish confirmation (paid only, and without JavaScript), bylines and
 * author pages, and every staff page at phone width and on a desktop (no sideways scroll, no
 * serious axe violation), with screenshots under test-results/newsroom/.
 */
import { expect, test, type Page } from "@playwright/test";
import { signInByLink } from "./fixtures/auth";
import { DEMO_PIECES } from "./fixtures/demo";
import { confirmMail, waitForAudienceCounts, fillMarkdown } from "./fixtures/editor";
import { lookAt, SCREENS } from "./fixtures/look";
import { manifestRoutes } from "./fixtures/manifest-routes";
import { mailsTo } from "./fixtures/mailbox";
import { freeAndPaidReaders } from "./fixtures/readers";

const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1e4)}`;

async function fillPiece(page: Page, headline: string, analysis: string): Promise<void> {
  await page.getByLabel("Headline", { exact: true }).fill(headline);
  await page.getByLabel("Category", { exact: true }).selectOption("Markets");
  await fillMarkdown(page, "Teaser", `The public teaser of ${headline}.`);
  await fillMarkdown(page, "Full analysis", analysis);
  await page.getByLabel("Call to action", { exact: true }).fill("Subscribe for the whole analysis.");
  await page.getByLabel("Visibility", { exact: true }).selectOption("paid");
}

test("publishing asks who gets the mail; paid only mails subscribers the full piece and free members nothing", async ({ browser }) => {
  test.setTimeout(180_000);
  const { free, freeEmail, paid, paidEmail } = await freeAndPaidReaders(browser, "nr");

  const admin = await browser.newContext();
  const page = await admin.newPage();
  await signInByLink(page, "admin@example.com", "/admin/pieces/new");
  await expect(page.getByLabel("Email subscribers")).toHaveCount(0);
  const headline = `Paid only piece ${stamp()}`;
  await fillPiece(page, headline, `Only paying readers get this sentence ${stamp()}.`);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const dialog = await waitForAudienceCounts(page);
  await expect(dialog.getByTestId("mail-dialog-sentence")).toHaveText(/^Email [\d,]+ readers? with full access the full piece and [\d,]+ free members? the teaser\?$/);
  await dialog.getByLabel("Paid subscribers only", { exact: true }).check();
  const sentence = (await dialog.getByTestId("mail-dialog-sentence").textContent()) ?? "";
  expect(sentence).toMatch(/^Email [\d,]+ readers? with full access the full piece, and nobody else\?$/);
  const stated = Number(/^Email ([\d,]+)/.exec(sentence)![1]!.replace(/,/g, ""));
  await page.screenshot({ path: "test-results/newsroom/confirm-paid-only.png" });
  await dialog.getByRole("button", { name: "Publish and email" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Published" })).toBeVisible();
  await expect(page.getByTestId("send-progress-text")).toContainText(/· finished$/, { timeout: 30_000 });
  await page.getByRole("region", { name: "Newsletter send" }).getByRole("link", { name: "Details" }).click();
  // Other specs running beside this one may add a paying reader between the question and the send.
  const summary = page.getByText(/^\d+ recipients: \d+ full, 0 teaser$/);
  await expect(summary).toBeVisible();
  const [sent, full] = ((await summary.textContent()) ?? "").match(/\d+/g)!.map(Number);
  expect(sent).toBe(full);
  expect(sent).toBeGreaterThanOrEqual(stated);

  await expect.poll(async () => (await mailsTo(admin.request, paidEmail)).filter((m) => m.subject.includes(headline)).length, { timeout: 30_000 }).toBe(1);
  expect((await mailsTo(admin.request, freeEmail)).filter((m) => m.subject.includes(headline))).toHaveLength(0);
  await Promise.all([free.close(), paid.close(), admin.close()]);
});

test("without JavaScript the form refuses to publish until an audience is chosen", async ({ browser }) => {
  const withJs = await browser.newContext();
  await signInByLink(await withJs.newPage(), "admin@example.com", "/admin");
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await withJs.storageState() });
  const page = await noJs.newPage();
  await page.goto("/admin/pieces/new");
  const headline = `No script piece ${stamp()}`;
  await fillPiece(page, headline, "An analysis sentence.");
  const choice = page.getByRole("group", { name: "Email when it publishes" });
  await expect(choice).toBeVisible();
  await expect(choice.getByRole("radio", { checked: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Choose who gets this piece by email")).toBeVisible();
  const anonymous = await browser.newPage();
  await anonymous.goto("/");
  await expect(anonymous.getByRole("heading", { name: headline })).toHaveCount(0);
  // Without JavaScript the answered page comes back with the blank form (as for any refusal): fill it again.
  await fillPiece(page, headline, "An analysis sentence.");
  await page.getByRole("group", { name: "Email when it publishes" }).getByLabel("No email", { exact: true }).check();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("piece-status")).toContainText("published");
  await Promise.all([withJs.close(), noJs.close(), anonymous.close()]);
});

test("pieces carry bylines linked to author pages; a profile edit shows there", async ({ page }) => {
  const demo = DEMO_PIECES.find((p) => p.authorName === "Mara Ellison")!;
  await page.goto(`/p/${demo.slug}`);
  await page.getByRole("banner").or(page.locator("article header")).last().getByRole("link", { name: "Mara Ellison" }).click();
  await expect(page).toHaveURL(/\/author\/mara-ellison$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mara Ellison" })).toBeVisible();
  await expect(page.getByText("Covers shipping, ports")).toBeVisible();
  const list = page.getByRole("list", { name: "Pieces by Mara Ellison" });
  for (const p of DEMO_PIECES.filter((d) => d.authorName === "Mara Ellison")) await expect(list.getByRole("link", { name: p.headline, exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/newsroom/author-page.png", fullPage: true });

  await signInByLink(page, "admin@example.com", "/admin/profile");
  const name = `Desk Admin ${stamp()}`;
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Short bio").fill("Runs the desk.");
  await page.getByLabel("Photo address").fill("http://insecure.example/me.jpg");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Photo must be an https:// address")).toBeVisible();
  await page.getByLabel("Photo address").fill("");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved. The author page is /author/" })).toBeVisible();
  const authorPath = /\/author\/[a-z0-9-]+/.exec((await page.getByRole("status").filter({ hasText: "Saved." }).textContent()) ?? "")![0];

  await page.goto("/admin/pieces/new");
  const headline = `Signed piece ${stamp()}`;
  await fillPiece(page, headline, "A signed analysis.");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await confirmMail(page, "No email");
  await expect(page.getByTestId("piece-status")).toContainText("published");
  await page.getByRole("link", { name: "View on the site" }).click();
  await expect(page.getByRole("link", { name })).toHaveAttribute("href", authorPath);
  const reader = await page.context().browser()!.newPage();
  await expect.poll(async () => (await (await reader.request.get(authorPath)).text()).includes(headline), { timeout: 15_000 }).toBe(true);
  await reader.close();
});

/** Every kind of staff page, one of each with an id (the first piece, subscriber and send listed). */
async function staffPages(page: Page): Promise<string[]> {
  await page.goto("/admin/pieces");
  const pieceHref = (await page.locator('a[href^="/admin/pieces/"]:not([href$="/new"])').first().getAttribute("href"))!;
  await page.goto("/admin/subscribers");
  const subscriberHref = (await page.locator('a[href^="/admin/subscribers/"]:not([href$=".csv"])').first().getAttribute("href"))!;
  await page.goto("/admin/sends");
  const sendHref = await page.locator('a[href^="/admin/sends/"]').first().getAttribute("href");
  return ["/admin", "/admin/pieces", "/admin/pieces/new", pieceHref, `${pieceHref}/preview`, `${pieceHref}/history`, "/admin/numbers", "/admin/subscribers", subscriberHref, "/admin/sends", ...(sendHref ? [sendHref] : []), "/admin/emails", "/admin/staff", "/admin/audit", "/admin/profile", "/admin/taxonomy", "/admin/categories"];
}

for (const w of SCREENS) {
  for (const scheme of ["light", "dark"] as const) {
    test(`staff pages fit the screen and pass axe at ${w.label} width, ${scheme}`, async ({ browser }) => {
      test.setTimeout(240_000);
      const ctx = await browser.newContext({ viewport: { width: w.width, height: w.height }, colorScheme: scheme });
      const page = await ctx.newPage();
      await signInByLink(page, "admin@example.com", "/admin");
      const problems: string[] = [];
      const paths = await staffPages(page);
      // Every admin page the build serves is in the sweep (a revision's page is checked in revisions.spec).
      const missed = manifestRoutes()
        .filter((r) => r.kind === "page" && r.route.startsWith("/admin") && r.route !== "/admin/pieces/[id]/history/[revisionId]")
        .filter((r) => !paths.some((p) => r.regex.test(p)))
        .map((r) => r.route);
      expect(missed).toEqual([]);
      for (const path of paths) {
        const name = (path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "admin").replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, "id");
        problems.push(...(await lookAt(page, path, `test-results/newsroom/${name}-${w.label}-${scheme}.png`)));
      }
      expect(problems).toEqual([]);
      await ctx.close();
    });
  }
}
