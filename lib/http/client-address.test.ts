import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address.mjs";

describe("clientAddress", () => {
  it("with no trusted proxy, is the socket's peer whatever X-Forwarded-For says", () => {
    expect(clientAddress("::ffff:203.0.113.9", "1.2.3.4, 5.6.7.8", 0)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", undefined, 0)).toBe("203.0.113.9");
  });

  it("behind one proxy, is the address that proxy appended (the rightmost), not what the client wrote", () => {
    expect(clientAddress("10.0.0.2", "6.6.6.6, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", ["6.6.6.6", "198.51.100.7"], 1)).toBe("198.51.100.7");
  });

  it("behind two proxies, counts two hops from the right", () => {
    expect(clientAddress("10.0.0.3", "6.6.6.6, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
  });

  it("rotating the header never changes the bucket of a direct client", () => {
    const buckets = new Set(Array.from({ length: 25 }, (_, i) => clientAddress("203.0.113.9", `10.9.9.${i}`, 0)));
    expect([...buckets]).toEqual(["203.0.113.9"]);
  });

  it("a short chain behind more trusted hops than it has falls back to its leftmost entry", () => {
    expect(clientAddress("10.0.0.2", "", 3)).toBe("10.0.0.2");
  });
});
