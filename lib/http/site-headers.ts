/**
 * Headers every response of the site carries (next.config.ts sets them on Next's responses; npm
 * start's front on the ones it answers itself). Plain constants so next.config.ts can import them.
 */
export const SITE_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
} as const;
