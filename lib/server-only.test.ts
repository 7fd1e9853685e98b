/** Every lib module that reads the database or secrets is marked server-only, so no client bundle can pull it in. */
import { describe, expect, it } from "vitest";
import { productSources } from "@/test-support/source-files";

const READS_DB_OR_SECRETS = [
  /from "@\/lib\/db"/,
  /from "@\/lib\/env"/,
  /from "\.\.?\/env"/,
  /from "@\/lib\/billing\/stripe"/,
  /from "@\/lib\/mail\/transport"/,
  /\bprocess\.env\b/,
];
const MARKED = /^import "server-only";$/m;

const lib = productSources(["lib"]);

describe("server-only", () => {
  it("reads the lib modules", () => {
    expect(lib.length).toBeGreaterThan(80);
  });

  it("marks every lib module that reads the database or secrets", () => {
    const unmarked = lib.filter((f) => READS_DB_OR_SECRETS.some((p) => p.test(f.text)) && !MARKED.test(f.text)).map((f) => f.path);
    expect(unmarked).toEqual([]);
  });
});
