import { describe, expect, it } from "vitest";
import { readCappedText } from "./capped-body";

const streamOf = (bytes: number, chunk = 64 * 1024) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let sent = 0; sent < bytes; sent += chunk) controller.enqueue(new Uint8Array(Math.min(chunk, bytes - sent)).fill(97));
      controller.close();
    },
  });

describe("readCappedText", () => {
  it("reads a body within the cap", async () => {
    const r = await readCappedText(new Request("http://x/", { method: "POST", body: "List-Unsubscribe=One-Click" }), 100);
    expect(r).toEqual({ ok: true, text: "List-Unsubscribe=One-Click" });
  });

  it("refuses a declared length over the cap without reading", async () => {
    const req = new Request("http://x/", { method: "POST", body: "x".repeat(10), headers: { "content-length": "60000000" } });
    const r = await readCappedText(req, 4096);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.response.status).toBe(413);
    expect(req.bodyUsed).toBe(false);
  });

  it("stops reading a streamed body at the cap (60 MB sent, a few KB read)", async () => {
    const req = new Request("http://x/", { method: "POST", body: streamOf(60 * 1024 * 1024), duplex: "half" } as RequestInit);
    const r = await readCappedText(req, 4096);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.response.status).toBe(413);
  });
});
