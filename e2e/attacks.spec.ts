/** Attacks as an attacker would try them against demo mode (issue: sign-in and paywall hardening), each now refused. */
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
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

test("a NUL byte or junk in a piece or category slug is a 404, not a 500", async ({ request }) => {
  for (const path of ["/p/a%00b", "/p/%00", "/category/x%00y", "/og/a%00b", "/p/" + "a".repeat(300)]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

/** Every file path under `dir` (relative), for a look at what requests left on disk. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

test("junk slugs on the default (in-memory) cache leave no file behind and nothing served from cache", async ({ request }) => {
  // Attack 8: each unknown slug used to get its own cache file. The e2e server runs without Redis.
  const root = path.resolve(import.meta.dirname, "..");
  const watched = [path.join(root, ".next"), path.resolve(root, process.env.E2E_DATA_DIR ?? ".data-e2e")];
  const before = new Set(watched.flatMap((dir) => filesUnder(dir).map((f) => `${dir}/${f}`)));
  const junk = `junk-${Date.now().toString(36)}`;
  for (let i = 0; i < 60; i++) {
    const res = await request.get(`/p/${junk}-${i}`);
    expect(res.status()).toBe(404);
  }
  for (let i = 0; i < 3; i++) expect((await request.get(`/p/${junk}-${i}`)).headers()["x-nextjs-cache"]).not.toBe("HIT");
  const added = watched.flatMap((dir) => filesUnder(dir).map((f) => `${dir}/${f}`)).filter((f) => !before.has(f));
  expect(added.filter((f) => f.includes(junk))).toEqual([]);
  expect(added.filter((f) => f.startsWith(watched[0]!) && !f.includes(`${path.sep}cache${path.sep}`))).toEqual([]);
});

test("webhook and unsubscribe routes refuse an oversized body before reading it", async ({ request }) => {
  const big = "x".repeat(2 * 1024 * 1024);
  for (const path of ["/api/stripe/webhook", "/api/resend/webhook", "/api/unsubscribe?token=x"]) {
    const res = await request.post(path, { data: big, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(res.status(), path).toBe(413);
  }
});

test("login CSRF: a link or a callback URL from the attacker's browser signs nobody in elsewhere", async ({ browser }) => {
  const attacker = await browser.newPage();
  const email = uniqueEmail("csrf-attacker");
  const mail = await requestSignInMail(attacker, email, "/account");
  const link = signInLink(mail);

  // 1. The attacker sends the victim the confirm link of the attacker's own sign-in.
  const victim = await browser.newPage();
  await victim.goto(link);
  await victim.getByRole("button", { name: /^Sign in to / }).click();
  await victim.waitForURL((url) => url.pathname === "/login/check");
  await expect(victim.getByText("opened in a different browser")).toBeVisible();
  expect((await victim.context().cookies()).some((c) => c.name.includes("session-token"))).toBe(false);

  // 2. The attacker redeems the link in their own browser, catches Auth.js's callback URL and sends that instead.
  //    (The attacker's browser does not follow it, so its one-time token is still good.)
  let callback = "";
  await attacker.route("**/api/auth/callback/email**", async (route) => {
    callback = route.request().url();
    await route.abort();
  });
  await attacker.goto(link);
  await attacker.getByRole("button", { name: /^Sign in to / }).click();
  await expect.poll(() => callback).not.toBe("");
  const replay = await browser.newPage();
  await replay.goto(callback);
  await replay.waitForURL((url) => url.pathname === "/login");
  await expect(replay.getByText("started in another browser")).toBeVisible();
  expect((await replay.context().cookies()).some((c) => c.name.includes("session-token"))).toBe(false);
  await Promise.all([attacker.close(), victim.close(), replay.close()]);
});
