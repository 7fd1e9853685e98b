/** Shared HTML building blocks for the stand-in's checkout and portal pages. */
import type { Interval, PriceRecord } from "./records";

export const PUBLICATION_NAME = "ESM Insight";
export const TEST_MODE_NOTICE = "Test mode: no real card is charged";

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(amount / 100);
  } catch {
    return `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`;
  }
}

export function formatDate(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toLocaleDateString("en-US", {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });
}

function intervalWord(interval: Interval, count: number): string {
  return count === 1 ? interval : `${count} ${interval}s`;
}

/** "$8.00 per month", "$80.00 per year", "$20.00 every 3 months". */
export function priceLabel(price: PriceRecord): string {
  const money = formatMoney(price.unit_amount, price.currency);
  if (!price.interval) return money;
  return price.interval_count === 1
    ? `${money} per ${price.interval}`
    : `${money} every ${intervalWord(price.interval, price.interval_count)}`;
}

/** "Monthly" from the nickname, else a word from the interval. */
export function planName(price: PriceRecord): string {
  if (price.nickname) return price.nickname;
  switch (price.interval) {
    case "year":
      return "Yearly";
    case "month":
      return "Monthly";
    case "week":
      return "Weekly";
    case "day":
      return "Daily";
    default:
      return "One-off";
  }
}

const STYLES = `
  :root { color-scheme: light; --ink: #1a1a2e; --muted: #4a4a5e; --accent: #3b3bb3; --line: #d4d4de; --bad: #a4161a; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #f6f6f9; }
  .test-mode { margin: 0; padding: .5rem 1rem; background: #fff3c4; border-bottom: 1px solid #e0c95a; text-align: center; font-weight: 600; }
  main { max-width: 32rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border: 1px solid var(--line); border-radius: 8px; }
  h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
  h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
  h3 { font-size: 1rem; margin: 0 0 .5rem; }
  label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
  input, select { width: 100%; padding: .6rem; font: inherit; border: 1px solid #8a8a9e; border-radius: 4px; }
  input[readonly] { background: #f0f0f4; }
  input[aria-invalid="true"] { border-color: var(--bad); }
  button { margin-top: 1rem; padding: .6rem 1.2rem; font: inherit; font-weight: 600; color: #fff; background: var(--accent); border: 0; border-radius: 4px; cursor: pointer; }
  button.secondary { color: var(--accent); background: #fff; border: 1px solid var(--accent); }
  a { color: var(--accent); }
  :focus-visible { outline: 3px solid #ff8c00; outline-offset: 2px; }
  .hint { color: var(--muted); font-size: .9rem; margin: .25rem 0 0; }
  .alert { color: var(--bad); background: #fdecec; border: 1px solid var(--bad); padding: .6rem; border-radius: 4px; font-weight: 600; }
  .status { background: #eaf6ec; border: 1px solid #2e7d32; padding: .6rem; border-radius: 4px; }
  .price { font-size: 1.25rem; font-weight: 700; margin: 0; }
  .card { border: 1px solid var(--line); border-radius: 6px; padding: 1rem; margin: 1rem 0; }
  .actions { display: flex; flex-wrap: wrap; gap: .5rem; }
  .actions form { margin: 0; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
  dt { color: var(--muted); }
  dd { margin: 0; }
`;

/** A full page: the test-mode notice first, then `body` inside <main>. */
export function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<p class="test-mode" role="note">${escapeHtml(TEST_MODE_NOTICE)}</p>
<main>
${body}
</main>
</body>
</html>
`;
}

export function messagePage(title: string, message: string, link?: { href: string; text: string }): string {
  const linkHtml = link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : "";
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>\n${linkHtml}`);
}
