import "server-only";
import { siteConfig } from "./env";

export { authorHref, categoryHref, joinHref, loginHref, pieceHref, readHref } from "./paths";

/** The words of every "join" button: "Join <publication name> →". */
export const joinLabel = (name: string = siteConfig().name): string => `Join ${name} →`;

export function absoluteUrl(pathname: string): string {
  return new URL(pathname, `${siteConfig().appUrl}/`).toString();
}

export const HOME_PAGE_SIZE = 10;
/** How many of the latest pieces close a piece and the 404 page. */
export const MORE_COUNT = 3;
export const ogImageHref = (slug: string) => `/og/${encodeURIComponent(slug)}`;

/**
 * The query flag that makes the landing page say "You're signed in/out/subscribed" once
 * (components/site/session-flash.tsx). A message only: it grants and proves nothing.
 */
export const SESSION_FLASH_PARAM = "session";
export type SessionFlash = "signed-in" | "signed-out" | "deleted" | "subscribed";
export function withSessionFlash(path: string, flash: SessionFlash): string {
  const url = new URL(path, "http://same-origin.invalid");
  url.searchParams.set(SESSION_FLASH_PARAM, flash);
  return `${url.pathname}${url.search}${url.hash}`;
}
