import "server-only";
import { siteConfig } from "./env";

/** The words of every "join" button: "Join <publication name> →". */
export const joinLabel = (name: string = siteConfig().name): string => `Join ${name} →`;

export function absoluteUrl(pathname: string): string {
  return new URL(pathname, `${siteConfig().appUrl}/`).toString();
}

export const pieceHref = (slug: string) => `/p/${encodeURIComponent(slug)}`;
export const categoryHref = (slug: string) => `/category/${encodeURIComponent(slug)}`;
export const authorHref = (slug: string) => `/author/${encodeURIComponent(slug)}`;
export const joinHref = (next?: string) => (next ? `/join?next=${encodeURIComponent(next)}` : "/join");
export const loginHref = (next?: string) => (next ? `/login?next=${encodeURIComponent(next)}` : "/login");

export const HOME_PAGE_SIZE = 10;
export const ogImageHref = (slug: string) => `/og/${encodeURIComponent(slug)}`;
