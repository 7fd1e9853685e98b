/**
 * Issue 14: the numbers. An editor publishes a piece with mail; Resend's events (posted by the demo
 * mailbox as Resend would) report one recipient opening and clicking, another's mail delivered and
 * opened at once by a machine; a new reader joins from the piece and pays; a reader reads the piece. The numbers page, the send's recipients
 * and both CSVs show exactly that.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInByLink, uniqueEmail } from "./fixtures/auth";
import { confirmMail, fillMarkdown } from "./fixtures/editor";
import { mailsTo } from "./fixtures/mailbox";
import { payWith, subscribeFromPiece } from "./fixtures/subscribe";

async function mailAbout(request: APIRequestContext, to: string, headline: string) {
  const found = (await mailsTo(request, to)).find((m) => m.subject.includes(headline));
  if (!found) throw new Error(`no mail to ${to}`);
  return found;
}

test("a send's opens and clicks, a piece's reads: exactly those counts on the numbers page, the send's recipients and the CSVs", async ({ browser }) => {
  test.setTimeout(180_000);
  const reader = uniqueEmail("numbers-open");
  const scanned = uniqueEmail("numbers-scan");
  for (const email of [reader, scanned]) {
    const ctx = await browser.newContext();
    await signInByLink(await ctx.newPage(), email, "/account");
    await ctx.close();
  }

  const admin = await browser.newContext();
  const page = await admin.newPage();
  await signInByLink(page, "admin@example.com", "/admin/pieces/new");
  const headline = `Counted piece ${Date.now()}`;
  await page.getByLabel("Headline", { exact: true }).fill(headline);
  await page.getByLabel("Category", { exact: true }).selectOption("Markets");
  await fillMarkdown(page, "Teaser", "A teaser people open.");
  await fillMarkdown(page, "Full analysis", "An analysis people read.");
  await page.getByLabel("Call to action", { exact: true }).fill("Subscribe.");
  await page.getByLabel("Visibility", { exact: true }).selectOption("public");
  await page.getByRole("button", { name: "Publish" }).click();
  await confirmMail(page, "Everyone");
  await expect(page.getByTestId("send-progress-text")).toContainText(/· finished$/, { timeout: 60_000 });
  const slug = await page.getByLabel("Slug", { exact: true }).inputValue();
  const pieceUrl = new URL(`/p/${slug}`, page.url()).toString();

  const request = admin.request;
  await expect.poll(async () => (await mailsTo(request, scanned)).some((m) => m.subject.includes(headline)), { timeout: 30_000 }).toBe(true);
  const opened = await mailAbout(request, reader, headline);
  const machine = await mailAbout(request, scanned, headline);
  const event = async (id: string, data: Record<string, string>) => expect((await request.post(`/dev/mailbox/${id}/events`, { data })).status()).toBe(200);
  // A reader opens (no delivery seen first: a person) and clicks; the other mail is opened the moment it arrives (a scanner).
  await event(opened.id, { type: "email.opened" });
  await event(opened.id, { type: "email.clicked", link: pieceUrl });
  await event(machine.id, { type: "email.delivered" });
  await event(machine.id, { type: "email.opened" });
  // The same event twice is one open, one delivery (svix ids differ, but the recipient's first open is kept).
  await event(machine.id, { type: "email.delivered" });

  // A reader reads the piece: the page's beacon counts it once.
  const visitor = await browser.newPage();
  const beacon = visitor.waitForResponse((r) => new URL(r.url()).pathname === "/api/reads");
  await visitor.goto(`/p/${slug}`);
  expect((await beacon).status()).toBe(202);
  await visitor.reload();
  await visitor.close();

  // A new reader joins from the piece's subscribe box and pays: one new member and one new subscriber for it. Its
  // views are not reads again: a client address counts once per piece in half an hour (all browsers here share one).
  const joiner = await browser.newContext();
  const jp = await joiner.newPage();
  await subscribeFromPiece(jp, uniqueEmail("numbers-join"), "monthly", { path: `/p/${slug}`, role: "complementary", name: "Subscribe" });
  await payWith(jp, "4242 4242 4242 4242");
  await jp.waitForURL(new RegExp(`/p/${slug}`));
  await joiner.close();

  await page.goto("/admin/numbers");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: headline, exact: true }) });
  const cell = (label: string) => row.locator(`[data-label="${label}"]`);
  const sendTotal = Number((await cell("Sent").innerText()).replace(/,/g, ""));
  expect(sendTotal).toBeGreaterThanOrEqual(2);
  await expect(cell("Delivered")).toHaveText("1");
  await expect(cell("Opened")).toHaveText("1 (+1 by machines)");
  await expect(cell("Clicked")).toHaveText("1");
  await expect(cell("Read")).toHaveText("1");
  await expect(cell("New members")).toHaveText("1");
  await expect(cell("New subscribers")).toHaveText("1");

  const csv = await (await request.get("/admin/numbers/pieces.csv")).text();
  const line = csv.split("\r\n").find((l) => l.startsWith(headline));
  expect(line?.split(",").slice(3)).toEqual([String(sendTotal), String(sendTotal), "1", "1", "1", "1", "1", "1", "1"]);

  await cell("Sent").getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: headline })).toBeVisible();
  const recipient = (email: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: email, exact: true }) });
  await expect(recipient(reader).locator('[data-label="Clicks"]')).toHaveText("1");
  await expect(recipient(reader).locator('[data-label="Opened"]')).not.toContainText("machine");
  await expect(recipient(reader).locator('[data-label="Opened"]')).not.toHaveText("–");
  await expect(recipient(scanned).locator('[data-label="Opened"]')).toContainText("(by a machine)");
  await expect(recipient(scanned).locator('[data-label="Status"]')).toHaveText("delivered");
  const sendCsv = await (await request.get(`${new URL(page.url()).pathname}/recipients.csv`)).text();
  expect(sendCsv.split("\r\n").find((l) => l.startsWith(scanned))).toMatch(/,delivered,\d{4}-.*,yes,0,$/);
  expect(sendCsv.split("\r\n").find((l) => l.startsWith(reader))).toMatch(/,sent,,\d{4}-.*,no,1,$/);

  const anonymous = await browser.newContext();
  expect((await anonymous.request.get("/admin/numbers/pieces.csv", { maxRedirects: 0 })).status()).toBeGreaterThanOrEqual(300);
  await anonymous.close();
  await admin.close();
});
