/**
 * Consumer type-check benchmark (issue 8): `tsc --noEmit` of five typed
 * FlashArray calls through purekit, against the same five calls through plain
 * openapi-fetch over raw openapi-typescript output of FA 2.56 (the baseline),
 * with TypeScript 5.9 and 7, in the same run, interleaved. Reports time and
 * peak memory of the compiler's process tree (sampled from /proc), medians
 * with min–max, and the ratios to the baseline; then the compilers' own
 * counters (--extendedDiagnostics: files, lines, symbols, types,
 * instantiations, heap) of one untimed run per side, to say where it goes.
 *
 *   node --import tsx bench/typecheck.ts [--rounds 5] [--lib-check] [PACKAGE]
 *
 * PACKAGE is purekit as a tarball (`npm pack`) or a folder; default
 * $PUREKIT_PACKAGE. The purekit consumer imports `purekit/flasharray` when
 * that entry offers createFlashArrayClient, else `purekit`. A purekit side
 * that does not compile is reported with its first errors, and the baseline
 * is still measured.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parse as parseYaml } from "yaml";
import {
  createConsumer,
  fmtSummary,
  REPO_ROOT,
  readPackageJson,
  STRICT_NODENEXT,
  type Summary,
  summarize,
  table,
  writeResults,
} from "./consumer.ts";
import { measure } from "./measure.ts";

const SPEC = "/work/shared/specs/FA2.56.spec.yaml";
const COMPILERS = [
  { label: "TS 5.9", bin: join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc") },
  { label: "TS 7", bin: join(REPO_ROOT, "node_modules", "ts7", "bin", "tsc") },
];
const versionOf = (pkg: string) =>
  (
    JSON.parse(readFileSync(join(REPO_ROOT, "node_modules", pkg, "package.json"), "utf8")) as {
      version: string;
    }
  ).version;

/** The five calls, written once; `client` is how each side obtains its client. */
function calls(prefix: string): string {
  return `const volumes = await fa.GET("${prefix}/volumes", { params: { query: { names: ["v1"] } } });
const created = await fa.POST("${prefix}/volumes", {
  params: { query: { names: ["v2"] } },
  body: { provisioned: 1024 ** 4 },
});
const hosts = await fa.GET("${prefix}/hosts");
const patched = await fa.PATCH("${prefix}/volumes", {
  params: { query: { names: ["v2"] } },
  body: { destroyed: true },
});
const arrays = await fa.GET("${prefix}/arrays");

export const names: (string | undefined)[] = [
  volumes.data?.items?.[0]?.name,
  created.data?.items?.[0]?.name,
  hosts.data?.items?.[0]?.name,
  patched.data?.items?.[0]?.name,
  arrays.data?.items?.[0]?.name,
];
`;
}

function purekitSource(specifier: string): string {
  return `import { createFlashArrayClient } from "${specifier}";

const fa = await createFlashArrayClient({ host: "array.example.com", auth: { apiToken: "api-token" } });
${calls("")}`;
}

const BASELINE_SOURCE = `import createClient from "openapi-fetch";
import type { paths } from "./fa-2.56.js";

const fa = createClient<paths>({ baseUrl: "https://array.example.com", headers: { "x-auth-token": "token" } });
${calls("/api/2.56")}`;

/**
 * Which specifier offers createFlashArrayClient: `purekit/flasharray` if the
 * installed package's exports map has that entry and one of its declaration
 * files (a `types` target, or the `.d.ts` beside a `.js` one) names (or
 * re-exports everything of) the factory, else `purekit`.
 */
function purekitSpecifier(dir: string): string {
  const root = join(dir, "node_modules", "purekit");
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    exports?: Record<string, unknown>;
  };
  const targets: string[] = [];
  const collect = (t: unknown): void => {
    if (typeof t === "string") targets.push(t.replace(/\.js$/, ".d.ts"));
    else if (t && typeof t === "object") for (const v of Object.values(t)) collect(v);
  };
  collect(pkg.exports?.["./flasharray"]);
  const declares = targets.some(
    (t) =>
      existsSync(join(root, t)) &&
      /\bcreateFlashArrayClient\b|export \* from/.test(readFileSync(join(root, t), "utf8")),
  );
  return declares ? "purekit/flasharray" : "purekit";
}

/** Raw openapi-typescript output of FA 2.56, from a copy of the spec without the unpublished x-logo $ref the CLI cannot read. */
function generateRawTypes(dir: string): void {
  const doc = parseYaml(readFileSync(SPEC, "utf8")) as { info?: Record<string, unknown> };
  delete doc.info?.["x-logo"];
  const work = mkdtempSync(join(tmpdir(), "purekit-spec-"));
  const copy = join(work, "FA2.56.json");
  writeFileSync(copy, JSON.stringify(doc));
  // The repo's openapi-typescript (the same one `npx openapi-typescript` runs here), so no download happens.
  execFileSync(
    process.execPath,
    [
      join(REPO_ROOT, "node_modules", "openapi-typescript", "bin", "cli.js"),
      copy,
      "-o",
      join(dir, "src", "fa-2.56.ts"),
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  rmSync(work, { recursive: true, force: true });
}

/** The compiler's own counters (`--extendedDiagnostics`), where the time and memory go. */
const COUNTERS = [
  "Files",
  "Lines",
  "Identifiers",
  "Symbols",
  "Types",
  "Instantiations",
  "Memory used",
  "Parse time",
  "Bind time",
  "Check time",
] as const;
type Counters = Partial<Record<(typeof COUNTERS)[number], number>>;

/**
 * One untimed run per side and compiler with --extendedDiagnostics: did it compile,
 * what were the first errors, and the compiler's counters (5.9 splits "Lines" by kind: summed).
 */
function diagnose(
  bin: string,
  dir: string,
): { ok: boolean; errors: number; first: string[]; counters: Counters } {
  const run = spawnSync(process.execPath, [bin, "-p", "tsconfig.json", "--extendedDiagnostics"], {
    cwd: dir,
    encoding: "utf8",
  });
  const out = `${run.stdout}${run.stderr}`.split("\n");
  const lines = out.filter((l) => /error TS\d+/.test(l));
  const counters: Counters = {};
  for (const line of out) {
    const m = /^([A-Za-z ]+?):\s+([\d.]+)(K|s)?\s*$/.exec(line);
    if (!m) continue;
    const name = (m[1]!.startsWith("Lines") ? "Lines" : m[1]) as (typeof COUNTERS)[number];
    if (!COUNTERS.includes(name)) continue;
    // Memory in MB, times in s, counts as they are.
    const value = m[3] === "K" ? Number(m[2]) / 1024 : Number(m[2]);
    counters[name] = (counters[name] ?? 0) + value;
  }
  return { ok: run.status === 0, errors: lines.length, first: lines.slice(0, 3), counters };
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: "string", default: "5" },
    "lib-check": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const rounds = Number(values.rounds);
const source = positionals[0] ?? process.env.PUREKIT_PACKAGE;
if (!source) {
  console.error(
    "usage: node --import tsx bench/typecheck.ts [--rounds 5] [--lib-check] PACKAGE\n" +
      "PACKAGE: purekit as a tarball from `npm pack` or a folder (or set PUREKIT_PACKAGE).",
  );
  process.exit(2);
}
// With lib checking, both sides get the lib purekit's declarations need (`Symbol.asyncDispose`,
// as in test/package): es2022's default lib fails on purekit's client.d.ts, not on the calls.
// DOM stays, as in the default lib: openapi-fetch's declarations name Request and Response.
const tsconfig = {
  ...STRICT_NODENEXT,
  compilerOptions: {
    ...STRICT_NODENEXT.compilerOptions,
    skipLibCheck: !values["lib-check"],
    ...(values["lib-check"] ? { lib: ["ES2023", "DOM", "ESNext.Disposable"] } : {}),
  },
};

const pkg = readPackageJson(source);
console.error(`installing ${pkg.name}@${pkg.version} from ${source} into a consumer project…`);
const purekitDir = createConsumer({
  label: "typecheck-purekit",
  install: source,
  tsconfig,
  files: { "src/index.ts": "" },
});
const specifier = purekitSpecifier(purekitDir);
writeFileSync(join(purekitDir, "src", "index.ts"), purekitSource(specifier));
console.error(
  `installing openapi-fetch@${versionOf("openapi-fetch")} and generating FA 2.56 with openapi-typescript…`,
);
const baselineDir = createConsumer({
  label: "typecheck-baseline",
  extra: [`openapi-fetch@${versionOf("openapi-fetch")}`],
  tsconfig,
  files: { "src/index.ts": BASELINE_SOURCE },
});
generateRawTypes(baselineDir);

const sides = [
  { label: `purekit (${specifier})`, dir: purekitDir },
  { label: "openapi-fetch + raw FA 2.56", dir: baselineDir },
];
type Key = `${number}:${number}`;
const diagnostics = new Map<Key, ReturnType<typeof diagnose>>();
for (const [c, compiler] of COMPILERS.entries()) {
  for (const [s, side] of sides.entries()) {
    const d = diagnose(compiler.bin, side.dir);
    diagnostics.set(`${c}:${s}`, d);
    if (!d.ok) {
      console.error(
        `${compiler.label}, ${side.label}: does not compile (${d.errors} errors), e.g.\n  ${d.first.join("\n  ")}`,
      );
    }
  }
}
if (!diagnostics.get("0:1")?.ok || !diagnostics.get("1:1")?.ok) {
  console.error("the baseline itself does not compile: the five calls no longer match FA 2.56 as generated");
}

const samples = new Map<Key, { ms: number; peakMb: number }[]>();
for (let round = 0; round < rounds; round++) {
  for (const [c, compiler] of COMPILERS.entries()) {
    // Alternate which side goes first so neither always meets a colder file cache.
    const order = round % 2 ? [1, 0] : [0, 1];
    for (const s of order) {
      const side = sides[s]!;
      const m = await measure(process.execPath, [compiler.bin, "-p", "tsconfig.json"], side.dir);
      const key: Key = `${c}:${s}`;
      samples.set(key, [...(samples.get(key) ?? []), { ms: m.ms, peakMb: m.peakMb }]);
      console.error(
        `  round ${round + 1} ${compiler.label} ${side.label}: ${(m.ms / 1000).toFixed(2)} s, ${Math.round(m.peakMb)} MB` +
          `${m.code === 0 ? "" : ` (exit ${m.code})`}`,
      );
    }
  }
}

const sum = (key: Key, pick: (x: { ms: number; peakMb: number }) => number): Summary =>
  summarize((samples.get(key) ?? []).map(pick));
const rows: string[][] = [];
const results: unknown[] = [];
for (const [c, compiler] of COMPILERS.entries()) {
  const baseTime = sum(`${c}:1`, (x) => x.ms).median;
  const baseMem = sum(`${c}:1`, (x) => x.peakMb).median;
  for (const [s, side] of sides.entries()) {
    const key: Key = `${c}:${s}`;
    const d = diagnostics.get(key)!;
    const time = sum(key, (x) => x.ms / 1000);
    const mem = sum(key, (x) => x.peakMb);
    rows.push([
      `${compiler.label}  ${side.label}`,
      fmtSummary(time, 2),
      fmtSummary(mem, 0),
      s === 1 ? "1.00×" : `${((time.median * 1000) / baseTime).toFixed(2)}×`,
      s === 1 ? "1.00×" : `${(mem.median / baseMem).toFixed(2)}×`,
      d.ok ? "compiles" : `DOES NOT COMPILE (${d.errors} errors)`,
    ]);
    results.push({
      compiler: compiler.label,
      side: side.label,
      diagnostics: d,
      time,
      memory: mem,
      samples: samples.get(key),
    });
  }
}
console.log(
  `\nConsumer tsc --noEmit, five typed FlashArray calls (strict, nodenext, skipLibCheck ${!values["lib-check"]}; ` +
    `median (min–max) of ${rounds} interleaved rounds)\n`,
);
console.log(table(["compiler  side", "time s", "peak MB", "time ×", "memory ×", ""], rows));
console.log(
  "\nWhere it goes: the compiler's --extendedDiagnostics of one untimed run (memory: heap used, MB; times: s)\n",
);
console.log(
  table(
    ["compiler  side", ...COUNTERS],
    [...diagnostics].map(([key, d]) => {
      const [c, s] = key.split(":").map(Number);
      return [
        `${COMPILERS[c!]!.label}  ${sides[s!]!.label}`,
        ...COUNTERS.map((name) => {
          const v = d.counters[name];
          if (v === undefined) return "—";
          return name.endsWith("time") ? v.toFixed(2) : name === "Memory used" ? v.toFixed(0) : String(v);
        }),
      ];
    }),
  ),
);
for (const [key, d] of diagnostics) {
  if (d.ok) continue;
  const [c, s] = key.split(":").map(Number);
  console.log(`\n${COMPILERS[c!]!.label}, ${sides[s!]!.label}: first errors\n  ${d.first.join("\n  ")}`);
}
const path = writeResults("typecheck", {
  date: new Date().toISOString(),
  node: process.version,
  typescript: { "5": versionOf("typescript"), "7": versionOf("ts7") },
  package: `${pkg.name}@${pkg.version}`,
  source,
  specifier,
  skipLibCheck: !values["lib-check"],
  rounds,
  results,
});
console.log(`\nresults: ${path}`);
if (values.keep) console.log(`kept: ${purekitDir} ${baselineDir}`);
else for (const side of sides) rmSync(side.dir, { recursive: true, force: true });
