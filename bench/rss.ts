import { readFileSync, readdirSync } from "node:fs";

function statusField(pid: number, field: string): string | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .find((l) => l.startsWith(`${field}:`));
    return line?.slice(field.length + 1).trim();
  } catch {
    return undefined; // gone, or not Linux
  }
}

/** `pid` and every process below it (from /proc/<pid>/status PPid). */
function processTree(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    const child = Number(name);
    if (!Number.isInteger(child)) continue;
    const parent = Number(statusField(child, "PPid"));
    if (Number.isInteger(parent)) parentOf.set(child, parent);
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, parent] of parentOf) if (parent === tree[i]) tree.push(child);
  }
  return tree;
}

export interface TreeRss {
  /** Sum of VmRSS over the tree, MiB. */
  totalMiB: number;
  processes: { pid: number; name: string; rssMiB: number }[];
}

/** Resident memory (VmRSS) of a process and its descendants, e.g. `next start` and the processes it started. */
export function treeRss(pid: number): TreeRss {
  const processes = processTree(pid).flatMap((p) => {
    const kb = Number.parseInt(statusField(p, "VmRSS") ?? "", 10);
    return Number.isFinite(kb) ? [{ pid: p, name: statusField(p, "Name") ?? "?", rssMiB: kb / 1024 }] : [];
  });
  return { totalMiB: processes.reduce((sum, p) => sum + p.rssMiB, 0), processes };
}
