import { siteConfig } from "./env";

export const JOIN_LABEL = "Join ESM Insight →";

export function absoluteUrl(pathname: string): string {
  return new URL(pathname, `${siteConfig().appUrl}/`).toString();
}

export const pieceHref = (slug: string) => `/p/${encodeURIComponent(slug)}`;
export const categoryHref = (slug: string) => `/category/${encodeURIComponent(slug)}`;
export const joinHref = (next?: string) => (next ? `/join?next=${encodeURIComponent(next)}` : "/join");
export const loginHref = (next?: string) => (next ? `/login?next=${encodeURIComponent(next)}` : "/login");

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
export const formatDate = (d: Date) => dateFormat.format(d);
export const HOME_PAGE_SIZE = 10;
export const ogImageHref = (slug: string) => `/og/${encodeURIComponent(slug)}`;
