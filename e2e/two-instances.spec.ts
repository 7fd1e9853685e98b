/**
 * Issue 10/11: two production instances, each with its own build folder, on one PostgreSQL and one
 * Redis, behave as one site. An editor changes a piece on A; anonymous readers of B see each change
 * within 5 s, and never the analysis once a switch to paid has returned.
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createClient } from "@redis/client";
import postgres from "postgres";
import { copyBuild, startInstance, type Instance } from "./fixtures/instances";
import { confirmMail, waitForAudienceCounts, type MailChoice, fillMarkdown } from "./fixtures/editor";

const ROOT = path.resolve(import.meta.dirname, "..");
const DATABASE_URL = process.env.DATABASE_URL ?? "";
const REDIS_URL = process.env.REDIS_URL ?? "";
const skipReason = !DATABASE_URL || !REDIS_URL ? `two-instance test skipped: needs ${[!DATABASE_URL && "DATABASE_URL", !REDIS_URL && "REDIS_URL"].filter(Boolean).join(" and ")}` : "";
if (skipReason) console.log(skipReason);

test.describe.configure({ mode: "serial" });
test.skip(Boolean(skipReason), skipReason);

const stamp = `${Date.now()}${Math.floor(Math.random() * 1e4)}`;
const database = `esm_two_${stamp}`;
let a: Instance;
let b: Instance;
let adminToken = "";
let readerToken = "";

function databaseUrl(name: string): string {
  const u = new URL(DATABASE_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const admin = postgres(DATABASE_URL, { max: 1 });
  await admin.unsafe(`create database ${database}`);
  await admin.end();
  copyBuild(ROOT, ".next-two-a");
  copyBuild(ROOT, ".next-two-b");
  const env = {
    DEMO_MODE: "false",
    DATABASE_URL: databaseUrl(database),
    REDIS_URL,
    AUTH_SECRET: "two-instance-test-secret-shared-by-both",
    STRIPE_SECRET_KEY: "sk_test_two_instances",
    STRIPE_WEBHOOK_SECRET: "whsec_two_instances",
    RESEND_API_KEY: "re_two_instances",
    EMBEDDED_WORKER: "false",
  };
  // One APP_URL for both, as behind a load balancer.
  a = await startInstance(ROOT, ".next-two-a", { ...env, APP_URL: "http://localhost:3999" });
  b = await startInstance(ROOT, ".next-two-b", { ...env, APP_URL: "http://localhost:3999" });
  const sql = postgres(databaseUrl(database), { max: 1 });
  const [user] = await sql<{ id: string }[]>`insert into users (id, email, role) values (${randomBytes(12).toString("hex")}, 'two-instances@example.com', 'admin') returning id`;
  adminToken = randomBytes(24).toString("hex");
  await sql`insert into sessions (session_token, user_id, expires) values (${adminToken}, ${user!.id}, now() + interval '1 day')`;
  const [reader] = await sql<{ id: string }[]>`insert into users (id, email, role) values (${randomBytes(12).toString("hex")}, 'two-instances-reader@example.com', 'reader') returning id`;
  readerToken = randomBytes(24).toString("hex");
  await sql`insert into sessions (session_token, user_id, expires) values (${readerToken}, ${reader!.id}, now() + interval '1 day')`;
  // An admin made this category under /admin/categories before the editor files pieces in it.
  await sql`insert into categories (id, slug, name) values (${randomBytes(12).toString("hex")}, 'markets', 'Markets')`;
  await sql.end();
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  for (const dir of [".next-two-a", ".next-two-b"]) rmSync(path.join(ROOT, dir), { recursive: true, force: true });
  const admin = postgres(DATABASE_URL, { max: 1 });
  await admin.unsafe(`drop database if exists ${database} with (force)`).catch(() => undefined);
  await admin.end();
});

async function asEditorOnA(page: Page, pathname: string): Promise<void> {
  await page.context().addCookies([{ name: "authjs.session-token", value: adminToken, url: a.url, httpOnly: true, sameSite: "Lax" }]);
  await page.goto(`${a.url}${pathname}`);
}

async function readOnB(request: APIRequestContext, slug: string): Promise<{ status: number; body: string; cacheControl: string }> {
  const res = await request.get(`${b.url}/p/${slug}`, { headers: { cookie: "" }, maxRedirects: 0 });
  return { status: res.status(), body: await res.text(), cacheControl: res.headers()["cache-control"] ?? "" };
}

/** The island's private answer on B (npm start's front answers it) for the holder of a session token. */
async function islandOnB(request: APIRequestContext, slug: string, token: string): Promise<{ status: number; body: string }> {
  const res = await request.get(`${b.url}/api/read/${slug}`, { headers: { cookie: `authjs.session-token=${token}` } });
  return { status: res.status(), body: await res.text() };
}

/** Presses an editor button and returns once the server action has answered. */
async function press(page: Page, name: "Publish" | "Unpublish", message: string, mail?: MailChoice): Promise<void> {
  if (mail) {
    // The first Publish of a piece asks who gets it by email; the save is the confirmation's submit.
    await page.getByRole("button", { name, exact: true }).click();
    await waitForAudienceCounts(page);
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().startsWith(a.url));
    await confirmMail(page, mail);
    expect((await answered).ok()).toBe(true);
    await expect(page.getByRole("status").filter({ hasText: message })).toBeVisible();
    return;
  }
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().startsWith(a.url));
  await page.getByRole("button", { name, exact: true }).click();
  expect((await answered).ok()).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: message })).toBeVisible();
}

const WITHIN = { timeout: 5_000, intervals: [100, 200, 300] };

test("a piece published, edited, made paid and unpublished on A is seen so on B within 5 s, and paid never leaks", async ({ page, request }) => {
  test.setTimeout(120_000);
  const slug = `two-instances-${stamp}`;
  const first = `First analysis sentence ${stamp}.`;
  const second = `Edited analysis sentence ${stamp}.`;

  await asEditorOnA(page, "/admin/pieces/new");
  await page.getByLabel("Headline", { exact: true }).fill(`Two instances ${stamp}`);
  await page.getByLabel("Slug", { exact: true }).fill(slug);
  await page.getByLabel("Category", { exact: true }).selectOption("Markets");
  await fillMarkdown(page, "Teaser", "A public teaser.");
  await fillMarkdown(page, "Full analysis", first);
  await page.getByLabel("Call to action", { exact: true }).fill("Get the full breakdown.");
  await page.getByLabel("Visibility", { exact: true }).selectOption("public");

  // B has already cached the unknown slug's page? It must not: 404s are never stored.
  expect((await readOnB(request, slug)).status).toBe(404);

  await press(page, "Publish", "Published", "No email");
  await expect.poll(async () => (await readOnB(request, slug)).body.includes(first), WITHIN).toBe(true);
  const cached = await readOnB(request, slug);
  expect(cached.cacheControl).toBe("s-maxage=5");

  await fillMarkdown(page, "Full analysis", second);
  await press(page, "Publish", "Published");
  await expect.poll(async () => (await readOnB(request, slug)).body.includes(second), WITHIN).toBe(true);
  expect((await islandOnB(request, slug, readerToken)).body).toContain(second);

  await page.getByLabel("Visibility", { exact: true }).selectOption("paid");
  await press(page, "Publish", "Published");
  // The switch has returned: from now on B never serves the analysis to an anonymous reader or a free member.
  for (let i = 0; i < 20; i++) {
    const now = await readOnB(request, slug);
    expect(now.status).toBe(200);
    expect(now.body).not.toContain(second);
    expect(now.body).not.toContain(first);
    const island = await islandOnB(request, slug, readerToken);
    expect(island.status).toBe(200);
    expect(island.body).toContain('"reason":"subscribe"');
    expect(island.body).not.toContain(second);
    await new Promise((r) => setTimeout(r, 100));
  }
  expect((await islandOnB(request, slug, adminToken)).body).toContain(second);

  await press(page, "Unpublish", "Unpublished");
  await expect.poll(async () => (await readOnB(request, slug)).status, WITHIN).toBe(404);
  expect((await islandOnB(request, slug, adminToken)).status).toBe(404);
});

test("unknown slugs leave nothing in the shared cache", async ({ request }) => {
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  for (let i = 0; i < 50; i++) {
    const res = await request.get(`${b.url}/p/junk-${stamp}-${i}`);
    expect(res.status()).toBe(404);
  }
  // Other servers may share this Redis: look for traces of these slugs only (entry keys and their tags).
  const junk = `junk-${stamp}`;
  const traces: string[] = [];
  for (const key of await redis.keys("esm-insight:pages:*")) {
    if (key.includes(junk)) traces.push(key);
    if (key.endsWith("__sharedTags__")) {
      for (const [field, tags] of Object.entries(await redis.hGetAll(key))) if (`${field} ${tags}`.includes(junk)) traces.push(`${key} ${field}`);
    }
  }
  expect(traces).toEqual([]);
  await redis.quit();
});

test("when the database stops answering, readers and staff get an error page that says what to do, and the site recovers", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = postgres(DATABASE_URL, { max: 1 });
  const cut = async () => {
    await admin.unsafe(`alter database ${database} allow_connections false`);
    await admin.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${database}'`);
  };
  const restore = () => admin.unsafe(`alter database ${database} allow_connections true`);
  const reader = await browser.newPage();
  const staff = await browser.newPage();
  try {
    await cut();
    // A reader's search: the site's own error panel, inside the site's chrome when that could be drawn.
    const searched = await reader.goto(`${b.url}/search?q=outage`);
    expect(searched?.status()).toBe(500);
    const alert = reader.getByRole("alert");
    await expect(alert.getByRole("heading", { level: 1 })).toHaveText(/Something went wrong on our side|The site is having trouble/);
    await expect(alert.getByRole("button", { name: "Try again" })).toBeVisible();
    await expect(alert.getByRole("link", { name: /front page/ })).toHaveAttribute("href", "/");
    const said = await reader.locator("body").innerText();
    expect(said).not.toMatch(/ECONN|terminat|postgres|allow_connections|at .*\.js:\d+/i);

    // Staff whose session cannot be read fail closed (Auth.js reads it as no session, so /admin sends them
    // to sign-in), and the sign-in page, which needs the database too, says the site is in trouble.
    await staff.context().addCookies([{ name: "authjs.session-token", value: adminToken, url: b.url, httpOnly: true, sameSite: "Lax" }]);
    const adminPage = await staff.goto(`${b.url}/admin`);
    expect(adminPage?.status()).toBe(500);
    await expect(staff.getByRole("alert").getByRole("heading", { level: 1 })).toHaveText(/Something went wrong on our side|The site is having trouble/);
    await expect(staff.getByRole("textbox")).toHaveCount(0);
    expect(await staff.locator("body").innerText()).not.toMatch(/ECONN|terminat|postgres|at .*\.js:\d+/i);
  } finally {
    await restore();
    await admin.end();
  }
  await expect.poll(async () => (await reader.goto(`${b.url}/search?q=outage`))?.status(), { timeout: 15_000 }).toBe(200);
  await reader.getByRole("main").waitFor();
  await reader.close();
  await staff.close();
});
