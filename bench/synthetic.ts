/**
 * Fake packages for the editor benchmark: the same big per-version
 * declaration files (openapi-typescript-like `paths`/`components`, JSDoc on
 * every property) behind different package.json `exports` shapes, so that the
 * cost of each shape in tsserver's auto-import machinery can be measured apart
 * from everything else. See docs/decisions/006-entry-points.md.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export const SYNTHETIC_NAME = "fakekit";
/** Versions per fake package and schemas per version (~2 MB of .d.ts per version, like one REST version today). */
const VERSIONS = Array.from({ length: 20 }, (_, i) => `1.${i}`);
const SCHEMAS = 900;
const PROPS = 18;
const LATEST = VERSIONS[VERSIONS.length - 1]!;

export interface SyntheticPackage {
  label: string;
  note: string;
  name: string;
  dir: string;
  /** A subpath that reaches one older version's types, if the shape offers one. */
  versionSpecifier?: string;
}

/** One schema's body; `v` changes a few fields per version so versions are not textually identical. */
function schema(s: number, v: number): string {
  const lines: string[] = [];
  for (let p = 0; p < PROPS; p++) {
    const kind = (s + p) % 4;
    const type =
      kind === 0
        ? "string"
        : kind === 1
          ? "number"
          : kind === 2
            ? `components["schemas"]["Schema${(s * 7 + p) % SCHEMAS}"][]`
            : `"alpha" | "beta" | "gamma${v}"`;
    lines.push(
      `      /**\n       * Property ${p} of schema ${s}: a description as long as a vendor's, kept on hover.\n       * @example value-${s}-${p}\n       */\n      field_${p}${p % 3 ? "?" : ""}: ${type};`,
    );
  }
  if (s % 10 === v % 10)
    lines.push(`      /** Added in version index ${v}. */\n      added_in_${v}?: boolean;`);
  return `    Schema${s}: {\n${lines.join("\n")}\n    };`;
}

/** Paths of a version: one GET/POST pair per ten schemas; later versions add paths. */
function paths(v: number, ref: (s: number) => string): string {
  const out: string[] = [];
  const count = SCHEMAS / 10 + v;
  for (let i = 0; i < count; i++) {
    const s = (i * 10) % SCHEMAS;
    out.push(
      `  "/resource-${i}": {\n    /** List resource ${i}. */\n    get: { parameters: { query?: { names?: string[]; limit?: number; filter?: string } }; responses: { 200: { content: { "application/json": { items: ${ref(s)}[]; continuation_token?: string } } } } };\n    /** Create resource ${i}. */\n    post: { parameters: { query: { names: string[] } }; requestBody: { content: { "application/json": ${ref(s + 1)} } }; responses: { 200: { content: { "application/json": { items: ${ref(s + 1)}[] } } } } };\n  };`,
    );
  }
  return `export interface paths {\n${out.join("\n")}\n}\n`;
}

/** A self-contained version file (what the per-version wildcard exports today point at). */
function fullVersion(v: number): string {
  const schemas = Array.from({ length: SCHEMAS }, (_, s) => schema(s, v)).join("\n");
  return (
    `/** Version ${VERSIONS[v]} of the fake REST API. */\n` +
    paths(v, (s) => `components["schemas"]["Schema${s}"]`) +
    `export interface components {\n  schemas: {\n${schemas}\n  };\n}\nexport type DataPaths = paths;\nexport declare const version: "${VERSIONS[v]}";\n`
  );
}

/**
 * Shared output as the generator plans it: each distinct schema once (here the
 * newest shape plus one variant per ten versions, ~3x one version), and thin
 * version files that only pick from it.
 */
function sharedFile(): string {
  const variants = [0, 10, 19];
  const body = variants
    .map((v) =>
      Array.from({ length: SCHEMAS }, (_, s) =>
        schema(s, v).replace(`Schema${s}:`, `Schema${s}_v${v}:`),
      ).join("\n"),
    )
    .join("\n");
  return `export interface components {\n  schemas: {\n${body}\n  };\n}\n`.replaceAll(
    /components\["schemas"\]\["Schema(\d+)"\]/g,
    'components["schemas"]["Schema$1_v19"]',
  );
}
function thinVersion(v: number, sharedSpecifier: string): string {
  const variant = v < 10 ? 0 : v < 19 ? 10 : 19;
  return (
    `import type { components as shared } from "${sharedSpecifier}";\n/** Version ${VERSIONS[v]} of the fake REST API. */\n` +
    paths(v, (s) => `shared["schemas"]["Schema${s}_v${variant}"]`) +
    `export type DataPaths = paths;\nexport declare const version: "${VERSIONS[v]}";\n`
  );
}

const INDEX_JS = "export function createFakeClient(options) {\n  return { options };\n}\n";
function indexDts(pathsImport: string, extra = ""): string {
  return (
    `import type { DataPaths } from "${pathsImport}";\n${extra}` +
    "/** Options of {@link createFakeClient}. */\nexport interface FakeClientOptions { host: string; version?: string }\n" +
    "/** A client typed with the newest version's paths. */\nexport interface FakeClient<P = DataPaths> { paths?: P; options: FakeClientOptions }\n" +
    "/** Creates a client. */\nexport declare function createFakeClient<P = DataPaths>(options: FakeClientOptions): FakeClient<P>;\n"
  );
}

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

function pkg(exportsMap: Record<string, unknown>): string {
  return `${JSON.stringify({ name: SYNTHETIC_NAME, version: "1.0.0", type: "module", exports: exportsMap }, null, 2)}\n`;
}
const entry = (types: string, js: string) => ({ types, default: js });

/** Builds every variant under a new temporary folder. */
export function buildSyntheticPackages(): SyntheticPackage[] {
  const root = mkdtempSync(join(tmpdir(), "purekit-synthetic-"));
  const full = VERSIONS.map((_, v) => fullVersion(v));
  const shared = sharedFile();
  const out: SyntheticPackage[] = [];
  const add = (p: Omit<SyntheticPackage, "name" | "dir">, files: Record<string, string>) => {
    const dir = join(root, p.label);
    write(dir, files);
    out.push({ ...p, name: SYNTHETIC_NAME, dir });
  };
  const perVersionJs = (dirOf: (ver: string) => string) =>
    Object.fromEntries(VERSIONS.map((ver) => [`${dirOf(ver)}.js`, `export const version = "${ver}";\n`]));

  add(
    { label: "main-only", note: '"." only, newest version inside (lower bound: no per-version access)' },
    {
      "package.json": pkg({ ".": entry("./dist/index.d.ts", "./dist/index.js") }),
      "dist/index.d.ts": indexDts("./latest.js"),
      "dist/index.js": INDEX_JS,
      "dist/latest.d.ts": full[VERSIONS.length - 1]!,
    },
  );
  add(
    {
      label: "wildcard-1star",
      note: '"./v/*" → "./dist/v/*.d.ts", one big file per version (today\'s shape)',
      versionSpecifier: `${SYNTHETIC_NAME}/v/1.3`,
    },
    {
      "package.json": pkg({
        ".": entry("./dist/index.d.ts", "./dist/index.js"),
        "./v/*": entry("./dist/v/*.d.ts", "./dist/v/*.js"),
      }),
      "dist/index.d.ts": indexDts(`./v/${LATEST}.js`),
      "dist/index.js": INDEX_JS,
      ...Object.fromEntries(VERSIONS.map((ver, v) => [`dist/v/${ver}.d.ts`, full[v]!])),
      ...perVersionJs((ver) => `dist/v/${ver}`),
    },
  );
  add(
    {
      label: "explicit-list",
      note: "one exports key per version, one big file each",
      versionSpecifier: `${SYNTHETIC_NAME}/v/1.3`,
    },
    {
      "package.json": pkg({
        ".": entry("./dist/index.d.ts", "./dist/index.js"),
        ...Object.fromEntries(
          VERSIONS.map((ver) => [`./v/${ver}`, entry(`./dist/v/${ver}.d.ts`, `./dist/v/${ver}.js`)]),
        ),
      }),
      "dist/index.d.ts": indexDts(`./v/${LATEST}.js`),
      "dist/index.js": INDEX_JS,
      ...Object.fromEntries(VERSIONS.map((ver, v) => [`dist/v/${ver}.d.ts`, full[v]!])),
      ...perVersionJs((ver) => `dist/v/${ver}`),
    },
  );
  add(
    {
      label: "type-map-in-main",
      note: '"." only; index maps version → paths (Paths<"1.3">), importing every version file',
    },
    {
      "package.json": pkg({ ".": entry("./dist/index.d.ts", "./dist/index.js") }),
      "dist/index.d.ts": indexDts(
        `./v/${LATEST}.js`,
        `${VERSIONS.map((ver, v) => `import type { DataPaths as P${v} } from "./v/${ver}.js";`).join("\n")}\n` +
          `/** Each version's paths. */\nexport interface VersionMap {\n${VERSIONS.map((ver, v) => `  "${ver}": P${v};`).join("\n")}\n}\n` +
          `export type Paths<V extends keyof VersionMap> = VersionMap[V];\n`,
      ),
      "dist/index.js": INDEX_JS,
      ...Object.fromEntries(VERSIONS.map((ver, v) => [`dist/v/${ver}.d.ts`, full[v]!])),
    },
  );
  add(
    {
      label: "wildcard-1star-shared",
      note: '"./v/*" → thin version files over one shared file (~3x one version)',
      versionSpecifier: `${SYNTHETIC_NAME}/v/1.3`,
    },
    {
      "package.json": pkg({
        ".": entry("./dist/index.d.ts", "./dist/index.js"),
        "./v/*": entry("./dist/v/*.d.ts", "./dist/v/*.js"),
      }),
      "dist/index.d.ts": indexDts("./latest.js"),
      "dist/index.js": INDEX_JS,
      "dist/latest.d.ts": full[VERSIONS.length - 1]!,
      "dist/shared.d.ts": shared,
      ...Object.fromEntries(VERSIONS.map((ver, v) => [`dist/v/${ver}.d.ts`, thinVersion(v, "../shared.js")])),
      ...perVersionJs((ver) => `dist/v/${ver}`),
    },
  );
  add(
    {
      label: "wildcard-2star-shared",
      note: '"./v/*" → "./dist/v/*/*.d.ts" (two stars: not enumerated), thin files over the shared file',
      versionSpecifier: `${SYNTHETIC_NAME}/v/1.3`,
    },
    {
      "package.json": pkg({
        ".": entry("./dist/index.d.ts", "./dist/index.js"),
        "./v/*": entry("./dist/v/*/*.d.ts", "./dist/v/*/*.js"),
      }),
      "dist/index.d.ts": indexDts("./latest.js"),
      "dist/index.js": INDEX_JS,
      "dist/latest.d.ts": full[VERSIONS.length - 1]!,
      "dist/shared.d.ts": shared,
      ...Object.fromEntries(
        VERSIONS.map((ver, v) => [`dist/v/${ver}/${ver}.d.ts`, thinVersion(v, "../../shared.js")]),
      ),
      ...perVersionJs((ver) => `dist/v/${ver}/${ver}`),
    },
  );
  add(
    {
      label: "wildcard-2star-full",
      note: '"./v/*" → "./dist/v/*/*.d.ts", one big self-contained file per version',
      versionSpecifier: `${SYNTHETIC_NAME}/v/1.3`,
    },
    {
      "package.json": pkg({
        ".": entry("./dist/index.d.ts", "./dist/index.js"),
        "./v/*": entry("./dist/v/*/*.d.ts", "./dist/v/*/*.js"),
      }),
      "dist/index.d.ts": indexDts("./latest.js"),
      "dist/index.js": INDEX_JS,
      "dist/latest.d.ts": full[VERSIONS.length - 1]!,
      ...Object.fromEntries(VERSIONS.map((ver, v) => [`dist/v/${ver}/${ver}.d.ts`, full[v]!])),
      ...perVersionJs((ver) => `dist/v/${ver}/${ver}`),
    },
  );
  add(
    {
      label: "3-products-2star",
      note: 'the recommended shape: "." without paths, three product entries typed with their newest version, "./<product>/*" with two-star types and one-star default',
      versionSpecifier: `${SYNTHETIC_NAME}/a/1.3`,
    },
    {
      "package.json": pkg({
        ".": entry("./dist/index.d.ts", "./dist/index.js"),
        ...Object.fromEntries(
          ["a", "b", "c"].flatMap((p) => [
            [`./${p}`, entry(`./dist/${p}/index.d.ts`, `./dist/${p}/index.js`)],
            // Two `*` in `types` hide the versions from auto-imports; the single-`*` `default` is for Deno.
            [`./${p}/*`, entry(`./dist/${p}/v/*/*.d.ts`, `./dist/${p}/v/*.js`)],
          ]),
        ),
      }),
      "dist/index.d.ts":
        "/** Options shared by every product's client. */\nexport interface FakeClientOptions { host: string; version?: string }\n",
      "dist/index.js": "export {};\n",
      ...Object.fromEntries(
        ["a", "b", "c"].flatMap((p) => [
          [
            `dist/${p}/index.d.ts`,
            indexDts("./latest.js").replaceAll("createFakeClient", `createFake${p.toUpperCase()}Client`),
          ],
          [`dist/${p}/index.js`, INDEX_JS.replace("createFakeClient", `createFake${p.toUpperCase()}Client`)],
          [`dist/${p}/latest.d.ts`, full[VERSIONS.length - 1]!],
          [`dist/${p}/shared.d.ts`, shared],
          ...VERSIONS.map((ver, v) => [`dist/${p}/v/${ver}/${ver}.d.ts`, thinVersion(v, "../../shared.js")]),
          ...VERSIONS.map((ver) => [`dist/${p}/v/${ver}.js`, `export const version = "${ver}";\n`]),
        ]),
      ),
    },
  );
  return out;
}
