import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { signInByLink, uniqueEmail } from "./fixtures/auth";
import { analysisPhrases } from "./fixtures/demo";
import { parse } from "csv-parse/sync";

/**
 * The staff area's people pages: dashboard, subscribers (search, complimentary access, import,
 * export), staff roles, audit log, and who may open them.
 *
 * The admin signs in once per worker (sign-in mails are rate-limited per address) and every
 * test opens its own context from that session.
 */
const PAID_SLUG = "port-automation-strike-baltic";
const DAY_MS = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
let adminState: StorageState | undefined;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  await signInByLink(await context.newPage(), "admin@example.com", "/admin");
  adminState = await context.storageState();
  await context.close();
});

async function asAdmin(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  if (!adminState) throw new Error("admin not signed in");
  const context = await browser.newContext({ storageState: adminState, acceptDownloads: true });
  return { context, page: await context.newPage() };
}

/** An account by the real sign-in flow, in its own browser context. */
async function asNewReader(
  browser: Browser,
  label: string,
  next = "/account",
): Promise<{ context: BrowserContext; page: Page; email: string }> {
  const email = uniqueEmail(label);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInByLink(page, email, next);
  return { context, page, email };
}

async function importCsv(page: Page, csv: string): Promise<void> {
  await page.goto("/admin/subscribers");
  await page.getByLabel("CSV file").setInputFiles({ name: "members.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Import members" }).click();
}

test("an admin sees the dashboard's member counts, MRR, growth chart and latest sends", async ({ browser }) => {
  const { context, page } = await asAdmin(browser);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  for (const label of ["Free members", "Paying subscribers", "Trialing", "Past due", "Complimentary", "MRR"]) {
    await expect(page.getByText(label, { exact: true })).toBeVisible();
  }
  for (const id of ["free", "paying", "trialing", "past_due", "complimentary"]) {
    await expect(page.getByTestId(`stat-${id}`)).toHaveText(/^\d[\d,]*$/);
  }
  await expect(page.getByTestId("stat-mrr")).toHaveText(/\d+\.\d{2}/);

  const chart = page.getByRole("img", { name: /^Bar chart of sign-ups and new paying subscribers per day, .+ Sign-ups: \d+ in total/ });
  await expect(chart).toBeVisible();
  // The numbers behind the chart are in a table anyone can unfold: 30 days plus the header row.
  await page.getByText("The numbers, day by day").click();
  const table = page.getByRole("table", { name: "Sign-ups and new paying subscribers per day" });
  await expect(table.getByRole("row")).toHaveCount(31);

  await expect(page.getByRole("heading", { name: "Latest sends" })).toBeVisible();
  const bars = page.getByRole("progressbar");
  for (let i = 0; i < (await bars.count()); i++) {
    await expect(bars.nth(i)).toHaveAccessibleName(/\d+ of \d+ sent/);
  }

  // A stat card leads to the filtered list.
  await page.getByRole("link", { name: /Free members/ }).click();
  await expect(page).toHaveURL(/\/admin\/subscribers\?status=free$/);
  await expect(page.getByRole("link", { name: "Free", exact: true })).toHaveAttribute("aria-current", "page");
  await context.close();
});

test("an admin finds a reader by email, grants complimentary access, and the reader then reads a paid piece", async ({ browser }) => {
  const reader = await asNewReader(browser, "comp", `/p/${PAID_SLUG}`);
  const phrase = analysisPhrases(PAID_SLUG)[0]!;
  await expect(reader.page.locator("main")).not.toContainText(phrase);

  const { context, page } = await asAdmin(browser);
  await page.goto("/admin/subscribers");
  await page.getByLabel("Search by email").fill(reader.email.toUpperCase());
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/\?q=/);
  await expect(page.locator(".result-count")).toHaveText(/^1 member/);
  await page.getByRole("link", { name: reader.email }).click();
  await expect(page.getByRole("heading", { level: 1, name: reader.email })).toBeVisible();
  await expect(page.getByTestId("member-status")).toHaveText("Free");

  // A date in the past is refused with a clear message, and nothing is granted.
  await page.getByLabel("Access until").fill(isoDay(-1));
  await page.getByRole("button", { name: "Grant complimentary access" }).click();
  await expect(page.getByText(/The end date must be in the future/)).toBeVisible();
  await expect(page.getByTestId("member-status")).toHaveText("Free");

  await page.getByLabel("Access until").fill(isoDay(30));
  await page.getByLabel("Note").fill("E2E press pass <b>not bold</b>");
  await page.getByRole("button", { name: "Grant complimentary access" }).click();
  await expect(page.getByText(/^Complimentary access granted until /)).toBeVisible();
  await expect(page.getByTestId("member-status")).toHaveText("Complimentary");
  await expect(page.getByRole("cell", { name: "E2E press pass <b>not bold</b>" })).toBeVisible();

  await reader.page.reload();
  await expect(reader.page.locator("main")).toContainText(phrase);

  // Revoking ends it at once.
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: /^Revoke the grant of / }).click();
  await expect(page.getByTestId("member-status")).toHaveText("Free");
  await reader.page.reload();
  await expect(reader.page.locator("main")).not.toContainText(phrase);
  await Promise.all([context.close(), reader.context.close()]);
});

test("an admin imports a CSV with one bad row and sees the report", async ({ browser }) => {
  const { context, page } = await asAdmin(browser);
  const a = uniqueEmail("import-a");
  const b = uniqueEmail("import-b");
  await importCsv(page, `email,name\r\n${a},Alpha Reader\r\nnot-an-email,Broken Row\r\n${b},"Reader, Beta"\r\n`);
  const report = page.getByRole("region", { name: "Import report" });
  await expect(report.getByRole("status")).toHaveText("3 rows read: 2 added, 0 skipped (already members), 1 rejected.");
  const bad = report.getByRole("row").filter({ hasText: "not-an-email" });
  await expect(bad.getByRole("cell")).toHaveText(["3", "not-an-email", "Invalid email address."]);

  // The same file again: both addresses are now known.
  await importCsv(page, `${a}\r\n${b}\r\n`);
  await expect(page.getByRole("region", { name: "Import report" }).getByRole("status")).toHaveText(
    "2 rows read: 0 added, 2 skipped (already members), 0 rejected.",
  );

  // A file that cannot be parsed is refused whole.
  const c = uniqueEmail("import-c");
  await importCsv(page, `${c},"never closed\r\n`);
  await expect(page.getByRole("alert").filter({ hasText: "could not be read as CSV" })).toBeVisible();

  await page.goto(`/admin/subscribers?q=${encodeURIComponent(b)}`);
  await expect(page.getByRole("row").filter({ hasText: b })).toContainText("Reader, Beta");
  await page.goto(`/admin/subscribers?q=${encodeURIComponent(c)}`);
  await expect(page.getByText("No members match.")).toBeVisible();
  await context.close();
});

test("an admin exports the filtered subscriber list as CSV", async ({ browser }) => {
  const { context, page } = await asAdmin(browser);
  const email = uniqueEmail("export");
  await importCsv(page, `email,name\n${email},"=cmd|' /C calc'!A0"\n`);
  await expect(page.getByRole("region", { name: "Import report" }).getByRole("status")).toContainText("1 added");

  await page.goto("/admin/subscribers");
  await page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "Free", exact: true }).click();
  await expect(page).toHaveURL(/status=free/);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^subscribers-free-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...rows] = parse(await readFile(await download.path(), "utf8"));
  expect(header).toEqual(["email", "name", "status", "plan", "joined"]);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => r[2] === "free")).toBe(true);
  // The formula in the name is defused with a leading apostrophe.
  expect(rows.find((r) => r[0] === email)?.[1]).toBe("'=cmd|' /C calc'!A0");

  const res = await page.request.get("/admin/subscribers/export.csv?status=paying");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="subscribers-paying-/);
  expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect((await res.text()).startsWith("email,name,status,plan,joined\r\n")).toBe(true);
  await context.close();
});

test("an admin promotes a reader to editor, who reaches the staff area but not admin pages, then demotes them", async ({ browser }) => {
  const editor = await asNewReader(browser, "promoted");
  expect((await editor.page.goto("/admin"))?.status()).toBe(403);

  const { context, page } = await asAdmin(browser);
  await page.goto("/admin/staff");
  await expect(page.getByRole("row").filter({ hasText: "admin@example.com" })).toContainText("Fixed (ADMIN_EMAILS)");
  await page.getByLabel("Email", { exact: true }).fill(`  ${editor.email.toUpperCase()} `);
  await page.getByRole("button", { name: "Promote to editor" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${editor.email} is now an editor.` })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: editor.email })).toContainText("Editor");

  // The role counts at once: the editor reaches staff pages, but admin-only pages answer 403.
  expect((await editor.page.goto("/admin"))?.status()).toBe(200);
  await expect(editor.page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(editor.page.getByRole("link", { name: "Staff", exact: true })).toHaveCount(0);
  expect((await editor.page.goto("/admin/subscribers"))?.status()).toBe(200);
  for (const path of ["/admin/staff", "/admin/audit"]) {
    expect((await editor.page.goto(path))?.status(), path).toBe(403);
    await expect(editor.page.getByRole("heading", { name: "Staff only" })).toBeVisible();
  }

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: `Demote to reader: ${editor.email}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `${editor.email} is now a reader.` })).toBeVisible();
  expect((await editor.page.goto("/admin"))?.status()).toBe(403);

  // Both changes are in the audit log, newest first.
  await page.goto("/admin/audit");
  const rows = page.getByRole("row").filter({ hasText: editor.email });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("made a staff member a reader");
  await expect(rows.nth(1)).toContainText("made a reader an editor");
  // The actor is named by their staff profile (another spec renames the demo admin) and links to their entries.
  await expect(rows.nth(1).getByRole("link").first()).toHaveAttribute("href", /\/admin\/audit\?actor=/);
  await Promise.all([context.close(), editor.context.close()]);
});

test("every people page refuses anonymous visitors (→ /login) and readers (403); editors get 403 on admin-only pages", async ({
  browser,
}) => {
  const { context: admin, page } = await asAdmin(browser);
  await page.goto("/admin/subscribers");
  const someMember = await page.getByRole("table").getByRole("link").first().getAttribute("href");
  expect(someMember).toMatch(/^\/admin\/subscribers\/[0-9a-f-]{36}$/);
  const STAFF_PAGES = ["/admin", "/admin/subscribers", "/admin/subscribers?status=paying&q=a", someMember!];
  const ADMIN_PAGES = ["/admin/staff", "/admin/audit"];
  const EXPORT = "/admin/subscribers/export.csv";

  const anonymous = await browser.newContext();
  for (const path of [...STAFF_PAGES, ...ADMIN_PAGES]) {
    const p = await anonymous.newPage();
    await p.goto(path);
    await expect(p, path).toHaveURL(/\/login\?next=%2Fadmin/);
    await p.close();
  }
  const anonExport = await anonymous.request.get(EXPORT, { maxRedirects: 0 });
  expect(anonExport.status()).toBe(307);
  expect(anonExport.headers()["location"]).toMatch(/\/login\?next=%2Fadmin%2Fsubscribers(%2Fexport\.csv)?$/);

  const reader = await asNewReader(browser, "people-authz");
  for (const path of [...STAFF_PAGES, ...ADMIN_PAGES]) {
    const res = await reader.context.request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(403);
    const body = await res.text();
    expect(body, path).toContain("Staff only");
    expect(body, path).not.toContain("Search by email");
    expect(body, path).not.toContain("admin@example.com");
  }
  const readerExport = await reader.context.request.get(EXPORT, { maxRedirects: 0 });
  expect(readerExport.status()).toBe(403);
  expect(await readerExport.text()).not.toContain("email,name,status");

  // An editor: made one for this test, through the staff page.
  const editor = await asNewReader(browser, "people-authz-editor");
  await page.goto("/admin/staff");
  await page.getByLabel("Email", { exact: true }).fill(editor.email);
  await page.getByRole("button", { name: "Promote to editor" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is now an editor." })).toBeVisible();
  for (const path of STAFF_PAGES) expect((await editor.context.request.get(path, { maxRedirects: 0 })).status(), path).toBe(200);
  expect((await editor.context.request.get(EXPORT, { maxRedirects: 0 })).status()).toBe(200);
  for (const path of ADMIN_PAGES) {
    const res = await editor.context.request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(403);
    expect(await res.text(), path).not.toContain("Promote to editor");
  }
  await Promise.all([admin.close(), anonymous.close(), reader.context.close(), editor.context.close()]);
});
