import { PurekitError } from "../runtime/errors.ts";
import { addSpecToManifest, isProduct, listSpecs } from "../spec/index.ts";
import { parseCommand } from "./args.ts";

const HELP = `purekit spec list [--product P] [--json]
purekit spec add <file> [--product P] [--version V] [--url U]

"add" computes the file's sha256 and records product, version, file name and
upstream URL in spec/manifest.json. Then put the file in PURE_SPECS_DIR (or
../shared/specs) and run \`purekit generate\`.`;

export async function run(argv: string[]): Promise<number> {
  const args = parseCommand(argv, {
    name: "spec",
    help: HELP,
    positionals: "some",
    options: {
      product: { type: "string" },
      version: { type: "string" },
      url: { type: "string" },
      json: { type: "boolean" },
    },
  });
  if (!args) return 0;
  const { values, positionals } = args;
  const [sub, file] = positionals;
  if (!sub) {
    console.log(HELP);
    return 2;
  }
  if (values.product !== undefined && !isProduct(values.product)) {
    throw new PurekitError("ERR_INVALID_ARGUMENT", `unknown product "${values.product}"`);
  }
  if (sub === "list") {
    const specs = listSpecs(values.product);
    if (values.json) console.log(JSON.stringify(specs, null, 2));
    else
      for (const s of specs)
        console.log(`${s.product.padEnd(10)} ${s.version.padEnd(5)} ${s.file}  ${s.sha256}`);
    return 0;
  }
  if (sub === "add") {
    if (!file)
      throw new PurekitError(
        "ERR_INVALID_ARGUMENT",
        "spec add needs a file: purekit spec add FA2.57.spec.yaml",
      );
    const entry = await addSpecToManifest(file, {
      ...(values.product ? { product: values.product } : {}),
      ...(values.version ? { version: values.version } : {}),
      ...(values.url ? { url: values.url } : {}),
    });
    console.log(`added ${entry.product} ${entry.version} (${entry.file}, sha256 ${entry.sha256})`);
    return 0;
  }
  throw new PurekitError("ERR_INVALID_ARGUMENT", `unknown spec subcommand "${sub}"; use list or add`);
}
