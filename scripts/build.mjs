#!/usr/bin/env node
// `npm run build`: the package users install, in dist/.
//   1. tsc (TypeScript 5.9): JavaScript, declarations, source maps; relative `.ts`
//      specifiers rewritten to `.js` (rewriteRelativeImportExtensions).
//   2. Declarations get the same rewrite (tsc leaves `.ts` in .d.ts files), so a
//      consumer needs no allowImportingTsExtensions.
//   3. generated/ (pooled types, tables, schemas of every version) is copied as it is:
//      it is already JavaScript and declarations.
//   4. The recorded lab answers the mock seeds from are copied with their notice, as
//      compact JSON.
// No TypeScript loader is needed at run time.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const t0 = Date.now();

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
  cwd: root,
  stdio: "inherit",
});

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else yield full;
  }
}

const SPECIFIER = /((?:from|import)\s*\(?\s*["'])(\.{1,2}\/[^"']+?)\.ts(["'])/g;
for (const file of walk(dist)) {
  if (!file.endsWith(".d.ts")) continue;
  const text = readFileSync(file, "utf8");
  const fixed = text.replace(SPECIFIER, "$1$2.js$3");
  if (fixed !== text) writeFileSync(file, fixed);
}

const generated = join(root, "generated");
for (const product of ["flasharray", "flashblade", "pure1"]) {
  if (!existsSync(join(generated, product, "index.js"))) {
    throw new Error(`generated/${product} is missing: run \`npm run generate\` first`);
  }
}
cpSync(generated, join(dist, "generated"), {
  recursive: true,
  filter: (src) => {
    const rel = relative(generated, src);
    return !rel.startsWith(".raw") && !rel.endsWith(".stamp") && !rel.endsWith(".stamp.json");
  },
});

const fixtures = join(root, "..", "shared", "fixtures", "recorded");
if (!existsSync(fixtures))
  throw new Error(`${fixtures} is missing: the mock's recorded seed ships from there`);
cpSync(fixtures, join(dist, "fixtures", "recorded"), { recursive: true });
// The answers are read with JSON.parse only: written compact they are a quarter smaller.
for (const file of walk(join(dist, "fixtures"))) {
  if (file.endsWith(".json")) writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, "utf8"))));
}

console.log(`purekit build: dist/ in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
