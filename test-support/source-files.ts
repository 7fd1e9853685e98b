import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");

export interface SourceFile {
  /** Relative to the repository root, with forward slashes. */
  path: string;
  text: string;
}

const isTest = (name: string) => /\.(test|spec)\.tsx?$/.test(name);

/** Every TypeScript module (tests excluded) below the given top-level folders. */
export function productSources(folders: readonly string[]): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(entry.name) && !isTest(entry.name)) out.push({ path: rel, text: readFileSync(path.join(ROOT, rel), "utf8") });
    }
  };
  for (const f of folders) walk(f);
  return out;
}
