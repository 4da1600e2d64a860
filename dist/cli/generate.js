import { parseArgs } from "node:util";
import { generate } from "../generator/index.js";
import { PurekitError } from "../runtime/errors.js";
import { isProduct } from "../spec/index.js";
const HELP = `purekit generate [--product flasharray|flashblade|pure1] [--version 2.38|latest|all] [--check] [--force]

Generates generated/<product>/<version>/ (types, operation table, schemas) for
each selected spec. Unchanged specs are skipped. Specs are read from
PURE_SPECS_DIR, then ../shared/specs, then downloaded (checksums verified).

  --product P    one product (default: all three)
  --version V    a version, "latest" or "all" (default: all)
  --check        exit 1 when output is stale or missing; generate nothing
  --force        regenerate even what is up to date
  --offline      never download a spec
  --out DIR      write here instead of generated/
  --quiet        print nothing on success`;
function formatMs(ms) {
    return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
export async function run(argv) {
    const { values } = parseArgs({
        args: argv,
        options: {
            product: { type: "string" },
            version: { type: "string" },
            check: { type: "boolean" },
            force: { type: "boolean" },
            offline: { type: "boolean" },
            quiet: { type: "boolean" },
            out: { type: "string" },
            help: { type: "boolean", short: "h" },
        },
    });
    if (values.help) {
        console.log(HELP);
        return 0;
    }
    if (values.product !== undefined && !isProduct(values.product)) {
        throw new PurekitError("ERR_INVALID_ARGUMENT", `unknown product "${values.product}"; use flasharray, flashblade or pure1`);
    }
    const tty = process.stderr.isTTY === true && !values.quiet;
    const started = performance.now();
    const active = new Set();
    const onProgress = (e) => {
        if (e.type === "begin")
            active.add(`${e.entry.product} ${e.entry.version}`);
        if (e.type === "done" || e.type === "failed")
            active.delete(`${e.entry.product} ${e.entry.version}`);
        if (e.type === "failed")
            process.stderr.write(`${tty ? "\r\x1b[K" : ""}failed: ${e.message}\n`);
        if (tty && (e.type === "done" || e.type === "begin")) {
            const done = e.type === "done" ? e.done : 0;
            const total = e.type === "done" ? e.total : "…";
            process.stderr.write(`\r\x1b[K[${done}/${total}] ${formatMs(performance.now() - started)} generating ${[...active].join(", ")}`);
        }
    };
    const summary = await generate({
        product: values.product,
        version: values.version,
        check: values.check === true,
        force: values.force === true,
        offline: values.offline === true,
        ...(values.out ? { outDir: values.out } : {}),
        onProgress,
    });
    if (tty)
        process.stderr.write("\r\x1b[K");
    if (values.check) {
        if (summary.stale.length) {
            console.error(`purekit generate --check: ${summary.stale.length} of ${summary.selected} stale or missing: ` +
                summary.stale.map((s) => `${s.product} ${s.version}`).join(", ") +
                ". Run `purekit generate`.");
            return 1;
        }
        if (!values.quiet)
            console.log(`purekit generate --check: all ${summary.selected} up to date`);
        return 0;
    }
    if (summary.failures.length) {
        for (const f of summary.failures)
            console.error(`purekit generate: ${f.message} [${f.code}]`);
        console.error(`purekit generate: ${summary.failures.length} of ${summary.selected} failed`);
        return 1;
    }
    if (!values.quiet || summary.generated.length) {
        console.log(`purekit generate: ${summary.generated.length} generated, ${summary.skipped} up to date, ` +
            `${summary.selected} selected in ${formatMs(summary.ms)}`);
    }
    return 0;
}
//# sourceMappingURL=generate.js.map