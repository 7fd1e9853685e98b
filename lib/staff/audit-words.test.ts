/** Every audit code the code base writes is shown in words on /admin/audit. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { KNOWN_AUDIT_ACTIONS } from "./audit-words";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(ROOT, dir, f));
}

it("has words for each code passed to audit()", () => {
  const codes = new Set<string>();
  for (const file of [...sources("lib"), ...sources("app")]) {
    for (const m of readFileSync(file, "utf8").matchAll(/\baudit\(\s*[\w.]+\s*,\s*"([a-z-]+\.[a-z.-]+)"/g)) codes.add(m[1]!);
  }
  expect(codes.size).toBeGreaterThan(5);
  expect([...codes].filter((c) => !KNOWN_AUDIT_ACTIONS.includes(c))).toEqual([]);
});
