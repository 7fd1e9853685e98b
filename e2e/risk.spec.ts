import { expect, test } from "@playwright/test";
import { signInByLink } from "./fixtures/auth";
import { confirmMail, fillMarkdown } from "./fixtures/editor";

const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1e4)}`;

test("an editor writes a piece with a risk assessment; anonymous readers see only the level and vector names; a signal is marked triggered after publication", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInByLink(page, "admin@example.com", "/admin/pieces/new");
  const headline = `Risk test piece ${stamp()}`;
  const rationale = `Customs brokers lose a licence route ${stamp()}.`;
  const signal = `The ministry publishes the final tariff list ${stamp()}.`;
  await page.getByLabel("Headline", { exact: true }).fill(headline);
  await page.getByLabel("Category", { exact: true }).selectOption("Markets");
  await fillMarkdown(page, "Teaser", "A public teaser.");
  await fillMarkdown(page, "Full analysis", "The gated analysis.");
  await page.getByLabel("Call to action", { exact: true }).fill("Get the whole picture.");
  await page.getByLabel("This piece has a risk assessment").check();
  await page.getByLabel("Risk level", { exact: true }).selectOption("high");
  await page.getByLabel("Time horizon", { exact: true }).selectOption("weeks");
  await page.getByLabel("Vector", { exact: true }).selectOption("regulatory");
  await page.getByLabel("Likelihood", { exact: true }).fill("4");
  await page.getByLabel("Impact", { exact: true }).fill("4");
  await page.getByLabel("Direction", { exact: true }).selectOption("rising");
  await page.getByLabel("Exposed sectors", { exact: true }).selectOption({ label: "Insurance" });
  await page.getByLabel("Exposed regions", { exact: true }).selectOption({ label: "Western Europe" });
  await page.getByLabel("Exposed organisations", { exact: true }).selectOption({ label: "NATO" });
  await page.getByRole("button", { name: "Add a signal" }).click();
  await page.getByLabel("Signal", { exact: true }).fill(signal);
  await page.getByLabel("Indicator", { exact: true }).fill("A list in the official journal.");
  await expect(page.getByLabel("Signal status", { exact: true })).toHaveValue("watching");

  // Bad input is refused with a clear message, and nothing is saved.
  await page.getByRole("button", { name: "Publish" }).click();
  await confirmMail(page, "No email");
  await expect(page.getByText("Vector 1: Rationale is required.")).toBeVisible();
  await expect(page.getByText("Nothing was saved")).toBeVisible();
  await page.getByLabel("Rationale", { exact: true }).fill(rationale);
  const preview = page.getByRole("region", { name: "Risk card preview" });
  await expect(preview).toContainText(rationale);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("piece-status")).toContainText("published");
  const pieceUrl = await page.getByRole("link", { name: "View on the site" }).getAttribute("href");

  // Staff (entitled) see the whole card.
  await page.goto(pieceUrl!);
  const card = page.getByRole("region", { name: /Risk assessment/ });
  await expect(card).toContainText(rationale);
  await expect(card).toContainText(signal);
  await expect(card).toContainText("NATO");

  // Anonymous: the level and the vector names only.
  const anon = await browser.newPage();
  await anon.goto(pieceUrl!);
  const hook = anon.getByRole("region", { name: /Risk assessment/ });
  await expect(hook).toContainText("High");
  await expect(hook).toContainText("Regulatory");
  const html = await anon.content();
  for (const gated of [rationale, signal, "A list in the official journal.", "Western Europe"]) expect(html).not.toContain(gated);

  // After publication: mark the signal triggered with a note, without republishing.
  await page.goBack();
  const panel = page.getByRole("region", { name: "Signals" });
  await panel.getByLabel("New status").selectOption("triggered");
  await panel.getByLabel("Note").fill("The list was published on Tuesday.");
  await panel.getByRole("button", { name: "Update signal 1" }).click();
  await expect(panel.getByRole("status")).toContainText("Signal marked triggered.");
  await page.goto(pieceUrl!);
  await expect(card).toContainText("Triggered");
  await expect(card).toContainText("The list was published on Tuesday.");
  await anon.reload();
  expect(await anon.content()).not.toContain("The list was published on Tuesday.");
  await anon.close();
});
