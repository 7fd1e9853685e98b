import { expect, test } from "@playwright/test";
import { E2E_SIGNIN_LIMIT_PER_EMAIL } from "../playwright.config";
import { formAlert, requestSignInMail, signInByCode, signInByLink, uniqueEmail } from "./fixtures/auth";
import { signInCode, signInLink } from "./fixtures/mailbox";

test("a new reader signs in by link, lands where they started, sees /account and signs out", async ({ page }) => {
  const email = uniqueEmail("link");
  await signInByLink(page, email, "/category/markets");
  await expect(page.getByRole("heading", { level: 1, name: "Markets" })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByTestId("membership-status")).toHaveText("Free member");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("/");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount/);
});

test("a reader signs in by typing the code, with an upper-case, padded address", async ({ page }) => {
  const email = uniqueEmail("code");
  await signInByCode(page, `  ${email.toUpperCase()} `, "/account");
  await expect(page.getByText(email)).toBeVisible();
});

test("fetching the link (a mail scanner's GET) neither signs in nor uses it up", async ({ page, browser }) => {
  const email = uniqueEmail("scanner");
  const mail = await requestSignInMail(page, email, "/account");
  const scanner = await browser.newContext();
  const scanned = await scanner.request.get(signInLink(mail));
  expect(scanned.status()).toBe(200);
  expect((await scanner.cookies()).some((c) => c.name.includes("session-token"))).toBe(false);
  await scanner.close();
  await page.goto(signInLink(mail));
  await page.getByRole("button", { name: "Sign in to ESM Insight" }).click();
  await page.waitForURL("/account");
  await expect(page.getByText(email)).toBeVisible();
});

test("a used link is refused the second time with a clear message", async ({ page, browser }) => {
  const email = uniqueEmail("reuse");
  const mail = await requestSignInMail(page, email, "/account");
  await page.goto(signInLink(mail));
  await page.getByRole("button", { name: "Sign in to ESM Insight" }).click();
  await page.waitForURL("/account");
  const other = await browser.newPage();
  await other.goto(signInLink(mail));
  await other.getByRole("button", { name: "Sign in to ESM Insight" }).click();
  await expect(formAlert(other)).toContainText("expired or was already used");
  await other.close();
});

test("wrong codes are counted and then refused", async ({ page }) => {
  const email = uniqueEmail("wrong");
  const mail = await requestSignInMail(page, email, "/account");
  const wrong = signInCode(mail) === "000000" ? "111111" : "000000";
  // Each try waits for its own answer: the alert's text is the same every time, so it alone cannot
  // tell that a submission was made.
  const tryCode = async (code: string) => {
    await page.getByLabel("Code").fill(code);
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === new URL(page.url()).pathname);
    await page.getByRole("button", { name: "Sign in with code" }).click();
    await answered;
    // React resets the form once the action's answer is applied; typing before that would be wiped.
    await expect(page.getByLabel("Code")).toHaveValue("");
  };
  for (let left = 4; left >= 1; left--) {
    await tryCode(wrong);
    await expect(formAlert(page)).toHaveText("That code is not right or has expired. Check the newest sign-in email.");
  }
  await tryCode(wrong);
  await expect(formAlert(page)).toHaveText("Too many wrong codes. Use the link in the email, or request a new one.");
  await page.getByLabel("Code").fill(signInCode(mail));
  await page.getByRole("button", { name: "Sign in with code" }).click();
  await expect(formAlert(page)).toHaveText("Too many wrong codes. Use the link in the email, or request a new one.");
});

test("an open redirect in next is refused", async ({ page }) => {
  for (const evil of ["https://evil.example/steal", "//evil.example/x", "/\\evil.example"]) {
    const email = uniqueEmail("redirect");
    const mail = await requestSignInMail(page, email, evil);
    await page.goto(signInLink(mail));
    await page.getByRole("button", { name: "Sign in to ESM Insight" }).click();
    await page.waitForURL((url) => url.origin === new URL(page.url()).origin && url.pathname === "/");
    expect(new URL(page.url()).hostname).toBe("localhost");
    await page.context().clearCookies();
  }
});

test("an invalid address gets a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill("not-an-address");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(formAlert(page)).toHaveText("Enter a valid email address, like name@example.com.");
});

test("the sign-in mail rate limit answers clearly", async ({ page }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("limit");
  for (let i = 0; i < E2E_SIGNIN_LIMIT_PER_EMAIL; i++) await requestSignInMail(page, email);
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(formAlert(page)).toContainText("Too many sign-in emails requested");
});

test("the admin address reaches /admin; a reader is refused", async ({ page }) => {
  await signInByLink(page, "admin@example.com", "/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await page.context().clearCookies();

  const res = await page.goto("/admin");
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin/);
  expect(res?.status()).toBe(200);

  await signInByLink(page, uniqueEmail("reader"), "/account");
  const refused = await page.goto("/admin");
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Staff only" })).toBeVisible();
});

test("a reader can turn new-piece mail off and delete the account, which removes it", async ({ page }) => {
  const email = uniqueEmail("deleter");
  await signInByLink(page, email, "/account");
  const box = page.getByLabel("Email me new pieces");
  await expect(box).toBeChecked();
  await box.uncheck();
  await page.getByRole("button", { name: "Save email preference" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByLabel("Email me new pieces")).not.toBeChecked();

  // Deletion sits in the danger zone, behind a disclosure that says what happens to a subscription.
  await page.getByText("Delete my account…").click();
  await expect(page.getByTestId("delete-subscription-fate")).toContainText("You have no running subscription");
  await page.getByRole("button", { name: "Delete my account for good" }).click();
  await expect(formAlert(page)).toHaveText("Type DELETE to confirm.");
  await page.getByLabel("Type DELETE to confirm").fill("DELETE");
  await page.getByRole("button", { name: "Delete my account for good" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);
  // Signing in again starts from a new, empty account: the old preference is gone.
  await signInByLink(page, email, "/account");
  await expect(page.getByLabel("Email me new pieces")).toBeChecked();
});
