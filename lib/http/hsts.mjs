/**
 * Strict-Transport-Security for npm start's front: only where the site really is served over https
 * (APP_URL, runtime configuration), so a plain-http demo or test never pins a browser to https.
 * @param {string | undefined} appUrl
 * @returns {string | null}
 */
export function strictTransportSecurity(appUrl) {
  return (appUrl ?? "").startsWith("https://") ? "max-age=63072000; includeSubDomains" : null;
}
