import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe-token";

const SECRET = "test-secret";

describe("unsubscribe tokens", () => {
  it("round-trips a user id and an address, deterministically", () => {
    const t = signUnsubscribeToken({ userId: "user-1" }, SECRET);
    expect(t).toBe(signUnsubscribeToken({ userId: "user-1" }, SECRET));
    expect(t).toMatch(/^[\w-]+\.[\w-]{43}$/);
    expect(verifyUnsubscribeToken(t, SECRET)).toEqual({ userId: "user-1", mail: "pieces" });
    expect(verifyUnsubscribeToken(signUnsubscribeToken({ email: "a@b.example" }, SECRET), SECRET)).toEqual({ email: "a@b.example", mail: "pieces" });
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

  it("carries the kind of mail it stops, and the kind cannot be altered", () => {
    const alerts = signUnsubscribeToken({ userId: "user-1", mail: "alerts" }, SECRET);
    const pieces = signUnsubscribeToken({ userId: "user-1", mail: "pieces" }, SECRET);
    expect(alerts).not.toBe(pieces);
    expect(verifyUnsubscribeToken(alerts, SECRET)).toEqual({ userId: "user-1", mail: "alerts" });
    expect(verifyUnsubscribeToken(pieces, SECRET)).toEqual({ userId: "user-1", mail: "pieces" });
    const [, sig = ""] = alerts.split(".");
    expect(verifyUnsubscribeToken(`${Buffer.from("p/u:user-1").toString("base64url")}.${sig}`, SECRET)).toBeNull();
  });

  it("keeps a token made before mail kinds existed working, for new-piece mail", () => {
    const payload = Buffer.from("u:user-7").toString("base64url");
    const mac = createHmac("sha256", SECRET).update("esm-insight/unsubscribe/v1\n").update(payload).digest("base64url");
    expect(verifyUnsubscribeToken(`${payload}.${mac}`, SECRET)).toEqual({ userId: "user-7", mail: "pieces" });
  });
});
