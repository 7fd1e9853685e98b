/**
 * Issue 14: an editor previews a draft as readers get it (the site's own page for an anonymous
 * reader, a free member and a subscriber, at desktop and phone width) and its mail as it will be sent
 * (subject, preheader, both variants). Nobody else may open either route. Screenshots under
 * test-results/preview/.
 */
import { expect, test, type Page } from "@playwright/test";
import { signInByLink, uniqueEmail } from "./fixtures/auth";
import { fillMarkdown } from "./fixtures/editor";
import { lookAt, SCREENS } from "./fixtures/look";

const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1e4)}`;
const isPrivateNoStore = (cacheControl: string): boolean => /\bprivate\b/.test(cacheControl) && /\bno-store\b/.test(cacheControl);

/** An editor saves a paid draft from /admin/pieces/new; returns its id. */
async function saveDraft(page: Page, headline: string, secret: string): Promise<string> {
  await page.goto("/admin/pieces/new");
  await page.getByLabel("Headline", { exact: true }).fill(headline);
  await page.getByLabel("Category", { exact: true }).selectOption("Markets");
  await fillMarkdown(page, "Teaser", "Insurers **repriced** the Baltic in a week. Ministers noticed later.");
  await fillMarkdown(page, "Full analysis", `${secret}\n\n## What to watch\n\n- claims\n- premiums`);
  await page.getByLabel("Visibility", { exact: true }).selectOption("paid");
  // The editor shows the defaults the mail will use, from the live preview's teaser.
  await expect(page.getByLabel("Email subject", { exact: true })).toHaveAttribute("placeholder", headline);
  await expect(page.getByLabel("Preheader", { exact: true })).toHaveAttribute("placeholder", "Insurers repriced the Baltic in a week.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.waitForURL((url) => url.searchParams.get("saved") === "draft");
  await expect(page.getByTestId("piece-status")).toContainText("Status: draft");
  return new URL(page.url()).pathname.split("/").pop() ?? "";
}

test("an editor previews a draft: the page as an anonymous reader, a free member and a subscriber, and both mails with their subject and preheader", async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await ctx.newPage();
  await signInByLink(page, "admin@example.com", "/admin/pieces");
  const headline = `Preview draft ${stamp()}`;
  const secret = `The gated preview sentence ${stamp()} moves every premium.`;
  const id = await saveDraft(page, headline, secret);
  const slug = await page.getByLabel("Slug", { exact: true }).inputValue();
  expect(slug).not.toBe("");
  await page.getByRole("link", { name: "Preview the page and the mail as readers get them" }).click();
  await expect(page).toHaveURL(`/admin/pieces/${id}/preview`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Preview: ${headline}`);

  const site = page.frameLocator("iframe.preview-frame");
  const frame = page.locator("iframe.preview-frame");
  // Anonymous (the default): the teaser and the paywall, never the analysis.
  await expect(frame).toHaveAttribute("width", "1280");
  await expect(site.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(site.locator(".paywall")).toBeVisible();
  await expect(site.locator(".masthead").getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(site.locator(".paywall")).toContainText("Already a subscriber?");
  await expect(site.locator("body")).not.toContainText(secret);
  // A free member: still the paywall, and the masthead offers Subscribe.
  await page.getByRole("navigation", { name: "Reader" }).getByRole("link", { name: "Free member" }).click();
  await expect(page).toHaveURL(/as=free/);
  await expect(site.locator(".paywall")).toBeVisible();
  await expect(site.locator(".masthead").getByRole("link", { name: "Subscribe" })).toBeVisible();
  await expect(site.locator(".paywall")).toContainText("Subscribe to read on");
  await expect(site.locator("body")).not.toContainText(secret);
  // A paying subscriber: the full analysis, no paywall.
  await page.getByRole("navigation", { name: "Reader" }).getByRole("link", { name: "Paying subscriber" }).click();
  await expect(page).toHaveURL(/as=subscriber/);
  await expect(site.locator(".analysis-body")).toContainText(secret);
  await expect(site.locator(".paywall")).toHaveCount(0);
  // At phone width, the same page 360 px wide.
  await page.getByRole("navigation", { name: "Width" }).getByRole("link", { name: /Phone/ }).click();
  await expect(frame).toHaveAttribute("width", "360");
  await expect(site.locator(".analysis-body")).toContainText(secret);

  // The mail, as it will be sent: the defaults (headline, the teaser's first sentence) in both variants.
  await expect(page.getByTestId("mail-subject")).toHaveText(headline);
  await expect(page.getByTestId("mail-preheader")).toHaveText("Insurers repriced the Baltic in a week.");
  const full = page.frameLocator('iframe[title^="Mail to paid subscribers"]');
  const teaser = page.frameLocator('iframe[title^="Mail to free members"]');
  await expect(full.locator("body")).toContainText(secret);
  await expect(teaser.locator("body")).not.toContainText(secret);
  await expect(teaser.getByRole("link", { name: /Join/ }).first()).toBeVisible();
  for (const title of ["Mail to paid subscribers", "Mail to free members"]) {
    await expect(page.locator(`iframe[title^="${title}"]`)).toHaveAttribute("srcdoc", /Insurers repriced the Baltic in a week\./);
  }

  // The editor's own subject and preheader replace the defaults.
  await page.goto(`/admin/pieces/${id}`);
  await page.getByLabel("Email subject", { exact: true }).fill("The Baltic, repriced");
  await page.getByLabel("Preheader", { exact: true }).fill("Why a week of claims moved every premium");
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.waitForURL((url) => url.searchParams.get("saved") === "draft");
  await expect(page.getByLabel("Email subject", { exact: true })).toHaveValue("The Baltic, repriced");
  await page.goto(`/admin/pieces/${id}/preview`);
  await expect(page.getByTestId("mail-subject")).toHaveText("The Baltic, repriced");
  await expect(page.getByTestId("mail-preheader")).toHaveText("Why a week of claims moved every premium");
  for (const title of ["Mail to paid subscribers", "Mail to free members"]) {
    const srcdoc = (await page.locator(`iframe[title^="${title}"]`).getAttribute("srcdoc")) ?? "";
    expect(srcdoc).toContain("Why a week of claims moved every premium");
    expect(srcdoc).not.toContain("Insurers repriced the Baltic in a week.\u00a0");
  }

  // Never cached; only this origin may frame the reader page; the draft is still unpublished.
  for (const path of [`/admin/pieces/${id}/preview`, `/preview/${id}/subscriber`]) {
    const res = await ctx.request.get(path);
    expect(res.status(), path).toBe(200);
    expect(isPrivateNoStore(res.headers()["cache-control"] ?? ""), `${path}: ${res.headers()["cache-control"]}`).toBe(true);
  }
  const framed = await ctx.request.get(`/preview/${id}/anonymous`);
  expect(framed.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
  expect(framed.headers()["x-frame-options"]).toBe("SAMEORIGIN");
  const editor = await ctx.request.get(`/admin/pieces/${id}`);
  expect(editor.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(editor.headers()["x-frame-options"]).toBe("DENY");
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`/p/${slug}`)).status()).toBe(404);
  await Promise.all([ctx.close(), anonymous.close()]);
});

test("a draft's preview refuses anyone but staff: anonymous visitors go to sign-in, readers get Staff only", async ({ browser }) => {
  const admin = await browser.newContext();
  const page = await admin.newPage();
  await signInByLink(page, "admin@example.com", "/admin/pieces");
  const secret = `Refused preview sentence ${stamp()}.`;
  const id = await saveDraft(page, `Refused preview ${stamp()}`, secret);
  const paths = [`/admin/pieces/${id}/preview`, `/admin/pieces/${id}/preview?as=subscriber`, ...["anonymous", "free", "subscriber"].map((r) => `/preview/${id}/${r}`)];

  const anonymous = await browser.newContext();
  const reader = await browser.newContext();
  await signInByLink(await reader.newPage(), uniqueEmail("preview-reader"), "/account");
  for (const path of paths) {
    const asAnonymous = await anonymous.request.get(path, { maxRedirects: 0 });
    expect(asAnonymous.status(), path).toBeGreaterThanOrEqual(300);
    expect(asAnonymous.status(), path).toBeLessThan(400);
    expect(asAnonymous.headers()["location"] ?? "", path).toContain(`/login?next=${encodeURIComponent(path.split("?")[0]!)}`);
    const asReader = await reader.request.get(path, { maxRedirects: 0 });
    expect(asReader.status(), path).toBe(403);
    const body = await asReader.text();
    expect(body, path).toContain("Staff only");
    expect(body, path).not.toContain(secret);
  }
  // Control: the same requests from staff are answered with the analysis where the reader kind allows it.
  expect(await (await admin.request.get(`/preview/${id}/subscriber`)).text()).toContain(secret);
  await Promise.all([admin.close(), anonymous.close(), reader.close()]);
});

for (const w of SCREENS) {
  for (const scheme of ["light", "dark"] as const) {
    test(`the preview fits the screen and passes axe at ${w.label} width, ${scheme}`, async ({ browser }) => {
      test.setTimeout(120_000);
      const ctx = await browser.newContext({ viewport: { width: w.width, height: w.height }, colorScheme: scheme });
      const page = await ctx.newPage();
      await signInByLink(page, "admin@example.com", "/admin/pieces");
      const id = await saveDraft(page, `Preview look ${stamp()}`, `Looked-at analysis ${stamp()}.`);
      const problems: string[] = [];
      for (const [name, path] of [
        ["board-anonymous", `/admin/pieces/${id}/preview?as=anonymous&width=${w.label}`],
        ["board-subscriber", `/admin/pieces/${id}/preview?as=subscriber&width=${w.label}`],
        ["frame-free", `/preview/${id}/free`],
      ] as const) {
        problems.push(...(await lookAt(page, path, `test-results/preview/${name}-${w.label}-${scheme}.png`)));
        // A full-page screenshot leaves frames below the screen unpainted: the mails get their own, in view.
        const mails = page.locator(".preview-mails");
        if (await mails.count()) {
          await mails.evaluate((el) => el.scrollIntoView({ block: "start" }));
          await page.screenshot({ path: `test-results/preview/${name}-mails-${w.label}-${scheme}.png` });
        }
      }
      expect(problems).toEqual([]);
      await ctx.close();
    });
  }
}
