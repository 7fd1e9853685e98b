/**
 * Issue 14: categories come from a list the admin manages. An admin adds one with a description,
 * an editor files a piece under it from the select, readers see the description on its page; a
 * rename moves the address (the old one redirects) and a merge moves its pieces into another.
 */
import { expect, test } from "@playwright/test";
import { signInByLink, uniqueEmail } from "./fixtures/auth";
import { publishPiece } from "./fixtures/editor";

const stamp = () => `${Date.now() % 1_000_000}`;

test("an admin adds, describes, renames and merges a category; the editor offers it; old addresses redirect", async ({ page, browser }) => {
  await signInByLink(page, "admin@example.com", "/admin/categories");
  const name = `Shipping ${stamp()}`;
  const slug = name.toLowerCase().replace(/ /g, "-");
  const add = page.getByRole("region", { name: "New category" });
  await add.getByLabel("Name", { exact: true }).fill(name);
  await add.getByLabel("Description", { exact: true }).fill("Sea lanes, ports and the insurers who price them.");
  await add.getByRole("button", { name: "Add category" }).click();
  await expect(add.getByRole("status")).toHaveText(`Category “${name}” added.`);

  // A duplicate is refused with a message, and nothing is added.
  await add.getByLabel("Name", { exact: true }).fill("Markets");
  await add.getByRole("button", { name: "Add category" }).click();
  await expect(add.getByRole("alert")).toContainText("exists already");

  // The editor picks categories from the managed list only.
  await page.goto("/admin/pieces/new");
  const select = page.getByLabel("Category", { exact: true });
  await expect(select.locator("option", { hasText: name })).toHaveCount(1);
  const { slug: pieceSlug } = await publishPiece(page, { headline: `Filed under ${name}`, analysis: "Ports reprice first.", visibility: "public", category: name });

  const shown = await page.goto(`/category/${slug}`);
  expect(shown?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Sea lanes, ports and the insurers who price them.")).toBeVisible();
  await expect(page.getByRole("link", { name: `Filed under ${name}`, exact: true })).toBeVisible();

  // Rename: the pieces follow, the old address redirects permanently.
  await page.goto("/admin/categories");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
  const renamed = `Sea freight ${stamp()}`;
  const renamedSlug = renamed.toLowerCase().replace(/ /g, "-");
  await card.getByLabel(`Name of ${name}`).fill(renamed);
  await card.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 3, name: renamed })).toBeVisible();
  // Within seconds: a render that began before the change may store its page just after it, and
  // the invalidation's second pass drops that one (lib/cache/invalidate.ts).
  const redirectOf = async (from: string) => {
    const r = await page.request.get(`/category/${from}`, { maxRedirects: 0 });
    return `${r.status()} ${r.headers().location ?? ""}`;
  };
  await expect.poll(() => redirectOf(slug), { timeout: 10_000 }).toMatch(new RegExp(`^308 .*/category/${renamedSlug}$`));
  await page.goto(`/category/${slug}`);
  await expect(page).toHaveURL(new RegExp(`/category/${renamedSlug}$`));
  // A filtered list of the old address keeps its filter.
  await page.goto(`/category/${slug}?level=high`);
  await expect(page).toHaveURL(new RegExp(`/category/${renamedSlug}\\?level=high$`));
  await expect(page.getByText("Sea lanes, ports and the insurers who price them.")).toBeVisible();

  // Merge into Markets, after the confirmation: the piece moves, both old addresses lead there.
  await page.goto("/admin/categories");
  const renamedCard = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: renamed }) });
  let asked = "";
  page.once("dialog", (d) => {
    asked = d.message();
    void d.accept();
  });
  await renamedCard.getByLabel(`Merge ${renamed} into`).selectOption({ label: "Markets" });
  await renamedCard.getByRole("button", { name: "Merge" }).click();
  await expect(page.getByRole("heading", { level: 3, name: renamed })).toHaveCount(0);
  expect(asked).toContain(`Merge “${renamed}” into “Markets”?`);
  for (const from of [slug, renamedSlug]) await expect.poll(() => redirectOf(from), { timeout: 10_000 }).toMatch(/^308 .*\/category\/markets$/);
  await expect(async () => {
    await page.goto("/category/markets");
    await expect(page.getByRole("link", { name: `Filed under ${name}`, exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await expect(async () => {
    await page.goto(`/p/${pieceSlug}`);
    await expect(page.locator("article").getByRole("link", { name: "Markets", exact: true }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await page.goto("/admin/audit");
  await expect(page.getByRole("row").filter({ hasText: "merged one category into another" }).first()).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "renamed a category" }).first()).toBeVisible();

  // Readers and editors never reach the page.
  const reader = await browser.newPage();
  await signInByLink(reader, uniqueEmail("categories-reader"), "/account");
  expect((await reader.goto("/admin/categories"))?.status()).toBe(403);
  await reader.close();
});
