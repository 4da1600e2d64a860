/**
 * Generator benchmark (issues 8, 12). In one run, on this machine:
 *  1. purekit generate, all 91 specs, forced, into a temporary folder; then an unchanged
 *     re-run, and the pooling step alone (the products' stamps removed);
 *  2. openapi-typescript's own CLI once per spec (the baseline), on copies of
 *     the specs with the unpublished x-logo $ref removed (the CLI cannot read
 *     the 38 files that carry it as published);
 *  3. type-checking all generated output with TypeScript 7 (and 5.9 with --tsc5).
 * Prints time and peak memory of each, and the ratios. Peak memory is the peak resident
 * size of the whole process tree (the command and all its descendants, threads included),
 * sampled from /proc every 50 ms (bench/measure.ts).
 *
 *   node --import tsx bench/generate.ts [--tsc5] [--no-baseline]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseSpecText } from "../generator/emit.ts";
import { manifest, REPO_ROOT, resolveSpec } from "../spec/index.ts";
import { measure } from "./measure.ts";

const fmt = (m: { ms: number; peakMb: number }) =>
  `${(m.ms / 1000).toFixed(1)} s, peak ${Math.round(m.peakMb)} MB`;
const work = mkdtempSync(join(tmpdir(), "purekit-bench-"));

const ours = await measure(
  process.execPath,
  ["cli/bin.mjs", "generate", "--force", "--quiet", "--out", join(work, "out")],
  REPO_ROOT,
);
if (ours.code !== 0) throw new Error(`purekit generate failed: ${ours.stderr}`);
console.log(`purekit generate, 91 specs (forced):                ${fmt(ours)}`);

const again = await measure(
  process.execPath,
  ["cli/bin.mjs", "generate", "--quiet", "--out", join(work, "out")],
  REPO_ROOT,
);
console.log(`purekit generate, unchanged re-run:                  ${fmt(again)}`);

for (const p of ["flasharray", "flashblade", "pure1"])
  rmSync(join(work, "out", p, ".stamp"), { force: true });
const pool = await measure(
  process.execPath,
  ["cli/bin.mjs", "generate", "--quiet", "--out", join(work, "out")],
  REPO_ROOT,
);
console.log(`purekit generate, pooling step only:                ${fmt(pool)}`);
if (process.argv.includes("--no-baseline")) {
  rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

const specs = join(work, "specs");
mkdirSync(specs);
for (const entry of manifest.specs) {
  const { bytes } = await resolveSpec(entry, { offline: true });
  const doc = parseSpecText(new TextDecoder().decode(bytes), entry.file) as {
    info?: Record<string, unknown>;
  };
  delete doc.info?.["x-logo"];
  writeFileSync(join(specs, `${entry.file}.json`), JSON.stringify(doc));
}
const cli = join(REPO_ROOT, "node_modules", "openapi-typescript", "bin", "cli.js");
let total = 0;
let peak = 0;
for (const entry of manifest.specs) {
  const m = await measure(process.execPath, [
    cli,
    join(specs, `${entry.file}.json`),
    "-o",
    join(work, `${entry.file}.ts`),
  ]);
  if (m.code !== 0) throw new Error(`openapi-typescript failed on ${entry.file}: ${m.stderr}`);
  total += m.ms;
  peak = Math.max(peak, m.peakMb);
}
const base = { ms: total, peakMb: peak };
console.log(`openapi-typescript CLI, once per spec (baseline):   ${fmt(base)}`);
console.log(
  `ratio: purekit takes ${(ours.ms / base.ms).toFixed(2)}x the baseline's time, ${(ours.peakMb / base.peakMb).toFixed(2)}x its peak memory`,
);

const tsc7 = await measure(
  process.execPath,
  [join(REPO_ROOT, "node_modules/ts7/bin/tsc"), "-p", "generated.tsconfig.json"],
  REPO_ROOT,
);
console.log(`type-check all generated output, TypeScript 7:      ${fmt(tsc7)} (exit ${tsc7.code})`);
if (process.argv.includes("--tsc5")) {
  const tsc5 = await measure(
    process.execPath,
    [
      "--max-old-space-size=16000",
      join(REPO_ROOT, "node_modules/typescript/bin/tsc"),
      "-p",
      "generated.tsconfig.json",
    ],
    REPO_ROOT,
  );
  console.log(`type-check all generated output, TypeScript 5.9:    ${fmt(tsc5)} (exit ${tsc5.code})`);
}
rmSync(work, { recursive: true, force: true });
