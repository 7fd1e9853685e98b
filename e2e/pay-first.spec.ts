import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { SIGN_IN_SUBJECT, signInByLink, uniqueEmail } from "./fixtures/auth";
import { analysisPhrases, firstPaid } from "./fixtures/demo";
import { signInLink, waitForMail } from "./fixtures/mailbox";
import { STRIPE_STANDIN_URL } from "./fixtures/stripe";
import { payWith } from "./fixtures/subscribe";

const piecePath = `/p/${firstPaid.slug}`;
const phrase = analysisPhrases(firstPaid.slug)[0]!;

const sessionCookie = async (page: Page) => (await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"));

/** Axe finds no serious or critical violation on the page as it stands. */
async function axeClean(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${page.url()}: ${v.id} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** The page at 360 px and desktop, light and dark, kept with the test's output. */
async function screenshots(page: Page, info: TestInfo, name: string): Promise<void> {
  for (const width of [360, 1280]) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: info.outputPath(`${name}-${width}-${scheme}.png`), fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
}

/** An anonymous reader on a paid piece presses Join, picks `plan` and pays with `email`; returns the success URL Stripe sent them to. */
async function payFirst(page: Page, email: string, plan: "monthly" | "yearly" = "monthly"): Promise<string> {
  await page.goto(piecePath);
  await page.getByRole("region", { name: "The full analysis is for subscribers" }).getByRole("link", { name: "Join ESM Insight →" }).click();
  await expect(page).toHaveURL(/\/join\?next=/);
  await page.getByRole("button", { name: `Choose ${plan}` }).click();
  await page.waitForURL(/\/checkout\//);
  const email_ = page.getByLabel("Email");
  await expect(email_).toHaveValue("");
  await expect(email_).toBeEditable();
  await email_.fill(email);
  const success = page.waitForRequest((r) => r.url().includes("/billing/success?"));
  await payWith(page, "4242 4242 4242 4242");
  return (await success).url();
}

async function anonymousPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("an anonymous reader pays first, comes back signed in and reads the full analysis at once; the return URL signs nobody else in", async ({ page, browser }, info) => {
  await page.goto(`/join?next=${encodeURIComponent(piecePath)}`);
  await expect(page.getByRole("button", { name: "Choose monthly" })).toBeEnabled();
  await axeClean(page);
  await screenshots(page, info, "join");

  const email = uniqueEmail("pay-first");
  const successUrl = await payFirst(page, email);
  await page.waitForURL((url) => url.pathname === piecePath);
  await expect(page.getByText("You’re subscribed. Every analysis is yours to read in full.")).toBeVisible();
  await expect(page.getByText(phrase)).toBeVisible();
  const cookie = await sessionCookie(page);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  expect((await page.context().cookies()).some((c) => c.name === "esm-checkout-browser")).toBe(false);
  await page.goto("/account");
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByTestId("subscription-status")).toHaveText("Active");

  // The same return URL, opened in another browser (or again without the cookie), signs nobody in.
  const other = await anonymousPage(browser);
  await other.goto(successUrl);
  await expect(other).toHaveURL(/\/login\?next=/);
  expect(await sessionCookie(other)).toBeUndefined();
  await other.goto(piecePath);
  await expect(other.getByText(phrase)).toHaveCount(0);
  await other.context().close();

  // The address typed into Checkout was never proven: when its owner signs in by email, the browser that paid is signed out.
  const owner = await anonymousPage(browser);
  await signInByLink(owner, email, "/account");
  await expect(owner.getByText(email)).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);
  await page.goto(piecePath);
  await expect(page.getByText(phrase)).toHaveCount(0);
  await owner.goto(piecePath);
  await expect(owner.getByText(phrase)).toBeVisible();
  await owner.context().close();
});

test("paying first with the address of an existing account signs nobody in: the reader confirms by email, then reads", async ({ page, browser }) => {
  const email = uniqueEmail("pay-first-existing");
  const owner = await anonymousPage(browser);
  await signInByLink(owner, email, "/account");
  await owner.context().close();

  const since = Date.now() - 1000;
  await payFirst(page, email, "yearly");
  await page.waitForURL(/\/login\/check\?/);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText(/Your payment went through\. This address already has an account, so confirm it is yours by email first/)).toBeVisible();
  expect(await sessionCookie(page)).toBeUndefined();
  await axeClean(page);
  await page.goto(piecePath);
  await expect(page.getByText(phrase)).toHaveCount(0);

  const mail = await waitForMail(page.request, email, SIGN_IN_SUBJECT, since);
  await page.goto(signInLink(mail));
  await page.getByRole("button", { name: "Sign in to ESM Insight" }).click();
  await page.waitForURL((url) => url.pathname === piecePath);
  await expect(page.getByText(phrase)).toBeVisible();
});

test("cancelling asks a reason and offers the admin's coupon once; declining ends the subscription at period end", async ({ page, browser }, info) => {
  const coupon = `STAY-${Date.now()}`;
  const created = await page.request.post(`${STRIPE_STANDIN_URL}/v1/coupons`, {
    headers: { Authorization: "Bearer sk_test_e2e" },
    form: { id: coupon, percent_off: "50", duration: "once" },
  });
  expect(created.ok()).toBe(true);
  const admin = await anonymousPage(browser);
  await signInByLink(admin, "admin@example.com", "/admin/staff");
  await admin.getByLabel("Stripe coupon id").fill("NO-SUCH-COUPON");
  await admin.getByLabel("The offer, as the button ends it: “Stay for …”").fill("half price next month");
  await admin.getByRole("button", { name: "Save offer" }).click();
  await expect(admin.getByText("Stripe has no coupon NO-SUCH-COUPON.")).toBeVisible();
  await admin.getByLabel("Stripe coupon id").fill(coupon);
  await admin.getByRole("button", { name: "Save offer" }).click();
  await expect(admin.getByText("Saved. Readers who cancel are offered it once.")).toBeVisible();

  try {
    await payFirst(page, uniqueEmail("canceller"));
    await page.waitForURL((url) => url.pathname === piecePath);
    await page.goto("/account");
    await page.getByRole("link", { name: "Cancel subscription" }).click();
    await page.waitForURL("**/account/cancel");
    await axeClean(page);
    await screenshots(page, info, "cancel");
    await page.getByLabel("It’s too expensive").check();
    await page.getByLabel("Anything you’d like to tell us? (optional)").fill("Budget cuts this quarter.");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: "Before you go" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Stay for half price next month" })).toBeVisible();
    await axeClean(page);
    await screenshots(page, info, "cancel-offer");
    await page.getByRole("button", { name: "No thanks, cancel my subscription" }).click();
    await page.waitForURL("**/account?saved=cancelling");
    await expect(page.getByTestId("subscription-status")).toHaveText("Cancelling");
    await expect(page.getByTestId("subscription-dates")).toContainText(/Cancelling: ends on \w+/);
    await expect(page.getByRole("link", { name: "Cancel subscription" })).toHaveCount(0);
  } finally {
    await admin.goto("/admin/staff");
    await admin.getByLabel("Stripe coupon id").fill("");
    await admin.getByLabel("The offer, as the button ends it: “Stay for …”").fill("");
    await admin.getByRole("button", { name: "Save offer" }).click();
    await expect(admin.getByText("Saved. Readers who cancel get no offer.")).toBeVisible();
    await admin.context().close();
  }
});
