/** Attacks as an attacker would try them against demo mode (issue: sign-in and paywall hardening), each now refused. */
import { expect, test } from "@playwright/test";
import { E2E_BASE_URL } from "../playwright.config";
import { requestSignInMail, uniqueEmail } from "./fixtures/auth";
import { mailsTo, signInLink } from "./fixtures/mailbox";

test("Auth.js's own sign-in endpoint is closed: it mails nothing, whatever it is sent", async ({ request }) => {
  const email = uniqueEmail("side-door");
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  for (let i = 0; i < 3; i++) {
    const res = await request.post("/api/auth/signin/email", {
      form: { email, csrfToken: csrf.csrfToken, callbackUrl: "/" },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(404);
  }
  await new Promise((r) => setTimeout(r, 500));
  expect(await mailsTo(request, email)).toEqual([]);
});

test("a forged X-Forwarded-Host never reaches the sign-in link: the mail and the confirm button stay on the app's origin", async ({ page, browser }) => {
  const email = uniqueEmail("host-poison");
  await page.setExtraHTTPHeaders({ "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
  const mail = await requestSignInMail(page, email, "/account");
  const link = signInLink(mail);
  expect(new URL(link).origin).toBe(E2E_BASE_URL);
  expect(mail.html).not.toContain("evil.example");

  const victim = await browser.newPage();
  const navigations: string[] = [];
  victim.on("request", (r) => {
    if (r.isNavigationRequest()) navigations.push(r.url());
  });
  await victim.goto(link);
  await victim.getByRole("button", { name: /^Sign in to / }).click();
  await victim.waitForURL((url) => url.pathname === "/account");
  expect(navigations.filter((u) => new URL(u).hostname === "evil.example")).toEqual([]);
  await victim.close();
});

test("a NUL byte or junk in a piece or category slug is a 404, not a 500", async ({ request }) => {
  for (const path of ["/p/a%00b", "/p/%00", "/category/x%00y", "/og/a%00b", "/p/" + "a".repeat(300)]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test("webhook and unsubscribe routes refuse an oversized body before reading it", async ({ request }) => {
  const big = "x".repeat(2 * 1024 * 1024);
  for (const path of ["/api/stripe/webhook", "/api/resend/webhook", "/api/unsubscribe?token=x"]) {
    const res = await request.post(path, { data: big, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(res.status(), path).toBe(413);
  }
});
