/**
 * Helpers shared by the consumer-side benchmarks (editor.ts, typecheck.ts):
 * temporary consumer projects with a package installed the way a user
 * installs it, summary statistics, and a plain-text table.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const REPO_ROOT = resolve(import.meta.dirname, "..");
export const RESULTS_DIR = join(REPO_ROOT, "bench", "results");

/** Name and version of a package given as a tarball (.tgz) or a folder. */
export function readPackageJson(source: string): { name: string; version: string } {
  const text = statSync(source).isDirectory()
    ? readFileSync(join(source, "package.json"), "utf8")
    : execFileSync("tar", ["-xOzf", source, "package/package.json"], { encoding: "utf8" });
  const pkg = JSON.parse(text) as { name?: string; version?: string };
  if (!pkg.name) throw new Error(`${source}: its package.json has no "name"`);
  return { name: pkg.name, version: pkg.version ?? "0.0.0" };
}

export interface ConsumerOptions {
  /** Prefix of the temporary folder's name. */
  label: string;
  /** Tarball or folder to install as a dependency; none for a baseline project. */
  install?: string | undefined;
  /** Extra npm packages (registry specs) to install, e.g. openapi-fetch. */
  extra?: string[];
  tsconfig?: Record<string, unknown>;
  files: Record<string, string>;
}

/** Default consumer tsconfig: what `tsc --init` users run into, strict and nodenext. */
export const STRICT_NODENEXT = {
  compilerOptions: {
    target: "es2022",
    module: "nodenext",
    moduleResolution: "nodenext",
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  },
  include: ["src"],
};

/**
 * Creates a consumer project in a new temporary folder and installs `install`
 * (plus `extra`) with npm, as a user would: dependencies come along, install
 * scripts do not run, and a folder is copied rather than linked.
 */
export function createConsumer(options: ConsumerOptions): string {
  const dir = mkdtempSync(join(tmpdir(), `purekit-${options.label}-`));
  writeFileSync(
    join(dir, "package.json"),
    `${JSON.stringify({ name: "bench-consumer", private: true, type: "module" }, null, 2)}\n`,
  );
  writeFileSync(
    join(dir, "tsconfig.json"),
    `${JSON.stringify(options.tsconfig ?? STRICT_NODENEXT, null, 2)}\n`,
  );
  for (const [path, text] of Object.entries(options.files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const specs = [...(options.install ? [resolve(options.install)] : []), ...(options.extra ?? [])];
  if (specs.length > 0) {
    execFileSync(
      "npm",
      [
        "install",
        "--no-audit",
        "--no-fund",
        "--prefer-offline",
        "--ignore-scripts",
        "--install-links",
        "--loglevel=error",
        ...specs,
      ],
      { cwd: dir, stdio: ["ignore", "ignore", "inherit"] },
    );
  }
  return dir;
}

/** Size of a folder in bytes (`du -sb`). */
export function folderBytes(dir: string): number {
  return Number(execFileSync("du", ["-sb", dir], { encoding: "utf8" }).split("\t")[0]);
}

export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n };
  const mid = Math.floor(n / 2);
  const median = n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[n - 1]!, n };
}

/** "12.3 (11.9–13.0)" with `digits` decimals. */
export function fmtSummary(s: Summary, digits = 1): string {
  if (s.n === 0) return "—";
  if (s.n === 1) return s.median.toFixed(digits);
  return `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

/** A left-aligned first column and right-aligned others, as plain text. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Writes `data` as bench/results/<name>-<timestamp>.json and returns the path. */
export function writeResults(name: string, data: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const path = join(RESULTS_DIR, `${name}-${stamp}.json`);
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
  return path;
}
