import { describe, expect, it } from "vitest";
import { isClosedAuthRoute } from "./closed-routes";

describe("Auth.js routes", () => {
  it("closes the sign-in endpoint that would mail past the limits", () => {
    for (const path of ["/api/auth/signin/email", "/api/auth/signin", "/api/auth/signin/resend"]) expect(isClosedAuthRoute(path)).toBe(true);
  });

  it("keeps the callback, session, csrf and sign-out endpoints", () => {
    for (const path of ["/api/auth/callback/email", "/api/auth/session", "/api/auth/signout", "/api/auth/csrf", "/api/auth/signinx"]) {
      expect(isClosedAuthRoute(path)).toBe(false);
    }
  });
});
