import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInByLink, uniqueEmail } from "./fixtures/auth";
import { DEMO_ASSESSMENTS, firstPaid, paidPieces } from "./fixtures/demo";
import { payWith, subscribeFromPiece } from "./fixtures/subscribe";

test.describe.configure({ timeout: 300_000 });

const VIEWPORTS = [
  { name: "360", width: 360, height: 780 },
  { name: "desktop", width: 1280, height: 900 },
] as const;
const SHOTS = "test-results/risk-radar-screens";

/** No serious or critical axe violation, in light and dark; a full-page screenshot of each. */
async function checkPage(page: Page, label: string): Promise<void> {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `${label} ${scheme}`).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/${label}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: null });
}

const openSignals = paidPieces.flatMap((p) => (DEMO_ASSESSMENTS[p.slug]?.signals ?? []).filter((s) => s.history.at(-1)![0] !== "faded").map((s) => s.statement));

test("anonymous readers see the radar's shape and a Join call, the piece's hook, and no serious axe violation", async ({ page }) => {
  for (const vp of VIEWPORTS) {
    await page.setViewportSize(vp);
    await page.goto("/");
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Risk radar" }).click();
    await expect(page).toHaveURL(/\/radar$/);
    await expect(page.getByRole("heading", { name: "Risk radar" })).toBeVisible();
    await expect(page.getByTestId("radar-counts")).toContainText("Geopolitical");
    await expect(page.getByRole("link", { name: /^Join/ }).last()).toBeVisible();
    const html = await page.content();
    for (const s of openSignals) expect(html).not.toContain(s);
    await checkPage(page, `radar-anonymous-${vp.name}`);
    await page.goto(`/p/${firstPaid.slug}`);
    await expect(page.getByRole("region", { name: /Risk assessment/ })).toBeVisible();
    await checkPage(page, `piece-anonymous-${vp.name}`);
  }
  // The structured data marks the piece as paywalled, the risk card's gated parts included.
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? "{}") as {
    isAccessibleForFree?: boolean;
    hasPart?: { isAccessibleForFree: boolean; cssSelector: string }[];
  };
  expect(ld.isAccessibleForFree).toBe(false);
  expect(ld.hasPart).toEqual([
    { "@type": "WebPageElement", isAccessibleForFree: false, cssSelector: ".analysis-body" },
    { "@type": "WebPageElement", isAccessibleForFree: false, cssSelector: ".risk-gated" },
  ]);
});

test("archive filters by vector and level on the home and category pages; an unknown filter is a clear 404", async ({ page }) => {
  for (const vp of VIEWPORTS) {
    await page.setViewportSize(vp);
    await page.goto("/");
    const all = await page.locator(".teaser-card").count();
    const filters = page.getByRole("navigation", { name: "Filter by risk" });
    await filters.getByRole("link", { name: "Severe" }).click();
    await expect(page).toHaveURL(/\?level=severe$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Latest analysis: Severe risk");
    const severe = Object.entries(DEMO_ASSESSMENTS).filter(([, a]) => a.level === "severe").length;
    await expect(page.locator(".teaser-card")).toHaveCount(severe);
    expect(severe).toBeLessThan(all);
    await filters.getByRole("link", { name: "Cyber" }).click();
    await expect(page).toHaveURL(/\?vector=cyber&level=severe$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Latest analysis: Cyber · Severe risk");
    const both = Object.values(DEMO_ASSESSMENTS).filter((a) => a.level === "severe" && a.vectors.some((v) => v[0] === "cyber")).length;
    await expect(page.locator(".teaser-card")).toHaveCount(both);
    // The category page filters the same way.
    // From any listed piece's category (a severe cyber piece may not exist; then from the unfiltered list).
    if (both === 0) await page.goto("/");
    const category = await page.locator(".teaser-card .kicker").first().getAttribute("href", { timeout: 10_000 });
    if (category) {
      await page.goto(`${category}?vector=cyber`);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(": Cyber");
    }
  }
  const unknown = await page.goto("/?level=extreme");
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole("alert").filter({ hasText: "names no vector or risk level" })).toBeVisible();
  // Anonymous filtered lists are cached per URL, like the home page.
  const res = await page.request.get("/?vector=cyber");
  expect(res.headers()["cache-control"]).toMatch(/s-maxage=5/);
});

test("a subscriber filters the radar by vector, sector, region and status at 360 px and desktop; piece and radar pass axe", async ({ page }) => {
  await subscribeFromPiece(page, uniqueEmail("radar"), "monthly");
  await payWith(page, "4242 4242 4242 4242");
  await page.waitForURL((url) => url.pathname === `/p/${firstPaid.slug}`);
  for (const vp of VIEWPORTS) {
    await page.setViewportSize(vp);
    await page.goto(`/p/${firstPaid.slug}`);
    await expect(page.getByRole("region", { name: /Risk assessment/ })).toContainText("Signals");
    await checkPage(page, `piece-subscriber-${vp.name}`);

    const res = await page.goto("/radar");
    expect(res?.headers()["cache-control"]).toMatch(/private/);
    const signals = page.getByTestId("radar-signal");
    await expect(signals.first()).toBeVisible();
    const open = await signals.count();
    expect(open).toBeGreaterThan(1);
    await checkPage(page, `radar-subscriber-${vp.name}`);

    const form = page.getByRole("form", { name: "Filter signals" });
    await form.getByLabel("Signal status").selectOption("triggered");
    await form.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/status=triggered/);
    await expect(signals.first()).toBeVisible();
    for (const status of await page.locator("[data-testid=radar-signal] .risk-status").allTextContents()) expect(status).toBe("Triggered");

    await form.getByLabel("Signal status").selectOption("");
    await form.getByLabel("Vector").selectOption("cyber");
    await form.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/vector=cyber/);
    const cyber = await signals.count();
    expect(cyber).toBeGreaterThan(0);
    expect(cyber).toBeLessThan(open);
    for (const text of await signals.allTextContents()) expect(text).toContain("Cyber");

    await form.getByLabel("Vector").selectOption("");
    await form.getByLabel("Region").selectOption({ label: "Western Europe" });
    await form.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/region=western-europe/);
    await signals.first().getByRole("link").click();
    await expect(page).toHaveURL(/\/p\//);

    await page.goto("/radar?sector=telecoms");
    await expect(signals.first()).toBeVisible();
    await page.goto("/radar?status=bogus");
    await expect(page.getByRole("alert").filter({ hasText: "Status: choose watching, triggered or faded." })).toBeVisible();
    await page.goto("/radar?vector=weather");
    await expect(page.getByRole("alert").filter({ hasText: "Vector: there is no “weather”" })).toBeVisible();
  }
});

test("an admin adds, renames and retires a vector; a reader is refused the taxonomy page", async ({ page, browser }) => {
  await signInByLink(page, "admin@example.com", "/admin/taxonomy");
  await page.setViewportSize(VIEWPORTS[1]);
  const name = `Climate ${Date.now() % 100000}`;
  const vectors = page.getByRole("region", { name: "Vectors" });
  await vectors.getByLabel("New vector").fill(name);
  await vectors.getByRole("button", { name: "Add vector" }).click();
  await expect(vectors.getByRole("status")).toContainText(`Vector “${name}” added.`);
  await page.reload();
  const row = vectors.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("In use");
  await row.getByLabel(`New name for ${name}`).fill(`${name} and weather`);
  await row.getByRole("button", { name: "Rename" }).click();
  await expect(row.getByRole("status")).toContainText(`Renamed “${name}” to “${name} and weather”.`);
  await page.reload();
  const renamed = vectors.getByRole("row", { name: new RegExp(`${name} and weather`) });
  page.once("dialog", (d) => void d.accept());
  await renamed.getByRole("button", { name: `Retire ${name} and weather` }).click();
  // The page refreshes after the action, so the row itself (its Status column) is the confirmation.
  await expect(renamed).toContainText(/Retired \d/);
  await page.goto("/admin/pieces/new");
  await page.getByLabel("This piece has a risk assessment").check();
  await expect(page.getByLabel("Vector", { exact: true }).locator("option", { hasText: name })).toHaveCount(0);
  await expect(page.getByLabel("Vector", { exact: true }).locator("option", { hasText: "Cyber" })).toHaveCount(1);
  await page.goto("/admin/audit");
  await expect(page.getByRole("row").filter({ hasText: "retired a term of the risk lists" }).first()).toBeVisible();

  const reader = await browser.newPage();
  await signInByLink(reader, uniqueEmail("taxonomy-reader"), "/account");
  const refused = await reader.goto("/admin/taxonomy");
  expect(refused?.status()).toBe(403);
  await reader.close();
});
