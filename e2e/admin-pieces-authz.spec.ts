import { expect, test, type Browser, type Request } from "@playwright/test";
import { fillMarkdown } from "./fixtures/editor";
import { signInByLink, uniqueEmail } from "./fixtures/auth";
import { payWith, subscribeFromPiece } from "./fixtures/subscribe";

// The piece preview's routes check staff before they look the piece up: any id is refused alike (e2e/preview.spec.ts uses a real draft).
const SOME_PIECE = "00000000-0000-0000-0000-000000000000";
const PAGES = ["/admin", "/admin/pieces", "/admin/pieces/new", "/admin/sends", "/admin/emails", `/admin/pieces/${SOME_PIECE}/preview`, `/admin/pieces/${SOME_PIECE}/history`, `/admin/pieces/${SOME_PIECE}/history/${SOME_PIECE}`, `/preview/${SOME_PIECE}/subscriber`];

interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** As an admin, submit the editor once (with a headline we can look for) and keep the raw server-action request. */
async function captureSaveAction(browser: Browser, headline: string): Promise<CapturedAction> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInByLink(page, "admin@example.com", "/admin/pieces/new");
  let captured: CapturedAction | undefined;
  page.on("request", (req: Request) => {
    const h = req.headers();
    const body = req.postData() ?? "";
    if (req.method() === "POST" && h["next-action"] && body.includes("intent")) {
      captured = { url: req.url(), headers: { "next-action": h["next-action"], "content-type": h["content-type"] ?? "", accept: "text/x-component" }, body };
    }
  });
  await page.getByLabel("Headline", { exact: true }).fill(headline);
  await page.getByLabel("Slug", { exact: true }).fill("Not A Slug");
  await page.getByLabel("Category", { exact: true }).selectOption("Markets");
  await fillMarkdown(page, "Teaser", "T");
  await fillMarkdown(page, "Full analysis", "A");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Slug may hold only lower-case letters, digits and single hyphens.")).toBeVisible();
  await context.close();
  if (!captured) throw new Error("no server action request seen");
  return captured;
}

test("every /admin pieces, sends, email-template and piece-preview page refuses anonymous visitors, readers and paying subscribers", async ({ browser }) => {
  const anonymous = await browser.newContext();
  for (const path of PAGES) {
    const page = await anonymous.newPage();
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/login\\?next=${encodeURIComponent(path).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    await page.close();
  }
  const reader = await browser.newContext();
  await signInByLink(await reader.newPage(), uniqueEmail("authz-reader"), "/account");
  const subscriber = await browser.newContext();
  const sp = await subscriber.newPage();
  await subscribeFromPiece(sp, uniqueEmail("authz-payer"));
  await payWith(sp, "4242 4242 4242 4242");
  await sp.waitForURL(/\/p\//);
  for (const ctx of [reader, subscriber]) {
    for (const path of PAGES) {
      const res = await ctx.request.get(path, { maxRedirects: 0 });
      expect(res.status(), `${path}`).toBe(403);
      const body = await res.text();
      expect(body).toContain("Staff only");
      expect(body).not.toContain('name="headline"');
    }
  }
  await Promise.all([anonymous.close(), reader.close(), subscriber.close()]);
});

test("the editor's server action refuses non-staff callers and changes nothing", async ({ browser }) => {
  const action = await captureSaveAction(browser, "probe");
  const headline = `Forged piece ${Date.now()}`;
  const drafted = action.body
    .replace(/probe/g, headline)
    .replace("Not A Slug", `forged-${Date.now()}`)
    .replace(/(name="[^"]*intent"\r\n\r\n)draft/, "$1publish");
  // Publishing needs an explicit mail audience (the editor's confirmation): "No email".
  const forged = /name="[^"]*mailAudience"/.test(drafted)
    ? drafted.replace(/(name="[^"]*mailAudience"\r\n\r\n)[a-z]*/, "$1none")
    : drafted.replace(/name="([^"]*)intent"\r\n\r\npublish\r\n(--[^\r\n]+)\r\n/, 'name="$1intent"\r\n\r\npublish\r\n$2\r\nContent-Disposition: form-data; name="$1mailAudience"\r\n\r\nnone\r\n$2\r\n');
  expect(forged).toContain(headline);
  expect(forged).toMatch(/name="[^"]*intent"\r\n\r\npublish/);
  expect(forged).toMatch(/name="[^"]*mailAudience"\r\n\r\nnone/);

  const anonymous = await browser.newContext();
  const reader = await browser.newContext();
  await signInByLink(await reader.newPage(), uniqueEmail("forger"), "/account");
  const asAnonymous = await anonymous.request.post(action.url, { headers: action.headers, data: forged, maxRedirects: 0 });
  const sentTo = asAnonymous.headers()["x-action-redirect"] ?? asAnonymous.headers()["location"] ?? "";
  expect(sentTo).toMatch(/\/login\?next=/);
  const asReader = await reader.request.post(action.url, { headers: action.headers, data: forged, maxRedirects: 0 });
  expect(asReader.status() === 403 || (await asReader.text()).includes("NEXT_HTTP_ERROR_FALLBACK;403")).toBe(true);
  const admin = await browser.newContext();
  const page = await admin.newPage();
  await signInByLink(page, "admin@example.com", `/admin/pieces?q=${encodeURIComponent(headline)}`);
  await expect(page.getByText("0 pieces")).toBeVisible();
  const home = await anonymous.request.get("/");
  expect(await home.text()).not.toContain(headline);
  // Control: the very same request from staff is accepted, so the refusals above were authorization.
  const accepted = await admin.request.post(action.url, { headers: action.headers, data: forged, maxRedirects: 0 });
  expect(accepted.status()).toBeLessThan(400);
  await page.reload();
  await expect(page.getByText("1 piece")).toBeVisible();
  await Promise.all([anonymous.close(), reader.close(), admin.close()]);
});
