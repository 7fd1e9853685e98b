import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, FRONT_TOKEN_HEADER, frontToken } from "@/lib/http/front-token.mjs";
import { isLocalDemoRequest } from "./outbox-view";

const viaFront = (client: string, extra: Record<string, string> = {}) =>
  new Headers({ [CLIENT_ADDRESS_HEADER]: client, [FRONT_TOKEN_HEADER]: frontToken(), host: "localhost:3000", ...extra });

describe("the demo mailbox answers this machine only", () => {
  it("through npm start's front: by the socket's peer", () => {
    expect(isLocalDemoRequest(viaFront("127.0.0.1"))).toBe(true);
    expect(isLocalDemoRequest(viaFront("::1"))).toBe(true);
    expect(isLocalDemoRequest(viaFront("203.0.113.5"))).toBe(false);
    // A public client that writes a loopback Host is still refused.
    expect(isLocalDemoRequest(viaFront("203.0.113.5", { host: "127.0.0.1" }))).toBe(false);
  });

  it("a client cannot forge the front's headers", () => {
    expect(isLocalDemoRequest(new Headers({ [CLIENT_ADDRESS_HEADER]: "127.0.0.1", [FRONT_TOKEN_HEADER]: "guess", host: "evil.example" }))).toBe(false);
  });

  it("without the front (next dev): by a loopback Host only", () => {
    expect(isLocalDemoRequest(new Headers({ host: "localhost:3000" }))).toBe(true);
    expect(isLocalDemoRequest(new Headers({ host: "evil.example" }))).toBe(false);
    expect(isLocalDemoRequest(new Headers({}))).toBe(false);
  });
});
