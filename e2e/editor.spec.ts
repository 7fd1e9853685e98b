import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { signInByLink } from "./fixtures/auth";
import { confirmMail } from "./fixtures/editor";

/** A small real PNG, made here so the upload goes through the same decoder as an editor's. */
const png = () => sharp({ create: { width: 64, height: 40, channels: 3, background: { r: 180, g: 40, b: 40 } } }).png().toBuffer();

async function markdownMode(page: Page, on: boolean): Promise<void> {
  const source = page.getByRole("toolbar", { name: "Text formatting" }).getByRole("button", { name: "Markdown", exact: true });
  if ((await source.getAttribute("aria-pressed")) !== String(on)) await source.click();
  await expect(source).toHaveAttribute("aria-pressed", String(on));
}

test("an editor writes one text with a footnote, an image and a moved paywall marker; readers get each side of it; hostile input renders inert", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1e4)}`;
  const headline = `Rich editor piece ${stamp}`;
  await signInByLink(page, "admin@example.com", "/admin/pieces/new");
  await page.getByLabel("Headline", { exact: true }).fill(headline);
  await page.getByLabel("Category", { exact: true }).selectOption("Markets");
  await page.getByLabel("Call to action", { exact: true }).fill("Get the full breakdown.");
  await page.getByLabel("Visibility", { exact: true }).selectOption("paid");
  await page.getByLabel("One text with a paywall marker").check();

  await markdownMode(page, true);
  await page.locator("textarea").and(page.getByLabel("Text", { exact: true })).fill(
    [
      `Public opening ${stamp}, with a public note.[^pub]`,
      "<!-- paywall -->",
      `Second paragraph ${stamp} moves above the paywall.`,
      `## What to watch ${stamp}`,
      `Gated paragraph ${stamp}, with a gated note.[^gated] <img src="x" onerror="window.__pwned=1"> <script>window.__pwned=2</script>`,
      "- first signal\n- second signal",
      `[A source](https://example.com/report-${stamp})`,
      `[^pub]: Public footnote ${stamp}.`,
      `[^gated]: Gated footnote ${stamp}.`,
    ].join("\n\n"),
  );
  await markdownMode(page, false);

  // Move the marker: the cursor in the middle of the second paragraph, then the Paywall button; the
  // marker goes after that paragraph, never inside it.
  const surface = page.getByRole("textbox", { name: "Text", exact: true }).and(page.locator("[contenteditable]"));
  await surface.getByText(`Second paragraph ${stamp}`).click();
  await page.getByRole("toolbar", { name: "Text formatting" }).getByRole("button", { name: "Place the paywall here" }).click();

  // An image with its text alternative, below the marker (gated); an SVG is refused.
  await surface.getByText(`Gated paragraph ${stamp}`).click();
  await page.keyboard.press("End");
  await page.getByRole("toolbar", { name: "Text formatting" }).getByRole("button", { name: "Insert image" }).click();
  const dialog = page.getByRole("dialog", { name: "Insert an image" });
  await dialog.getByLabel("Image file").setInputFiles({ name: "evil.svg", mimeType: "image/svg+xml", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') });
  await dialog.getByLabel("Alt text").fill("An SVG that must not be stored");
  await dialog.getByRole("button", { name: "Insert image" }).click();
  await expect(dialog.getByRole("alert")).toBeVisible();
  await dialog.getByLabel("Image file").setInputFiles({ name: "chart.png", mimeType: "image/png", buffer: await png() });
  await dialog.getByLabel("Alt text").fill(`Crane chart ${stamp}`);
  await dialog.getByRole("button", { name: "Insert image" }).click();
  await expect(dialog).toBeHidden();

  await markdownMode(page, true);
  const text = await page.locator("textarea").and(page.getByLabel("Text", { exact: true })).inputValue();
  expect(text).toContain(`Second paragraph ${stamp} moves above the paywall.`);
  expect(text.indexOf("<!-- paywall -->")).toBeGreaterThan(text.indexOf(`Second paragraph ${stamp} moves above the paywall.`));
  expect(text.indexOf("<!-- paywall -->")).toBeLessThan(text.indexOf(`Gated paragraph ${stamp}`));
  expect(text).toMatch(/!\[Crane chart \d+\]\(\/media\/[0-9a-f]{64}\)/);

  for (const width of [360, 1280]) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: test.info().outputPath(`editor-${width}-${scheme}.png`), fullPage: true });
      const axe = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
      expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await confirmMail(page, "No email");
  await expect(page.getByTestId("piece-status")).toContainText("published");
  const slug = await page.getByLabel("Slug", { exact: true }).inputValue();

  // Anonymous: the teaser is what was above the moved marker, with its own note; nothing below it.
  const anonymous = await browser.newContext();
  const reader = await anonymous.newPage();
  await reader.goto(`/p/${slug}`);
  await expect(reader.getByText(`Public opening ${stamp}`)).toBeVisible();
  await expect(reader.getByText(`Second paragraph ${stamp}`)).toBeVisible();
  await expect(reader.getByText(`Public footnote ${stamp}`)).toBeAttached();
  const html = await reader.content();
  for (const gated of [`Gated paragraph ${stamp}`, `Gated footnote ${stamp}`, `Crane chart ${stamp}`, `What to watch ${stamp}`]) expect(html).not.toContain(gated);
  await anonymous.close();

  // The admin reads it all: heading, list, link, footnote, the image from /media, cached for good; the hostile markup inert.
  await page.goto(`/p/${slug}`);
  const analysis = page.locator(".analysis-body");
  await expect(analysis.getByRole("heading", { name: `What to watch ${stamp}` })).toBeVisible();
  await expect(analysis.getByRole("listitem").filter({ hasText: "second signal" })).toBeVisible();
  await expect(analysis.getByRole("link", { name: "A source" })).toHaveAttribute("href", `https://example.com/report-${stamp}`);
  await expect(analysis.getByText(`Gated footnote ${stamp}`)).toBeAttached();
  const image = analysis.getByRole("img", { name: `Crane chart ${stamp}` });
  await expect(image).toBeVisible();
  const src = (await image.getAttribute("src")) ?? "";
  expect(src).toMatch(/^\/media\/[0-9a-f]{64}$/);
  const served = await page.request.get(src);
  expect(served.headers()["content-type"]).toMatch(/^image\//);
  expect(served.headers()["cache-control"]).toContain("immutable");
  expect(await analysis.locator("script, [onerror]").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});
