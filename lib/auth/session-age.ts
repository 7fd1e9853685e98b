/** How long a sign-in lasts, and how often a visit pushes its end back (Auth.js's `maxAge` and `updateAge`). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;
export const SESSION_UPDATE_AGE_SECONDS = 24 * 3600;

/** The new end of a session seen at `now`, or null when it was renewed less than a day ago (Auth.js's rule). */
export function renewedExpiry(expires: Date, now: Date): Date | null {
  const renewAt = expires.getTime() - (SESSION_MAX_AGE_SECONDS - SESSION_UPDATE_AGE_SECONDS) * 1000;
  return now.getTime() >= renewAt ? new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) : null;
}
