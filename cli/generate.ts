import { dirname, resolve } from "node:path";
import { DEFAULT_OUT_DIR, generate, type ProgressEvent } from "../generator/index.ts";
import { PurekitError } from "../runtime/errors.ts";
import { describeSpecFile, isProduct, type Manifest } from "../spec/index.ts";
import { parseCommand } from "./args.ts";

const HELP = `purekit generate [--product flasharray|flashblade|pure1] [--version 2.38|latest|all] [--check] [--force]
purekit generate --spec FA2.57.spec.yaml --out DIR [--product P] [--version V]

Generates each selected version's types, operation table and schemas, shared
across the versions of a product, into generated/<product>/. Unchanged specs are
skipped. Specs are read from PURE_SPECS_DIR, then ../shared/specs, then downloaded
(checksums verified).

With --spec, generates a spec file of your own (a REST version purekit does not
ship yet) into DIR/<product>/; pass its \`generated\` export to the client:
  import { generated } from "./DIR/flasharray/index.js";
  const fa = await createFlashArrayClient({ host, auth, generated, version: "2.57" });
Running it again with other spec files adds their versions to DIR.

  --product P    one product (default: all three)
  --version V    a version, "latest" or "all" (default: all)
  --check        exit 1 when output is stale or missing; generate nothing
  --force        regenerate even what is up to date
  --offline      never download a spec
  --spec FILE    generate this spec file (product and version from its name,
                 e.g. FA2.57.spec.yaml, or from --product and --version)
  --out DIR      write here instead of generated/ (required with --spec, and
                 when purekit is installed: it never writes into node_modules)
  --quiet        print nothing on success`;

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseCommand(argv, {
    name: "generate",
    help: HELP,
    positionals: "refused",
    options: {
      product: { type: "string" },
      version: { type: "string" },
      check: { type: "boolean" },
      force: { type: "boolean" },
      offline: { type: "boolean" },
      quiet: { type: "boolean" },
      out: { type: "string" },
      spec: { type: "string" },
    },
  });
  if (!args) return 0;
  const { values } = args;
  if (values.product !== undefined && !isProduct(values.product)) {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `unknown product "${values.product}"; use flasharray, flashblade or pure1`,
    );
  }
  const tty = process.stderr.isTTY === true && !values.quiet;
  const started = performance.now();
  const active = new Set<string>();
  const onProgress = (e: ProgressEvent) => {
    if (e.type === "begin") active.add(`${e.entry.product} ${e.entry.version}`);
    if (e.type === "done" || e.type === "failed") active.delete(`${e.entry.product} ${e.entry.version}`);
    if (e.type === "failed") process.stderr.write(`${tty ? "\r\x1b[K" : ""}failed: ${e.message}\n`);
    if (tty && (e.type === "done" || e.type === "begin")) {
      const done = e.type === "done" ? e.done : 0;
      const total = e.type === "done" ? e.total : "…";
      process.stderr.write(
        `\r\x1b[K[${done}/${total}] ${formatMs(performance.now() - started)} generating ${[...active].join(", ")}`,
      );
    }
  };
  let own: { manifest: Manifest; specsDir: string } | undefined;
  if (values.spec !== undefined) {
    if (!values.out) {
      throw new PurekitError(
        "ERR_INVALID_ARGUMENT",
        "--spec needs --out DIR: where to write the generated files.",
      );
    }
    const entry = await describeSpecFile(values.spec, { product: values.product, version: values.version });
    own = {
      manifest: { upstream: { repository: "", commit: "", license: "" }, specs: [entry] },
      specsDir: dirname(resolve(values.spec)),
    };
  } else if (!values.out && DEFAULT_OUT_DIR.split(/[\\/]/).includes("node_modules")) {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      "purekit is installed as a package, and generate never writes into node_modules: pass --out DIR " +
        "(and --spec FILE for a REST version purekit does not ship).",
    );
  }
  const summary = await generate({
    ...(own
      ? { manifest: own.manifest, specsDir: own.specsDir, product: undefined, version: "all" }
      : { product: values.product, version: values.version }),
    check: values.check === true,
    force: values.force === true,
    offline: values.offline === true || own !== undefined,
    ...(values.out ? { outDir: values.out } : {}),
    onProgress,
  });
  if (tty) process.stderr.write("\r\x1b[K");
  if (values.check) {
    if (summary.stale.length) {
      console.error(
        `purekit generate --check: ${summary.stale.length} of ${summary.selected} stale or missing: ` +
          summary.stale.map((s) => `${s.product} ${s.version}`).join(", ") +
          ". Run `purekit generate`.",
      );
      return 1;
    }
    if (!values.quiet) console.log(`purekit generate --check: all ${summary.selected} up to date`);
    return 0;
  }
  if (summary.failures.length) {
    for (const f of summary.failures) console.error(`purekit generate: ${f.message} [${f.code}]`);
    console.error(`purekit generate: ${summary.failures.length} of ${summary.selected} failed`);
    return 1;
  }
  if (!values.quiet || summary.generated.length) {
    console.log(
      `purekit generate: ${summary.generated.length} generated, ${summary.skipped} up to date, ` +
        `${summary.selected} selected in ${formatMs(summary.ms)}`,
    );
  }
  return 0;
}
