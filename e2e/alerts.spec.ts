import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signInByLink, uniqueEmail } from "./fixtures/auth";
import { confirmMail, fillMarkdown } from "./fixtures/editor";
import { mailsTo, type OutboxMail } from "./fixtures/mailbox";
import { payWith, subscribeFromPiece } from "./fixtures/subscribe";

const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1e4)}`;

async function alertsAbout(request: APIRequestContext, to: string, headline: string): Promise<OutboxMail[]> {
  return (await mailsTo(request, to)).filter((m) => m.subject === `Signal triggered: ${headline}`);
}

/** An editor publishes a paid piece with a Societal vector, one sector, one region and a watching signal. */
async function publishAssessedPiece(page: Page, headline: string, rationale: string, signal: string): Promise<string> {
  await page.goto("/admin/pieces/new");
  await page.getByLabel("Headline", { exact: true }).fill(headline);
  await page.getByLabel("Category", { exact: true }).selectOption("Markets");
  await fillMarkdown(page, "Teaser", "A public teaser about unrest and prices.");
  await fillMarkdown(page, "Full analysis", "The gated analysis of the unrest.");
  await page.getByLabel("Call to action", { exact: true }).fill("Get the whole picture.");
  await page.getByLabel("This piece has a risk assessment").check();
  await page.getByLabel("Risk level", { exact: true }).selectOption("elevated");
  await page.getByLabel("Time horizon", { exact: true }).selectOption("months");
  await page.getByLabel("Vector", { exact: true }).selectOption("societal");
  await page.getByLabel("Likelihood", { exact: true }).fill("3");
  await page.getByLabel("Impact", { exact: true }).fill("4");
  await page.getByLabel("Direction", { exact: true }).selectOption("rising");
  await page.getByLabel("Rationale", { exact: true }).fill(rationale);
  await page.getByLabel("Exposed sectors", { exact: true }).selectOption({ label: "Insurance" });
  await page.getByLabel("Exposed regions", { exact: true }).selectOption({ label: "Western Europe" });
  await page.getByRole("button", { name: "Add a signal" }).click();
  await page.getByLabel("Signal", { exact: true }).fill(signal);
  await page.getByLabel("Indicator", { exact: true }).fill("Strike notices at three ports.");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await confirmMail(page, "No email");
  await expect(page.getByTestId("piece-status")).toContainText("published");
  const href = await page.getByRole("link", { name: "View on the site" }).getAttribute("href");
  expect(href).toMatch(/^\/p\//);
  return href!;
}

test("an editor marks a signal triggered: the subscriber following its vector gets exactly one full alert, the free member following it the teaser alert; unsubscribing from alerts leaves new pieces on", async ({ browser }) => {
  test.setTimeout(420_000);
  const paidEmail = uniqueEmail("alert-paid");
  const freeEmail = uniqueEmail("alert-free");
  const headline = `Alert test piece ${stamp()}`;
  const rationale = `Dockworkers' pay talks stall ${stamp()}.`;
  const signal = `A general strike is called ${stamp()}.`;
  const note = `The unions called it on Monday ${stamp()}.`;

  const admin = await browser.newContext();
  const ap = await admin.newPage();
  await signInByLink(ap, "admin@example.com", "/admin/pieces/new");
  const pieceUrl = await publishAssessedPiece(ap, headline, rationale, signal);

  // The subscriber follows the vector from the preference centre on /account.
  const paid = await browser.newContext();
  const pp = await paid.newPage();
  await subscribeFromPiece(pp, paidEmail);
  await payWith(pp, "4242 4242 4242 4242");
  await pp.waitForURL(/\/p\//);
  await pp.goto("/account");
  await pp.getByLabel("Follow a vector").selectOption({ label: "Societal" });
  await pp.getByRole("button", { name: "Follow vector" }).click();
  await expect(pp.getByRole("main").getByRole("status")).toContainText("Your follows are updated.");
  await expect(pp.getByRole("list", { name: "What you follow" })).toContainText("Societal");

  // The free member follows it from the piece's risk card.
  const free = await browser.newContext();
  const fp = await free.newPage();
  await signInByLink(fp, freeEmail, "/account");
  await fp.goto(pieceUrl);
  const card = fp.getByRole("region", { name: /Risk assessment/ });
  await card.getByRole("button", { name: "Follow Societal" }).click();
  await expect(card.getByRole("button", { name: "Following Societal ✓" })).toBeVisible();
  // A free member's card offers no gated party to follow.
  await expect(card.getByRole("button", { name: "Follow Insurance" })).toHaveCount(0);

  // The anonymous page has no follow buttons (it stays the cached teaser page).
  const anon = await browser.newContext();
  const anonPage = await anon.newPage();
  await anonPage.goto(pieceUrl);
  await expect(anonPage.getByRole("region", { name: /Risk assessment/ })).toBeVisible();
  await expect(anonPage.getByRole("button", { name: /^Follow/ })).toHaveCount(0);

  // The editor marks the signal triggered.
  await ap.reload();
  const panel = ap.getByRole("region", { name: "Signals" });
  await panel.getByLabel("New status").selectOption("triggered");
  await panel.getByLabel("Note").fill(note);
  await panel.getByRole("button", { name: "Update signal 1" }).click();
  await expect(panel.getByRole("status")).toContainText("Signal marked triggered.");
  // Marking it again is a note, not a second alert.
  await panel.getByLabel("New status").selectOption("triggered");
  await panel.getByLabel("Note").fill("Still on.");
  await panel.getByRole("button", { name: "Update signal 1" }).click();
  await expect(panel.getByRole("status")).toContainText("Note added.");

  const request = admin.request;
  await expect.poll(async () => (await alertsAbout(request, paidEmail, headline)).length, { timeout: 30_000 }).toBe(1);
  await expect.poll(async () => (await alertsAbout(request, freeEmail, headline)).length, { timeout: 30_000 }).toBe(1);
  // Give a duplicate every chance to show up, then count again.
  await new Promise((r) => setTimeout(r, 3_000));
  const [full] = await alertsAbout(request, paidEmail, headline);
  const [teaser] = await alertsAbout(request, freeEmail, headline);
  expect(await alertsAbout(request, paidEmail, headline)).toHaveLength(1);
  expect(await alertsAbout(request, freeEmail, headline)).toHaveLength(1);
  for (const part of [full!.html, full!.text]) for (const s of [signal, note, "Strike notices at three ports.", "Insurance", "3/5"]) expect(part).toContain(s);
  for (const part of [teaser!.html, teaser!.text]) {
    for (const s of [signal, note, rationale, "Strike notices", "Insurance", "Western Europe", "3/5"]) expect(part).not.toContain(s);
    expect(part).toContain("A signal you follow was marked triggered");
    expect(part).toContain("Join ESM Insight →");
    expect(part).toContain("Societal");
  }

  // Staff see the alert among the sends, with its recipients' status.
  await ap.goto("/admin/sends");
  const row = ap.getByRole("row").filter({ hasText: "Alert: signal 1 marked triggered" }).filter({ hasText: `on ${headline}` });
  await row.getByRole("link").click();
  await expect(ap.getByRole("heading", { level: 1 })).toContainText(headline);
  await expect(ap.getByTestId("send-progress-text")).toContainText(/· finished$/, { timeout: 30_000 });
  for (const who of [paidEmail, freeEmail]) await expect(ap.getByRole("row").filter({ hasText: who })).toBeVisible();

  // One-click unsubscribe from the alert turns alerts off and leaves new-piece mail on.
  for (const m of [full!, teaser!]) expect(m.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  const oneClick = teaser!.headers["List-Unsubscribe"]!.slice(1, -1);
  expect((await anon.request.post(oneClick, { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(200);
  await fp.goto("/account");
  await expect(fp.getByLabel("Email me signal alerts for what I follow")).not.toBeChecked();
  await expect(fp.getByLabel("Email me new pieces")).toBeChecked();
  await anonPage.goto(oneClick.replace("/api/unsubscribe", "/unsubscribe"));
  await expect(anonPage.getByText("we won’t email signal alerts to")).toBeVisible();

  await Promise.all([admin.close(), paid.close(), free.close(), anon.close()]);
});

test("the preference centre on /account at 360 px and desktop, light and dark, has no serious axe violation", async ({ browser }) => {
  test.setTimeout(360_000);
  const email = uniqueEmail("prefs");
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInByLink(page, email, "/account");
  await page.getByLabel("Follow a region").selectOption({ label: "Western Europe" });
  await page.getByRole("button", { name: "Follow region" }).click();
  await expect(page.getByRole("list", { name: "What you follow" })).toContainText("Western Europe");
  await page.getByLabel("Follow a vector").selectOption({ label: "Cyber" });
  await page.getByRole("button", { name: "Follow vector" }).click();
  await page.getByRole("button", { name: "Unfollow Western Europe" }).click();
  await expect(page.getByRole("list", { name: "What you follow" })).not.toContainText("Western Europe");
  await expect(page.getByRole("list", { name: "What you follow" })).toContainText("Cyber");
  for (const scheme of ["light", "dark"] as const) {
    for (const width of [360, 1280]) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/account");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: test.info().outputPath(`account-${width}-${scheme}.png`), fullPage: true });
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
  }
  await context.close();
});
