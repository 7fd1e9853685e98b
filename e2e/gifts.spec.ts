import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInByLink, uniqueEmail } from "./fixtures/auth";
import { analysisPhrases, firstPaid } from "./fixtures/demo";
import { waitForMail } from "./fixtures/mailbox";

const phrase = analysisPhrases(firstPaid.slug)[0]!;

async function looksRight(page: Page, path: string, name: string): Promise<void> {
  for (const scheme of ["light", "dark"] as const) {
    for (const width of [360, 1280]) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: test.info().outputPath(`${name}-${width}-${scheme}.png`), fullPage: true });
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
}

test("a gift bought for today reaches the recipient, who signs in, redeems it once and reads a paid piece", async ({ browser }) => {
  test.setTimeout(300_000);
  const buyer = uniqueEmail("giver");
  const recipient = uniqueEmail("giftee");

  const buying = await browser.newContext();
  const page = await buying.newPage();
  await looksRight(page, "/gift", "gift");
  await page.goto("/gift");
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page.locator("#recipientEmail-error")).toContainText("recipient's email");
  await page.getByLabel(/3 months/).check();
  await page.getByLabel("Recipient’s email").fill(recipient);
  await page.getByLabel("Message (optional)").fill("Happy reading!");
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await page.waitForURL(/\/checkout\//);
  await page.getByLabel("Email").fill(buyer);
  await page.getByRole("button", { name: "Pay" }).click();
  await page.waitForURL(/\/gift\/thanks/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: your gift is booked");
  await waitForMail(page.request, buyer, /receipt/);
  const gift = await waitForMail(page.request, recipient, /A gift for you/);
  await buying.close();
  const link = /https?:\/\/\S+\/gift\/redeem\/[A-Za-z0-9_-]{43}/.exec(gift.text)?.[0];
  if (!link) throw new Error(`no redeem link in: ${gift.text}`);
  const redeemPath = new URL(link).pathname;

  const receiving = await browser.newContext();
  const r = await receiving.newPage();
  await r.goto(redeemPath);
  await expect(r.getByRole("heading", { level: 1 })).toHaveText("You’ve been given 3 months");
  await expect(r.getByRole("link", { name: "Sign in to redeem" })).toHaveAttribute("href", `/login?next=${encodeURIComponent(redeemPath)}`);
  await signInByLink(r, recipient, redeemPath);
  await looksRight(r, redeemPath, "redeem");
  await r.getByRole("button", { name: "Redeem 3 months" }).click();
  await expect(r.getByRole("heading", { level: 1 })).toHaveText("Gift redeemed");
  await expect(r.getByRole("status").filter({ hasText: "You redeemed it" })).toBeVisible();
  await r.goto(`/p/${firstPaid.slug}`);
  await expect(r.getByText(phrase)).toBeVisible();
  await receiving.close();

  const second = await browser.newContext();
  const s = await second.newPage();
  await signInByLink(s, uniqueEmail("second"), redeemPath);
  await expect(s.getByRole("heading", { level: 1 })).toHaveText("Gift redeemed");
  await expect(s.getByText("This gift has already been redeemed.")).toBeVisible();
  await expect(s.getByRole("button", { name: /Redeem/ })).toHaveCount(0);
  await s.goto(`/p/${firstPaid.slug}`);
  await expect(s.getByText(phrase)).toHaveCount(0);
  await second.close();
});

test("an unknown gift link gets a clear message", async ({ page }) => {
  await page.goto(`/gift/redeem/${"A".repeat(43)}`);
  await expect(page.getByRole("alert").filter({ hasText: "This gift link is not valid" })).toBeVisible();
});
