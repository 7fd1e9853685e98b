import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInByLink } from "./fixtures/auth";
import { fillMarkdown, publishPiece } from "./fixtures/editor";

const richField = (page: Page, label: "Teaser" | "Full analysis") => page.getByRole("textbox", { name: label, exact: true }).and(page.locator("[contenteditable]"));

/** As the demo admin, a new draft saved once; answers its id. */
async function newDraft(page: Page, headline: string, teaser: string): Promise<string> {
  await signInByLink(page, "admin@example.com", "/admin/pieces/new");
  await page.getByLabel("Headline", { exact: true }).fill(headline);
  await page.getByLabel("Category", { exact: true }).selectOption("Markets");
  await fillMarkdown(page, "Teaser", teaser);
  await fillMarkdown(page, "Full analysis", "The analysis of it.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.waitForURL((url) => url.searchParams.get("saved") === "draft");
  const id = new URL(page.url()).pathname.split("/").pop() ?? "";
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return id;
}

async function typeAtEnd(page: Page, label: "Teaser" | "Full analysis", text: string) {
  const field = richField(page, label);
  await field.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text);
}

test("the editor autosaves a draft; the history shows it and restores an earlier version", async ({ page }) => {
  test.setTimeout(180_000);
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1e4)}`;
  const id = await newDraft(page, `Autosaved piece ${stamp}`, `Original teaser ${stamp}.`);

  await typeAtEnd(page, "Teaser", ` Autosaved words ${stamp}.`);
  const status = page.getByTestId("autosave-status");
  await expect(status).toHaveText(/^Saved \d\d:\d\d$/, { timeout: 20_000 });
  await page.reload();
  await expect(richField(page, "Teaser")).toContainText(`Autosaved words ${stamp}`);

  await typeAtEnd(page, "Teaser", ` Second change ${stamp}.`);
  await expect(status).toHaveText(/^Saved \d\d:\d\d$/, { timeout: 20_000 });

  await page.getByRole("link", { name: "History", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`History: Autosaved piece ${stamp}`);
  const rows = page.locator("table tbody tr");
  // One autosave (the two coalesced: one author, within two minutes), then the first save.
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Autosave");
  await expect(rows.nth(1)).toContainText("Save");
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`history-${width}.png`), fullPage: true });
    const axe = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  await rows.nth(1).getByRole("link").click();
  await expect(page.getByTestId("revision-teaser")).toHaveText(`Original teaser ${stamp}.`);
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`revision-${width}.png`), fullPage: true });
    const axe = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("link", { name: "Restore…" }).click();
  await page.screenshot({ path: test.info().outputPath("revision-confirm-1280.png"), fullPage: true });
  await page.getByRole("button", { name: "Restore this version" }).click();
  await page.waitForURL((url) => url.pathname === `/admin/pieces/${id}` && url.searchParams.get("saved") === "restore");
  await expect(richField(page, "Teaser")).toHaveText(`Original teaser ${stamp}.`);

  await page.goto(`/admin/pieces/${id}/history`);
  await expect(rows.nth(0)).toContainText("Restore");
});

test("two pages editing one draft: the later save is refused with the conflict message", async ({ browser }) => {
  test.setTimeout(120_000);
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1e4)}`;
  const context = await browser.newContext();
  const first = await context.newPage();
  const id = await newDraft(first, `Two tabs ${stamp}`, `Teaser ${stamp}.`);
  const second = await context.newPage();
  await second.goto(`/admin/pieces/${id}`);
  await expect(second.getByLabel("Headline", { exact: true })).toHaveValue(`Two tabs ${stamp}`);

  await first.getByLabel("Headline", { exact: true }).fill(`Two tabs ${stamp}, first`);
  await expect(first.getByTestId("autosave-status")).toHaveText(/^Saved \d\d:\d\d$/, { timeout: 20_000 });

  await second.getByLabel("Headline", { exact: true }).fill(`Two tabs ${stamp}, second`);
  await second.getByRole("button", { name: "Save draft" }).click();
  await expect(second.getByRole("alert").filter({ hasText: /^Someone else saved this piece at \d\d:\d\d; reload to see their version\.$/ })).toBeVisible();
  await second.reload();
  await expect(second.getByLabel("Headline", { exact: true })).toHaveValue(`Two tabs ${stamp}, first`);
  await context.close();
});

test("a published piece's edits are not autosaved onto the live piece: they are kept as a revision", async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1e4)}`;
  await signInByLink(page, "admin@example.com", "/admin/pieces/new");
  const { id, slug } = await publishPiece(page, { headline: `Live autosave ${stamp}`, analysis: "The analysis.", visibility: "public" });
  await typeAtEnd(page, "Teaser", ` Not live yet ${stamp}.`);
  await expect(page.getByTestId("autosave-status")).toHaveText("Unsaved changes kept as a revision", { timeout: 20_000 });
  const live = await page.request.get(`/read/${slug}`);
  expect(await live.text()).not.toContain(`Not live yet ${stamp}`);
  await page.goto(`/admin/pieces/${id}/history`);
  await expect(page.locator("table tbody tr").first()).toContainText("Autosave");
});
