/**
 * Editor benchmark (issue 8): the first completion in a project that depends
 * on a package, through tsserver (TypeScript 5.9 from this repo), against the
 * same project without the dependency, in the same run, interleaved.
 *
 * For each subject a consumer project is created once (package.json with the
 * dependency installed by npm, tsconfig strict nodenext, src/index.ts). Each
 * round starts a fresh tsserver on stdio, opens src/index.ts, waits for the
 * project to load (projectInfo), then asks `completionInfo` at the end of an
 * unfinished identifier with includeCompletionsForModuleExports on, which is
 * where the editor offers auto-imports. Measured: wall time until the answer
 * and the server's peak RSS (VmHWM from /proc; Linux only). `--server tsgo`
 * does the same through TypeScript 7's language server (bench/lsp.ts).
 *
 *   node --import tsx bench/editor.ts [--rounds 3] [--server tsserver|tsgo|both] [--heap 3072]
 *     [--synthetic [--variants a,b]] [--floor] [--with SPEC,...] [--typescript DIR] [--no-baseline] [--keep] [PACKAGE...]
 *
 * PACKAGE is a tarball (`npm pack`) or a package folder; default
 * $PUREKIT_PACKAGE. --synthetic adds fake packages with the same big version
 * files behind different `exports` shapes (see bench/synthetic.ts). --heap is
 * tsserver's --max-old-space-size; 3072 is VS Code's default
 * (typescript.tsserver.maxTsServerMemory), so an answer that needs more is a
 * crashed TS server in VS Code. The table's notes list which auto-imports each
 * subject offers. --floor adds, for the first PACKAGE (a purekit), copies whose compact
 * newest versions lose their comments, their paths, or both (bench/floor.ts), which
 * shows what each part of the product entries' closure costs (decision 020), and copies whose
 * `exports` list one product only: what a package per product would cost its users.
 * --typescript DIR measures the tsserver of another TypeScript package folder (e.g. one where
 * `npm i --prefix /tmp/ts6 typescript@6.0` put TypeScript 6.0: /tmp/ts6/node_modules/typescript).
 * --with installs the same npm packages (e.g. `@types/node`) into every project, the baseline
 * included, to measure a project that already has them.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  createConsumer,
  fmtSummary,
  folderBytes,
  REPO_ROOT,
  readPackageJson,
  type Summary,
  summarize,
  table,
  writeResults,
} from "./consumer.ts";
import { floorVariants } from "./floor.ts";
import { type Sample, sampleTsgo, sampleTsserver, TSGO_VERSION } from "./lsp.ts";
import { buildSyntheticPackages } from "./synthetic.ts";

/** The consumer's file; the completion is asked right after `create` on the last line. */
const SOURCE = "// A consumer module being edited.\nexport const answer = 42;\ncreate";
const COMPLETION_AT = { line: 3, offset: "create".length + 1 };

interface Subject {
  label: string;
  /** What the subject is, for the table. */
  note: string;
  dir: string;
  /** The dependency's name (undefined for the baseline). */
  dependency?: string | undefined;
  packageBytes?: number | undefined;
  /** Whether an older version's types and module resolve from the consumer (tsc and node), for shapes that offer one. */
  versionImport?: string | undefined;
}

async function sample(subject: Subject, heapMb: number, timeoutMs: number): Promise<Sample> {
  return sampleTsserver(subject.dir, subject.dependency, SOURCE, COMPLETION_AT, {
    heapMb,
    timeoutMs,
    tsserver: join(TS_DIR, "lib", "tsserver.js"),
  });
}

/**
 * Proves a shape still lets users reach an older version: a strict nodenext
 * `tsc` of a file importing its types, and Node importing its module. The
 * file lives outside src/ so tsserver's project does not load it.
 */
function checkVersionImport(dir: string, specifier: string): string {
  mkdirSync(join(dir, "check"), { recursive: true });
  writeFileSync(
    join(dir, "check", "version.ts"),
    `import type { DataPaths } from "${specifier}";\nexport const path: keyof DataPaths = "/resource-1";\n`,
  );
  const tsc = spawnSync(
    process.execPath,
    [
      join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc"),
      "--noEmit",
      "--strict",
      "--module",
      "nodenext",
      "--moduleResolution",
      "nodenext",
      "check/version.ts",
    ],
    { cwd: dir, encoding: "utf8" },
  );
  const node = spawnSync(
    process.execPath,
    ["--input-type=module", "-e", `await import(${JSON.stringify(specifier)})`],
    {
      cwd: dir,
      encoding: "utf8",
    },
  );
  return `tsc ${tsc.status === 0 ? "ok" : "FAILS"}, node ${node.status === 0 ? "ok" : "FAILS"}`;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: "string", default: "3" },
    heap: { type: "string", default: "3072" },
    timeout: { type: "string", default: "300" },
    synthetic: { type: "boolean", default: false },
    floor: { type: "boolean", default: false },
    with: { type: "string", multiple: true, default: [] },
    typescript: { type: "string" },
    variants: { type: "string" },
    server: { type: "string", default: "tsserver" },
    "no-baseline": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const rounds = Number(values.rounds);
// The TypeScript whose tsserver is measured: the repository's 5.9, or another install (e.g. 6.0).
const TS_DIR = values.typescript ? resolve(values.typescript) : join(REPO_ROOT, "node_modules", "typescript");
const TS_VERSION = (JSON.parse(readFileSync(join(TS_DIR, "package.json"), "utf8")) as { version: string })
  .version;
if (!["tsserver", "tsgo", "both"].includes(values.server)) {
  console.error(`--server ${values.server}: use tsserver, tsgo or both`);
  process.exit(2);
}
const heapMb = Number(values.heap);
const timeoutMs = Number(values.timeout) * 1000;
const packages =
  positionals.length > 0 ? positionals : process.env.PUREKIT_PACKAGE ? [process.env.PUREKIT_PACKAGE] : [];
if (packages.length === 0 && !values.synthetic) {
  console.error(
    "usage: node --import tsx bench/editor.ts [--rounds 3] [--heap 3072] [--synthetic] [PACKAGE...]\n" +
      "PACKAGE: a tarball from `npm pack` or a package folder (or set PUREKIT_PACKAGE).",
  );
  process.exit(2);
}

const subjects: Subject[] = [];
let syntheticRoot: string | undefined;
const files = { "src/index.ts": SOURCE };
// Installed into every project, the baseline too: the same project with and without the subject.
const extra = values.with.flatMap((spec) => spec.split(",")).filter(Boolean);
if (!values["no-baseline"]) {
  subjects.push({
    label: "baseline",
    note: "no dependency",
    dir: createConsumer({ label: "editor-baseline", files, extra }),
  });
}
for (const source of packages) {
  const pkg = readPackageJson(source);
  console.error(`installing ${pkg.name}@${pkg.version} from ${source} into a consumer project…`);
  const dir = createConsumer({ label: "editor-pkg", install: source, files, extra });
  // Samples are keyed by label: two builds of one version (before/after) need distinct ones.
  let label = `${pkg.name}@${pkg.version}`;
  if (subjects.some((s) => s.label === label)) label += ` (${basename(source)})`;
  if (subjects.some((s) => s.label === label)) label += ` #${subjects.length}`;
  subjects.push({
    label,
    note: source,
    dir,
    dependency: pkg.name,
    packageBytes: folderBytes(join(dir, "node_modules", pkg.name)),
  });
}
const first = subjects.find((s) => s.dependency);
if (values.floor && first) {
  for (const variant of floorVariants(first.dir)) {
    const packageBytes = folderBytes(join(variant.dir, "node_modules", first.dependency ?? ""));
    subjects.push({ ...variant, dependency: first.dependency, packageBytes });
  }
}
if (values.synthetic) {
  const only = values.variants?.split(",");
  const variants = buildSyntheticPackages();
  // The fake packages' sources, removed at the end with the consumer projects.
  if (variants[0]) syntheticRoot = dirname(variants[0].dir);
  for (const variant of variants.filter((v) => !only || only.includes(v.label))) {
    console.error(`installing synthetic variant ${variant.label}…`);
    const dir = createConsumer({ label: `editor-${variant.label}`, install: variant.dir, files, extra });
    subjects.push({
      label: variant.label,
      note: variant.note,
      dir,
      dependency: variant.name,
      packageBytes: folderBytes(join(dir, "node_modules", variant.name)),
      versionImport: variant.versionSpecifier ? checkVersionImport(dir, variant.versionSpecifier) : "n/a",
    });
  }
}

const servers =
  values.server === "both" ? (["tsserver", "tsgo"] as const) : ([values.server] as ["tsserver" | "tsgo"]);
const serverLabel = { tsserver: `tsserver ${TS_VERSION}`, tsgo: `tsgo ${TSGO_VERSION} (LSP)` };
console.error(
  `${servers.map((s) => serverLabel[s]).join(" and ")}, tsserver --max-old-space-size=${heapMb}, ` +
    `${rounds} rounds over ${subjects.length} subjects`,
);
type Key = `${"tsserver" | "tsgo"}|${string}`;
const samples = new Map<Key, Sample[]>();
for (let round = 0; round < rounds; round++) {
  for (const server of servers) {
    // Rotate the order every round so that no subject always runs first (cold caches) or last.
    const order = subjects.map((_, i) => subjects[(i + round) % subjects.length]!);
    for (const subject of order) {
      const s =
        server === "tsserver"
          ? await sample(subject, heapMb, timeoutMs)
          : await sampleTsgo(subject.dir, subject.dependency, SOURCE, COMPLETION_AT, timeoutMs);
      const key: Key = `${server}|${subject.label}`;
      samples.set(key, [...(samples.get(key) ?? []), s]);
      console.error(
        `  round ${round + 1} ${server} ${subject.label}: ${s.ok ? "" : `FAILED (${s.error}) `}` +
          `${(s.totalMs / 1000).toFixed(1)} s, peak ${Math.round(s.peakRssMb)} MB` +
          `${s.autoImportRoots !== undefined ? `, ${s.autoImportRoots} auto-import roots` : ""}` +
          `, ${s.dependencyEntries} auto-imports from the dependency`,
      );
    }
  }
}

const samplesOf = (server: string, s: Subject) => samples.get(`${server}|${s.label}` as Key) ?? [];
const okOf = (server: string, s: Subject) => samplesOf(server, s).filter((x) => x.ok);
const sum = (server: string, s: Subject, pick: (x: Sample) => number): Summary =>
  summarize(okOf(server, s).map(pick));
const base = subjects.find((s) => s.label === "baseline");
for (const server of servers) {
  const baseTotal = base ? sum(server, base, (x) => x.totalMs).median : Number.NaN;
  const baseRss = base ? sum(server, base, (x) => x.peakRssMb).median : Number.NaN;
  const rows = subjects.map((s) => {
    const all = samplesOf(server, s);
    const ok = okOf(server, s);
    const total = sum(server, s, (x) => x.totalMs / 1000);
    const rss = sum(server, s, (x) => x.peakRssMb);
    const failures = all.length - ok.length;
    return [
      s.label,
      s.packageBytes ? `${(s.packageBytes / 2 ** 20).toFixed(1)}` : "—",
      ok[0]?.autoImportRoots !== undefined ? String(ok[0].autoImportRoots) : "—",
      fmtSummary(sum(server, s, (x) => x.loadMs / 1000)),
      fmtSummary(sum(server, s, (x) => x.completionMs / 1000)),
      fmtSummary(total),
      fmtSummary(rss, 0),
      base && s !== base && ok.length ? `${((total.median * 1000) / baseTotal).toFixed(2)}×` : "—",
      base && s !== base && ok.length ? `${(rss.median / baseRss).toFixed(2)}×` : "—",
      ok[0] && s !== base ? (ok.every((x) => x.dependencyEntries > 0) ? "yes" : "NO") : "",
      failures ? `${failures}/${all.length} failed: ${all.find((x) => !x.ok)?.error ?? ""}` : "",
    ];
  });
  console.log(
    `\nFirst completion through ${serverLabel[server]} (median (min–max) of ${rounds} interleaved rounds` +
      `${extra.length ? `; every project has ${extra.join(", ")}` : ""}` +
      `${server === "tsserver" ? `; --max-old-space-size=${heapMb}` : ""})\n`,
  );
  console.log(
    table(
      [
        "subject",
        "pkg MB",
        "AI roots",
        "load s",
        "completion s",
        "first completion s",
        "peak RSS MB",
        "time ×",
        "memory ×",
        "offered",
        "",
      ],
      rows,
    ),
  );
}
console.log(
  "\noffered: the completion lists an auto-import from the dependency (createFakeClient, createFlashArrayClient…)",
);
for (const s of subjects) {
  console.log(
    `  ${s.label}: ${s.note}${s.versionImport ? `; older version importable: ${s.versionImport}` : ""}`,
  );
  for (const server of servers) {
    const names = okOf(server, s)[0]?.dependencyNames;
    if (s.dependency && names) console.log(`    ${server} offers: ${names.join(", ") || "nothing"}`);
  }
}
const path = writeResults("editor", {
  date: new Date().toISOString(),
  typescript: { tsserver: TS_VERSION, tsgo: TSGO_VERSION },
  node: process.version,
  heapMb,
  rounds,
  source: SOURCE,
  subjects: subjects.map((s) => ({
    label: s.label,
    note: s.note,
    dependency: s.dependency,
    packageBytes: s.packageBytes,
    versionImport: s.versionImport,
    servers: Object.fromEntries(
      servers.map((server) => [
        server,
        {
          totalMs: sum(server, s, (x) => x.totalMs),
          loadMs: sum(server, s, (x) => x.loadMs),
          completionMs: sum(server, s, (x) => x.completionMs),
          peakRssMb: sum(server, s, (x) => x.peakRssMb),
          samples: samplesOf(server, s),
        },
      ]),
    ),
  })),
});
console.log(`\nresults: ${path}`);
if (!values.keep) {
  for (const s of subjects) rmSync(s.dir, { recursive: true, force: true });
  if (syntheticRoot) rmSync(syntheticRoot, { recursive: true, force: true });
} else for (const s of subjects) console.log(`kept ${s.label}: ${s.dir}`);
