/**
 * The web-only rule, checked by the compiler: in the core (runtime/, mock/ and the table
 * contract, minus the platform adapters listed in biome.json's override, the one list of
 * them), no name may resolve only to Node's declarations (@types/node, undici). A name the
 * web platform declares too (fetch, Response, setTimeout) passes; `process`, `Buffer`,
 * `NodeJS.Timeout` or an undici type do not. The biome override catches `node:` imports
 * and `process` by syntax; this catches what syntax cannot see (a Node-only global or type
 * reached through an import, e.g. `Buffer.from`, `NodeJS.ErrnoException`).
 *
 *   node scripts/web-only.mjs            exits 1 and lists each use when there is one
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

/** The core's globs and the adapters' exclusions, read from biome.json's override. */
export function coreRules(root = ROOT) {
  const biome = JSON.parse(readFileSync(join(root, "biome.json"), "utf8"));
  const override = biome.overrides.find((o) => o.linter?.rules?.correctness?.noNodejsModules === "error");
  if (!override) throw new Error("biome.json has no override with noNodejsModules: the core is not defined");
  const include = override.includes.filter((g) => !g.startsWith("!"));
  const exclude = override.includes.filter((g) => g.startsWith("!")).map((g) => g.slice(1));
  return { include, exclude };
}

const NODE_ONLY = [`${sep}@types${sep}node${sep}`, `${sep}undici-types${sep}`, `${sep}undici${sep}`];
const nodeOnly = (file) =>
  NODE_ONLY.some((part) => file.includes(part) || file.includes(part.replaceAll(sep, "/")));

function matches(path, glob) {
  if (glob.endsWith("/**")) return path.startsWith(glob.slice(0, -2));
  return path === glob;
}

/**
 * Every use of a Node-only name in `files` (relative to `root`), or in the core when none
 * are given. `extra` adds in-memory files (the test's controls).
 */
export function findNodeOnlyUses({ root = ROOT, files, extra = {} } = {}) {
  const ts = require("typescript");
  const { include, exclude } = coreRules(root);
  const isCore = (rel) =>
    rel.endsWith(".ts") &&
    !rel.endsWith(".d.ts") &&
    include.some((g) => matches(rel, g)) &&
    !exclude.some((g) => matches(rel, g));
  const configFile = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  const options = { ...parsed.options, noEmit: true };
  const host = ts.createCompilerHost(options);
  const extraPaths = new Map(Object.entries(extra).map(([rel, text]) => [join(root, rel), text]));
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (f) => extraPaths.get(f) ?? readFile(f);
  host.fileExists = (
    (exists) => (f) =>
      extraPaths.has(f) || exists(f)
  )(host.fileExists.bind(host));
  host.getSourceFile = (f, lang, ...rest) =>
    extraPaths.has(f)
      ? ts.createSourceFile(f, extraPaths.get(f), lang, true)
      : getSourceFile(f, lang, ...rest);
  const roots = files
    ? files.map((f) => join(root, f))
    : parsed.fileNames.filter((f) => isCore(relative(root, f).split(sep).join("/")));
  const program = ts.createProgram([...roots, ...extraPaths.keys()], options, host);
  const checker = program.getTypeChecker();
  const found = [];
  for (const source of program.getSourceFiles()) {
    const rel = relative(root, source.fileName).split(sep).join("/");
    if (!extraPaths.has(source.fileName) && !isCore(rel)) continue;
    const visit = (node) => {
      if (ts.isIdentifier(node)) {
        let symbol = checker.getSymbolAtLocation(node);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        const decls = symbol?.declarations ?? [];
        if (decls.length > 0 && decls.every((d) => nodeOnly(d.getSourceFile().fileName))) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          found.push({ file: rel, line: line + 1, name: node.text });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const found = findNodeOnlyUses();
  for (const f of found)
    console.error(
      `${f.file}:${f.line}: ${f.name} is Node-only; the core uses web APIs (move it to an adapter)`,
    );
  if (found.length > 0) process.exit(1);
  console.log("web-only core: no Node-only name in runtime/, mock/ or spec/table.ts (adapters excepted)");
}
