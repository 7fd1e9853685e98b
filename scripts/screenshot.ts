import { chromium } from "@playwright/test";

/** Usage: tsx scripts/screenshot.ts <url> <out.png> [width] [dark] */
const [url, out, width = "1280", scheme = "light"] = process.argv.slice(2);
if (!url || !out) throw new Error("usage: screenshot <url> <out.png> [width] [light|dark]");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme === "dark" ? "dark" : "light" });
await page.goto(url, { waitUntil: "load" });
await page.screenshot({ path: out, fullPage: true });
await browser.close();
