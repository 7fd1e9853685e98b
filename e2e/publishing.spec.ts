import { expect, test, type Page } from "@playwright/test";
import { signInByLink } from "./fixtures/auth";
import { captureResponses, findLeaks } from "./fixtures/responses";
import { confirmMail, fillMarkdown } from "./fixtures/editor";

const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1e4)}`;

async function fillPiece(page: Page, headline: string, analysisSentence: string): Promise<void> {
  await page.getByLabel("Headline", { exact: true }).fill(headline);
  await page.getByLabel("Category", { exact: true }).selectOption("Markets");
  await fillMarkdown(page, "Teaser", `A public teaser about **${headline}** that anyone may read.`);
  await fillMarkdown(page, "Full analysis", `${analysisSentence}\n\n## What to watch\n\n- one\n- two\n\n> A quote.`);
  await page.getByLabel("Call to action", { exact: true }).fill("Get the full breakdown.");
  await page.getByLabel("Visibility", { exact: true }).selectOption("paid");
  await page.getByLabel("Source outlet", { exact: true }).fill("The Test Gazette");
  await page.getByLabel("Source headline", { exact: true }).fill("Something happened");
  await page.getByLabel("Source link", { exact: true }).fill("https://example.com/report");
  await page.getByLabel("Source published", { exact: true }).fill("2026-11-01");
  await page.getByLabel("Source summary", { exact: true }).fill("A summary of the report.");
}

test("an editor writes a paid piece, previews it, publishes it, and anonymous readers see the teaser only", async ({ page, browser }) => {
  await signInByLink(page, "admin@example.com", "/admin/pieces/new");
  const headline = `Editor test piece ${stamp()}`;
  const secret = `The gated sentence ${stamp()} must stay behind the paywall.`;
  await fillPiece(page, headline, secret);
  await expect(page.getByLabel("Slug", { exact: true })).toHaveValue(/^editor-test-piece-/);
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("article", { name: "Subscriber" })).toContainText(secret);
  await expect(preview.getByRole("article", { name: "Anonymous reader" })).not.toContainText(secret);
  await expect(preview.getByRole("article", { name: "Anonymous reader" })).toContainText("Join ESM Insight →");
  await page.getByRole("button", { name: "Publish" }).click();
  await confirmMail(page, "No email");
  await expect(page.getByRole("status").filter({ hasText: "Published" })).toBeVisible();
  await expect(page.getByTestId("piece-status")).toContainText("published");

  const reader = await browser.newPage();
  const captured = captureResponses(reader);
  await reader.goto("/");
  await expect(reader.getByRole("heading", { name: headline })).toBeVisible();
  await reader.getByRole("link", { name: headline, exact: true }).click();
  await expect(reader.getByRole("heading", { level: 1, name: headline })).toBeVisible();
  await expect(reader.getByRole("heading", { name: "The full analysis is for subscribers" })).toBeVisible();
  await captured.settle();
  expect(findLeaks(captured.all, [secret])).toEqual([]);
  await reader.close();

  await page.goto("/admin/pieces?status=published");
  await expect(page.getByRole("link", { name: headline })).toBeVisible();
});

test("a scheduled piece appears at its time, with nobody visiting the editor", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInByLink(page, "admin@example.com", "/admin/pieces/new");
  const headline = `Scheduled piece ${stamp()}`;
  await fillPiece(page, headline, "A scheduled analysis sentence.");
  const at = new Date(Date.now() + 6_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  await page.getByLabel("Publish at", { exact: true }).fill(
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`,
  );
  await page.getByRole("button", { name: "Schedule" }).click();
  await confirmMail(page, "No email");
  await expect(page.getByRole("status").filter({ hasText: "Scheduled" })).toBeVisible();
  const reader = await browser.newPage();
  await reader.goto("/");
  await expect(reader.getByRole("heading", { name: headline })).toHaveCount(0);
  await expect
    .poll(async () => (await (await reader.request.get("/")).text()).includes(headline), { timeout: 60_000, intervals: [1000] })
    .toBe(true);
  await reader.close();
});

test("bad input is refused with clear errors and changes nothing; XSS renders inert", async ({ page }) => {
  await signInByLink(page, "admin@example.com", "/admin/pieces/new");
  const headline = `XSS piece ${stamp()}`;
  await fillPiece(page, headline, 'Analysis <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned=1"> [click](javascript:window.__pwned=1)');
  await fillMarkdown(page, "Teaser", '<script>window.__pwned=1</script>Teaser <a href="javascript:window.__pwned=1">x</a>');
  await page.getByLabel("Slug", { exact: true }).fill("port-automation-strike-baltic");
  await page.getByRole("button", { name: "Publish" }).click();
  // Asked once: the choice stays with the form while it is corrected.
  await confirmMail(page, "No email");
  await expect(page.getByText("That slug is already used by another piece.")).toBeVisible();
  await page.getByLabel("Slug", { exact: true }).fill("");
  await page.getByLabel("Publish at", { exact: true }).fill("2001-01-01T00:00:00");
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByText("Choose a publish time in the future.")).toBeVisible();
  // Known gap (issue 14 note): a refused save comes back without the mail choice, so it is chosen again.
  const mailChoice = page.getByRole("group", { name: "Email when it publishes" }).getByLabel("No email", { exact: true });
  if (await mailChoice.isVisible()) await mailChoice.check();
  await page.getByRole("button", { name: "Publish" }).click();
  if (await page.getByTestId("mail-dialog").isVisible()) await confirmMail(page, "No email");
  await expect(page.getByRole("status").filter({ hasText: "Published" })).toBeVisible();
  const slug = (await page.getByLabel("Slug", { exact: true }).inputValue()) || "";
  expect(slug).toMatch(/^xss-piece-/);
  await page.goto(`/p/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name: headline })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator("article script").count()).toBe(0);
  expect(await page.locator('article a[href^="javascript:"]').count()).toBe(0);
});

test("staff preview every mail template at desktop and phone width, with its plain-text part", async ({ page }) => {
  await signInByLink(page, "admin@example.com", "/admin/emails?t=new-piece-teaser");
  const frame = page.frameLocator('iframe[title^="Preview: New piece: teaser"]');
  await expect(frame.getByText("Join ESM Insight →")).toBeVisible();
  await expect(page.getByRole("region", { name: "Plain-text part" })).toContainText("Unsubscribe");
  await page.getByRole("link", { name: "Phone (360 px)" }).click();
  await expect(page.locator("iframe")).toHaveAttribute("style", /width: 360px/);
  for (const name of ["Sign-in link and code", "Payment failed", "Welcome: subscriber"]) {
    await page.getByRole("link", { name, exact: true }).click();
    await expect(page.locator(`iframe[title="Preview: ${name}"]`)).toBeVisible();
  }
});
