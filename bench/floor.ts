/**
 * The editor bench's `--floor` variants (decision 020): copies of a consumer project with
 * purekit installed, whose compact newest versions (`dist/generated/<product>/types/latest.d.ts`)
 * lose a part, so one run shows what each part costs the editor:
 * - `no comments`: every comment removed (no JSDoc anywhere);
 * - `no paths`: `paths` emptied, with the parameter bags and pooled blocks only it used;
 * - `no paths, no comments`: both;
 * - `only <product>`: unchanged files, but `exports` lists one product's entries (plus `.` and
 *   `./mock`), as a package per product would: what the editor pays for that product alone.
 * The first three are for measuring only: they no longer type a client.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { PRODUCTS } from "../spec/index.ts";

const PATHS_ONLY = /^(?:(?:Params|Responses|Body)\d+|(?:Query|Header|Path|Cookie)Params\d*)$/;

const parse = (text: string) =>
  ts.createSourceFile("latest.d.ts", text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);

function withoutComments(text: string): string {
  return ts.createPrinter({ removeComments: true }).printFile(parse(text));
}

function withoutPaths(text: string): string {
  const sf = parse(text);
  const kept: string[] = [];
  for (const st of sf.statements) {
    const name = (ts.isTypeAliasDeclaration(st) || ts.isInterfaceDeclaration(st)) && st.name.text;
    if (name === "paths") kept.push("export interface paths {}");
    else if (!(name && PATHS_ONLY.test(name))) kept.push(text.slice(st.getFullStart(), st.end));
  }
  return `${kept.join("\n")}\n`;
}

/** Rewrites the three products' `latest.d.ts` in an installed purekit with `edit`. */
const editLatest = (edit: (text: string) => string) => (purekit: string) => {
  for (const product of PRODUCTS) {
    const file = join(purekit, "dist", "generated", product, "types", "latest.d.ts");
    if (!existsSync(file))
      throw new Error(`--floor: ${file} is missing (a purekit built before decision 020?)`);
    writeFileSync(file, edit(readFileSync(file, "utf8")));
  }
};

/** Drops the other products' entries (`./flashblade`, `./flashblade/*`…) from an installed purekit's `exports`. */
const onlyProduct = (product: string) => (purekit: string) => {
  const others = PRODUCTS.filter((p) => p !== product);
  const file = join(purekit, "package.json");
  const pkg = JSON.parse(readFileSync(file, "utf8")) as { exports: Record<string, unknown> };
  pkg.exports = Object.fromEntries(
    Object.entries(pkg.exports).filter(
      ([key]) => !others.some((o) => key === `./${o}` || key.startsWith(`./${o}/`)),
    ),
  );
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
};

const STRIPPED: [string, (text: string) => string][] = [
  ["no comments", withoutComments],
  ["no paths", withoutPaths],
  ["no paths, no comments", (text) => withoutComments(withoutPaths(text))],
];

/** The variants of `dir` (a consumer project with purekit installed), next to it. */
export function floorVariants(dir: string): { label: string; note: string; dir: string }[] {
  const variants = [
    ...STRIPPED.map(([label, strip]) => ({
      label,
      note: `the installed purekit, its three latest.d.ts with ${label}`,
      edit: editLatest(strip),
    })),
    ...PRODUCTS.map((product) => ({
      label: `only ${product}`,
      note: "the installed purekit, its exports without the other two products",
      edit: onlyProduct(product),
    })),
  ];
  return variants.map(({ label, note, edit }) => {
    const copy = `${dir}-${label.replace(/\W+/g, "-")}`;
    cpSync(dir, copy, { recursive: true });
    edit(join(copy, "node_modules", "purekit"));
    return { label: `purekit, ${label}`, note, dir: copy };
  });
}
