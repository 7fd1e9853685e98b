/**
 * Auth.js's own sign-in endpoint would mail codes past our limits: the app's form (lib/auth/flows.ts,
 * which calls Auth.js server-side after its limits) is the only door that mails a sign-in.
 */
export function isClosedAuthRoute(pathname: string): boolean {
  return /^\/api\/auth\/signin(\/|$)/.test(pathname);
}
