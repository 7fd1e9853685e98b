import { describe, expect, it } from "vitest";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe-token";

const SECRET = "test-secret";

describe("unsubscribe tokens", () => {
  it("round-trips a user id and an address, deterministically", () => {
    const t = signUnsubscribeToken({ userId: "user-1" }, SECRET);
    expect(t).toBe(signUnsubscribeToken({ userId: "user-1" }, SECRET));
    expect(t).toMatch(/^[\w-]+\.[\w-]{43}$/);
    expect(verifyUnsubscribeToken(t, SECRET)).toEqual({ userId: "user-1" });
    expect(verifyUnsubscribeToken(signUnsubscribeToken({ email: "a@b.example" }, SECRET), SECRET)).toEqual({ email: "a@b.example" });
  });

  it("refuses altered, foreign and malformed tokens", () => {
    const t = signUnsubscribeToken({ userId: "user-1" }, SECRET);
    const [payload = "", sig = ""] = t.split(".");
    const other = Buffer.from("u:user-2").toString("base64url");
    expect(verifyUnsubscribeToken(`${other}.${sig}`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(`${payload}.${sig.slice(0, -1)}A`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(t, "another-secret")).toBeNull();
    for (const bad of ["", "abc", `${payload}.`, `.${sig}`, 42, null, undefined, `${payload}.${sig}.x`]) {
      expect(verifyUnsubscribeToken(bad, SECRET)).toBeNull();
    }
  });
});
