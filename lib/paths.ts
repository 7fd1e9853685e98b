/** The site's own addresses. Plain module (no server-only): client components link with it too. */
export const pieceHref = (slug: string) => `/p/${encodeURIComponent(slug)}`;
/** A piece rendered on the server for its viewer: the page for browsers without JavaScript. */
export const readHref = (slug: string) => `/read/${encodeURIComponent(slug)}`;
export const categoryHref = (slug: string) => `/category/${encodeURIComponent(slug)}`;
export const authorHref = (slug: string) => `/author/${encodeURIComponent(slug)}`;
export const joinHref = (next?: string) => (next ? `/join?next=${encodeURIComponent(next)}` : "/join");
export const loginHref = (next?: string) => (next ? `/login?next=${encodeURIComponent(next)}` : "/login");

