import { describe, expect, it } from "vitest";
import { sessionTokenOfCookieHeader } from "./session-cookie";

// As Next's cookies() reads the same header (the parser is Next's own): the last of a repeated name, undecodable values dropped.
describe("the session token from a raw Cookie header", () => {
  it.each([
    [undefined, undefined],
    ["", undefined],
    ["theme=dark; esm-session-hint=1", undefined],
    ["authjs.session-token=abc", "abc"],
    ["a=1;authjs.session-token=abc; b=2", "abc"],
    ["__Secure-authjs.session-token=def", "def"],
    ["__Secure-authjs.session-token=def; authjs.session-token=abc", "abc"],
    ["authjs.session-token=; __Secure-authjs.session-token=def", "def"],
    ["authjs.session-token=q%20t", "q t"],
    ["authjs.session-token=%E0%A4%A", undefined],
    ["authjs.session-token=first; authjs.session-token=second", "second"],
    ["xauthjs.session-token=abc; authjs.session-tokens=abc", undefined],
  ])("%j → %j", (header, token) => {
    expect(sessionTokenOfCookieHeader(header)).toBe(token);
  });
});
