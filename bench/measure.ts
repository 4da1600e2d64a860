/**
 * Runs a command and reports wall time and the peak resident memory of its
 * whole process tree (sampled from /proc every 50 ms; Linux only).
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

function treeRssKb(root: number): number {
  const children = new Map<number, number[]>();
  let total = 0;
  const rss = new Map<number, number>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const status = readFileSync(`/proc/${d}/status`, "utf8");
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      rss.set(Number(d), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // the process ended while we looked
    }
  }
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface Measurement {
  ms: number;
  peakMb: number;
  code: number | null;
  stderr: string;
}

export function measure(cmd: string, args: string[], cwd?: string): Promise<Measurement> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let peak = 0;
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRssKb(child.pid));
    }, 50);
    child.on("close", (code) => {
      clearInterval(timer);
      resolve({ ms: performance.now() - t0, peakMb: peak / 1024, code, stderr });
    });
  });
}
