/** The README's layout tree names every folder a newcomer meets, and nothing that is not there. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./source-files";

const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
const block = readme.split("## Layout")[1]?.split("```")[1] ?? "";

/** Folders named in the tree, with their parents: `lib/`, then `  access/` → `lib/access`. */
function namedFolders(): string[] {
  const out: string[] = [];
  let parent = "";
  for (const line of block.split("\n")) {
    const m = /^( *)([\w().-]+)\/ /.exec(line);
    if (!m) continue;
    const [, indent = "", name = ""] = m;
    if (indent.length === 0) parent = name;
    out.push(indent.length === 0 ? name : `${parent}/${name}`);
  }
  return out;
}

const foldersIn = (dir: string) =>
  readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith(".") && e.name !== "node_modules")
    .map((e) => (dir === "." ? e.name : `${dir}/${e.name}`));

describe("README layout", () => {
  const named = namedFolders();

  it("names folders that exist", () => {
    expect(named.length).toBeGreaterThan(15);
    expect(named.filter((f) => !existsSync(path.join(ROOT, f)))).toEqual([]);
  });

  it("names every top-level folder and every folder of lib/ and components/", () => {
    const ignored = new Set(["test-results", "playwright-report", "screenshots"]);
    const real = [...foldersIn("."), ...foldersIn("lib"), ...foldersIn("components")].filter((f) => !ignored.has(f));
    expect(real.filter((f) => !named.includes(f))).toEqual([]);
  });
});
