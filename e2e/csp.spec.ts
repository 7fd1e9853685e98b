import { expect, test, type Page } from "@playwright/test";
import { signInByLink } from "./fixtures/auth";
import { currentTargets } from "./fixtures/crawl";
import { analysisPhrases, firstPaid, publicPiece } from "./fixtures/demo";

test.describe.configure({ mode: "serial" });

const scriptSources = (policy: string): string[] =>
  (policy.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src ")) ?? "").split(/\s+/).slice(1);

/** Records every CSP violation the page reports (event and console), from before its first script. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/content security policy/i.test(m.text())) seen.push(`console: ${m.text()}`);
  });
  await page.exposeFunction("__reportCspViolation", (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation;
      report(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return seen;
}

/** Opens the page and waits until Next's client has started on it (its own scripts ran under the policy). */
async function openAndHydrate(page: Page, path: string, status = 200): Promise<string> {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(status);
  await page.waitForFunction(() => "next" in window, undefined, { timeout: 10_000 });
  await page.waitForLoadState("networkidle");
  return (await res?.allHeaders())?.["content-security-policy"] ?? "";
}

test("every HTML page the build serves sends a Content-Security-Policy that admits no inline script by default", async ({ browser }) => {
  test.setTimeout(240_000);
  const admin = await browser.newContext();
  await signInByLink(await admin.newPage(), "admin@example.com", "/admin");
  const anonymous = await browser.newContext();
  let pages = 0;
  for (const [who, request] of [
    ["anonymous", anonymous.request],
    ["admin", admin.request],
  ] as const) {
    for (const target of await currentTargets(request)) {
      if (target.kind !== "page") continue;
      const res = await request.get(target.url);
      if (!(res.headers()["content-type"] ?? "").startsWith("text/html")) continue;
      pages++;
      const policy = res.headers()["content-security-policy"] ?? "";
      expect(policy, `${who} ${target.url}`).toContain("script-src ");
      const sources = scriptSources(policy);
      expect(sources, `${who} ${target.url}`).not.toContain("'unsafe-inline'");
      expect(sources.some((s) => s.startsWith("'nonce-") || s.startsWith("'sha256-")), `${who} ${target.url}: ${policy}`).toBe(true);
      expect(policy, `${who} ${target.url}`).toContain("object-src 'none'");
      expect(res.headers()["permissions-policy"], `${who} ${target.url}`).toContain("camera=()");
    }
  }
  expect(pages).toBeGreaterThan(30);
  await Promise.all([admin.close(), anonymous.close()]);
});

test("cached and per-request pages run under their policy in Chromium with no violation", async ({ browser }) => {
  test.setTimeout(180_000);
  const anonymous = await (await browser.newContext()).newPage();
  const anonymousViolations = await watchViolations(anonymous);
  for (const path of ["/", `/p/${firstPaid.slug}`, `/p/${publicPiece.slug}`, "/join", "/login", "/no-such-page"]) {
    const policy = await openAndHydrate(anonymous, path, path === "/no-such-page" ? 404 : 200);
    expect(scriptSources(policy)[0], path).toBe("'self'"); // by hash from npm start's front
  }
  // A client-side navigation loads more of Next's scripts.
  await anonymous.goto("/");
  await anonymous.locator(`a[href="/p/${publicPiece.slug}"]`).first().click();
  await anonymous.waitForURL(`**/p/${publicPiece.slug}`);
  expect(anonymousViolations).toEqual([]);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInByLink(admin, "admin@example.com", "/admin");
  const adminViolations = await watchViolations(admin);
  for (const path of ["/admin", "/admin/pieces", "/admin/pieces/new", "/admin/subscribers", "/admin/staff", "/account", `/read/${firstPaid.slug}`]) {
    const policy = await openAndHydrate(admin, path);
    expect(scriptSources(policy)[0], path).toMatch(/^'nonce-/);
  }
  // A piece's page is the cached document everyone gets, hashed, and its island's answer still renders under it.
  const piecePolicy = await openAndHydrate(admin, `/p/${firstPaid.slug}`);
  expect(scriptSources(piecePolicy).some((s) => s.startsWith("'sha256-")), piecePolicy).toBe(true);
  await expect(admin.getByText(analysisPhrases(firstPaid.slug)[0]!)).toBeVisible();
  // The editor's live preview is a server action answered while the page runs.
  await admin.goto("/admin/pieces/new");
  await admin.getByLabel("Headline", { exact: true }).first().fill("CSP check headline");
  await admin.waitForLoadState("networkidle");
  expect(adminViolations).toEqual([]);
  await adminContext.close();
});

test("a script injected into a page, cached or per request, is refused", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations = await watchViolations(page);
  // Stored XSS stands in as markup added to the HTML on its way to the browser, headers untouched.
  await page.route(
    (url) => url.pathname.startsWith("/p/") || url.pathname === "/admin",
    async (route) => {
      if (route.request().resourceType() !== "document") return route.continue();
      const res = await route.fetch();
      const body = (await res.text()).replace(
        "</body>",
        '<script>window.__injected = "inline"</script><img src="/nothing.png" onerror="window.__injected = \'handler\'"></body>',
      );
      await route.fulfill({ response: res, body });
    },
  );
  for (const path of [`/p/${publicPiece.slug}`, "/admin"]) {
    if (path === "/admin") await signInByLink(page, "admin@example.com", "/account");
    violations.length = 0;
    await openAndHydrate(page, path);
    expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected), path).toBeUndefined();
    expect(violations.some((v) => v.includes("script-src")), `${path}: ${violations.join("\n")}`).toBe(true);
  }
  await context.close();
});
