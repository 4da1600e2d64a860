/**
 * Small helpers of `bench/all.ts`: summaries of interleaved rounds and a child-process
 * launcher that waits for the child's first stdout line (its JSON hello).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Median with the range over rounds (or processes). */
export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, n: sorted.length };
}

/** Per-round ratios a[i]/b[i] (rounds are paired: both sides ran in the same round). */
export function pairedRatio(a: readonly number[], b: readonly number[]): Summary {
  const ratios: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) ratios.push(a[i]! / b[i]!);
  return summarize(ratios);
}

export const ms = (v: number) => (v < 1 ? `${Math.round(v * 1000)} µs` : `${v.toFixed(2)} ms`);
export const rate = (v: number) => Math.round(v).toLocaleString("en-US");
export const mb = (v: number) => `${Math.round(v).toLocaleString("en-US")} MB`;

/** `514 µs [480 µs–600 µs]` */
export function show(s: Summary, unit: (v: number) => string): string {
  if (s.n === 0) return "—";
  return s.n === 1 ? unit(s.median) : `${unit(s.median)} [${unit(s.min)}–${unit(s.max)}]`;
}

export function showRatio(s: Summary): string {
  if (s.n === 0) return "—";
  return s.n === 1 ? s.median.toFixed(2) : `${s.median.toFixed(2)} [${s.min.toFixed(2)}–${s.max.toFixed(2)}]`;
}

/** A GitHub-style table whose columns line up in a terminal too. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

export interface Child<T> {
  child: ChildProcess;
  hello: T;
  /** Every stdout line after the hello, parsed as JSON. */
  lines: unknown[];
  /** Resolves with the exit code once the child is gone. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

const CHILD = fileURLToPath(new URL("./child.ts", import.meta.url));

/**
 * Starts `bench/child.ts` under tsx with the given arguments (or `script`, a plain
 * JavaScript file run by plain node); resolves with its first JSON line. A child that says
 * nothing within `timeoutMs` is killed and fails the run.
 */
export function startChild<T>(args: string[], timeoutMs = 60_000, script?: string): Promise<Child<T>> {
  const argv = script === undefined ? ["--import", "tsx", CHILD, ...args] : [script, ...args];
  const child = spawn(process.execPath, argv, {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NO_PROXY: "*", HTTPS_PROXY: "", HTTP_PROXY: "", https_proxy: "", http_proxy: "" },
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const lines: unknown[] = [];
  return new Promise((resolve, reject) => {
    let out = "";
    let hello: T | undefined;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`bench child ${args.join(" ")} said nothing within ${timeoutMs} ms`));
    }, timeoutMs);
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      let nl = out.indexOf("\n");
      while (nl >= 0) {
        const text = out.slice(0, nl);
        out = out.slice(nl + 1);
        nl = out.indexOf("\n");
        if (!text.trim()) continue;
        const value = JSON.parse(text) as unknown;
        if (hello === undefined) {
          hello = value as T;
          clearTimeout(timer);
          resolve({
            child,
            hello,
            lines,
            exited,
            stop: async () => {
              if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
              await exited;
            },
          });
        } else {
          lines.push(value);
        }
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      if (hello === undefined) reject(new Error(`bench child ${args.join(" ")} exited with ${code}`));
    });
  });
}
