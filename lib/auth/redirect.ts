/** Same-origin relative paths only; anything else (absolute, protocol-relative, backslash tricks) becomes "/". */
export function safeNext(next: unknown, fallback = "/"): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 512) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return fallback;
  if (/[\u0000-\u001f]/.test(next)) return fallback;
  try {
    const url = new URL(next, "http://same-origin.invalid");
    if (url.origin !== "http://same-origin.invalid") return fallback;
    const path = `${url.pathname}${url.search}${url.hash}`;
    // Parsing collapses dot segments ("/.//evil.com" → "//evil.com"): check the result again.
    return path.startsWith("//") || path.startsWith("/\\") ? fallback : path;
  } catch {
    return fallback;
  }
}
