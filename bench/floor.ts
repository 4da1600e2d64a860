/**
 * The editor bench's `--floor` variants (decision 020): copies of a consumer project with
 * purekit installed, whose compact newest versions (`dist/generated/<product>/types/latest.d.ts`)
 * lose a part, so one run shows what each part costs the editor:
 * - `no comments`: every comment removed (no JSDoc anywhere);
 * - `no paths`: `paths` emptied, with the parameter bags and pooled blocks only it used;
 * - `no paths, no comments`: both.
 * The variants are for measuring only: they no longer type a client.
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

/** The variants of `dir` (a consumer project with purekit installed), next to it. */
export function floorVariants(dir: string): { label: string; note: string; dir: string }[] {
  const variants = [
    { label: "no comments", edit: withoutComments },
    { label: "no paths", edit: withoutPaths },
    { label: "no paths, no comments", edit: (t: string) => withoutComments(withoutPaths(t)) },
  ];
  return variants.map(({ label, edit }) => {
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
  });
}
