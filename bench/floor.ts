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

const PRODUCTS = ["flasharray", "flashblade", "pure1"] as const;
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

/** `exports` without the other products' entries (`./flashblade`, `./flashblade/*`…). */
function onlyProduct(product: string, exports: Record<string, unknown>): Record<string, unknown> {
  const others = PRODUCTS.filter((p) => p !== product);
  return Object.fromEntries(
    Object.entries(exports).filter(
      ([key]) => !others.some((o) => key === `./${o}` || key.startsWith(`./${o}/`)),
    ),
  );
}

/** The variants of `dir` (a consumer project with purekit installed), next to it. */
export function floorVariants(dir: string): { label: string; note: string; dir: string }[] {
  const products = PRODUCTS.map((product) => {
    const copy = `${dir}-only-${product}`;
    cpSync(dir, copy, { recursive: true });
    const file = join(copy, "node_modules", "purekit", "package.json");
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { exports: Record<string, unknown> };
    pkg.exports = onlyProduct(product, pkg.exports);
    writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
    return {
      label: `purekit, only ${product}`,
      note: `the installed purekit, its exports without the other two products`,
      dir: copy,
    };
  });
  const variants = [
    { label: "no comments", edit: withoutComments },
    { label: "no paths", edit: withoutPaths },
    { label: "no paths, no comments", edit: (t: string) => withoutComments(withoutPaths(t)) },
  ];
  return variants
    .map(({ label, edit }) => {
      const copy = `${dir}-${label.replace(/\W+/g, "-")}`;
      cpSync(dir, copy, { recursive: true });
      for (const product of PRODUCTS) {
        const file = join(
          copy,
          "node_modules",
          "purekit",
          "dist",
          "generated",
          product,
          "types",
          "latest.d.ts",
        );
        if (!existsSync(file))
          throw new Error(`--floor: ${file} is missing (a purekit built before decision 020?)`);
        writeFileSync(file, edit(readFileSync(file, "utf8")));
      }
      return {
        label: `purekit, ${label}`,
        note: `the installed purekit, its three latest.d.ts with ${label}`,
        dir: copy,
      };
    })
    .concat(products);
}
