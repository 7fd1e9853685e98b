import { expect, test } from "@playwright/test";
import { signInByLink, uniqueEmail } from "./fixtures/auth";
import { analysisPhrases, firstPaid, membersPiece } from "./fixtures/demo";
import { captureResponses, findLeaks } from "./fixtures/responses";
import { advanceStripeClock } from "./fixtures/stripe";
import { payWith, subscribeFromPiece } from "./fixtures/subscribe";

const piecePath = `/p/${firstPaid.slug}`;
const phrase = analysisPhrases(firstPaid.slug)[0]!;

test("a new reader joins from a paid piece, pays with 4242…, and reads the full analysis at once", async ({ page }) => {
  const email = uniqueEmail("subscriber");
  await subscribeFromPiece(page, email);
  await payWith(page, "4242 4242 4242 4242");
  await page.waitForURL((url) => url.pathname === piecePath);
  await expect(page.getByText(phrase)).toBeVisible();
  // The analysis came in the island's private answer; the page is the one everyone gets.
  const res = await page.request.get(`/api/read/${firstPaid.slug}`);
  expect(res.headers()["cache-control"]).toContain("private");
  expect(res.headers()["cache-control"]).toContain("no-store");
  expect(await res.text()).toContain(phrase);
  expect(await (await page.request.get(piecePath)).text()).not.toContain(phrase);
  await page.goto("/account");
  await expect(page.getByTestId("membership-status")).toHaveText("Paying subscriber");
  await expect(page.getByTestId("subscription-status")).toHaveText("Active");
  await expect(page.getByTestId("subscription-dates")).toContainText("Next charge on");
  await page.goto("/join");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You’re already subscribed.");
});

test("canceling in the portal keeps access until the period ends, then the paywall returns", async ({ page }) => {
  await subscribeFromPiece(page, uniqueEmail("canceler"), "yearly");
  await payWith(page, "4242424242424242");
  await page.waitForURL((url) => url.pathname === piecePath);
  await page.goto("/account");
  await page.getByRole("button", { name: "Manage billing" }).click();
  await page.waitForURL(/\/portal\//);
  await expect(page.getByText("Test mode: no real card is charged")).toBeVisible();
  await page.getByRole("button", { name: "Cancel plan" }).click();
  await page.getByRole("link", { name: "Return to ESM Insight" }).click();
  await page.waitForURL(/\/account/);
  await expect(page.getByTestId("subscription-dates")).toContainText("Cancelling: ends on", { timeout: 10_000 });
  await page.goto(piecePath);
  await expect(page.getByText(phrase)).toBeVisible();

  await advanceStripeClock(page.request, 366 * 86_400);
  await expect
    .poll(async () => (await (await page.request.get(`/api/read/${firstPaid.slug}`)).text()).includes(phrase), { timeout: 15_000 })
    .toBe(false);
  const captured = captureResponses(page);
  await page.goto(piecePath);
  await expect(page.getByRole("heading", { name: "The full analysis is for subscribers" })).toBeVisible();
  await captured.settle();
  expect(findLeaks(captured.all, analysisPhrases(firstPaid.slug))).toEqual([]);
});

test("a declined card gets a clear message and no access", async ({ page }) => {
  await subscribeFromPiece(page, uniqueEmail("declined"));
  await payWith(page, "4000 0000 0000 0002");
  await expect(page.getByRole("alert")).toHaveText("Your card was declined. Try another card.");
  await page.goto(piecePath);
  await expect(page.getByRole("heading", { name: "The full analysis is for subscribers" })).toBeVisible();
  await expect(page.getByText(phrase)).toHaveCount(0);
  await page.goto("/account");
  await expect(page.getByTestId("membership-status")).toHaveText("Free member");
});

test("checkout success never signs anyone in from the URL", async ({ browser }) => {
  const stranger = await browser.newPage();
  const res = await stranger.goto(`/billing/success?session_id=cs_test_whatever&next=${encodeURIComponent(piecePath)}`);
  expect(res?.url()).toContain("/login?next=");
  expect((await stranger.context().cookies()).some((c) => c.name.includes("session-token"))).toBe(false);
  await stranger.close();
});

test("a free member signed in sees the members piece but not paid analysis", async ({ page }) => {
  await signInByLink(page, uniqueEmail("free"), "/account");
  await page.goto(`/p/${membersPiece.slug}`);
  await expect(page.getByText(analysisPhrases(membersPiece.slug)[0]!)).toBeVisible();
  await page.goto(piecePath);
  await expect(page.getByText(phrase)).toHaveCount(0);
});
