import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInByLink } from "./fixtures/auth";
import { mailsTo, type OutboxMail } from "./fixtures/mailbox";
import { freeAndPaidReaders } from "./fixtures/readers";
import { confirmMail, fillMarkdown } from "./fixtures/editor";

async function mailAbout(request: APIRequestContext, to: string, headline: string): Promise<OutboxMail[]> {
  return (await mailsTo(request, to)).filter((m) => m.subject.includes(headline));
}

test("publishing with the confirmation's “Everyone” mails the full piece to subscribers and the teaser to free members, once each, with one-click unsubscribe", async ({ browser }) => {
  test.setTimeout(180_000);
  const { free, freeEmail, paid, paidEmail } = await freeAndPaidReaders(browser, "nl");

  const admin = await browser.newContext();
  const page = await admin.newPage();
  await signInByLink(page, "admin@example.com", "/admin/pieces/new");
  const headline = `Newsletter piece ${Date.now()}`;
  const secret = `Only subscribers read this sentence ${Date.now()}.`;
  await page.getByLabel("Headline", { exact: true }).fill(headline);
  await page.getByLabel("Category", { exact: true }).selectOption("Geopolitics");
  await fillMarkdown(page, "Teaser", "The public teaser of the newsletter piece.");
  await fillMarkdown(page, "Full analysis", secret);
  await page.getByLabel("Call to action", { exact: true }).fill("Subscribe for the whole analysis.");
  await page.getByLabel("Visibility", { exact: true }).selectOption("paid");
  await page.getByRole("button", { name: "Publish" }).click();
  expect(await confirmMail(page, "Everyone")).toMatch(/^Email [\d,]+ readers? with full access the full piece and [\d,]+ free members? the teaser\?$/);
  await expect(page.getByRole("status").filter({ hasText: "Published" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Newsletter send" })).toBeVisible();
  await expect(page.getByTestId("send-progress-text")).toContainText("sent", { timeout: 30_000 });

  const request = admin.request;
  await expect.poll(async () => (await mailAbout(request, paidEmail, headline)).length, { timeout: 30_000 }).toBe(1);
  await expect.poll(async () => (await mailAbout(request, freeEmail, headline)).length, { timeout: 30_000 }).toBe(1);
  await expect(page.getByTestId("send-progress-text")).toContainText(/· finished$/, { timeout: 30_000 });

  const [full] = await mailAbout(request, paidEmail, headline);
  const [teaser] = await mailAbout(request, freeEmail, headline);
  expect(full!.html).toContain(secret);
  expect(full!.text).toContain(secret);
  expect(teaser!.html).not.toContain(secret);
  expect(teaser!.text).not.toContain(secret);
  expect(teaser!.html).toContain("Join ESM Insight →");
  for (const m of [full!, teaser!]) {
    expect(m.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(m.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost:\d+\/api\/unsubscribe\?token=/);
  }

  // A GET of the unsubscribe link (a scanner, a prefetch) changes nothing; the one-click POST does.
  const oneClick = teaser!.headers["List-Unsubscribe"]!.slice(1, -1);
  const pageLink = oneClick.replace("/api/unsubscribe", "/unsubscribe");
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(oneClick)).status()).toBeGreaterThanOrEqual(400);
  expect((await anonymous.request.get(pageLink)).status()).toBe(200);
  const fp = await free.newPage();
  await fp.goto("/account");
  await expect(fp.getByLabel("Email me new pieces")).toBeChecked();
  const res = await anonymous.request.post(oneClick, { form: { "List-Unsubscribe": "One-Click" } });
  expect(res.status()).toBe(200);
  await fp.reload();
  await expect(fp.getByLabel("Email me new pieces")).not.toBeChecked();
  const forged = await anonymous.request.post(oneClick.replace(/token=.*/, "token=forged.token"), { form: { "List-Unsubscribe": "One-Click" } });
  expect(forged.status()).toBe(400);

  await Promise.all([free.close(), paid.close(), admin.close(), anonymous.close()]);
});
