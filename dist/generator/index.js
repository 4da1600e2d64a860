/**
 * `purekit generate`: every selected spec → `generated/<product>/<version>/`,
 * in parallel worker threads, skipping what is already up to date.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { PurekitError } from "../runtime/errors.js";
import { compareVersions, manifest as defaultManifest, findSpec, listSpecs, REPO_ROOT, resolveSpec, } from "../spec/index.js";
import { emitProduct } from "./product.js";
export { friendlyName } from "./names.js";
// emit.ts (openapi-typescript, and through it the TypeScript compiler) loads only in workers:
// an up-to-date run must not pay for it.
export const DEFAULT_OUT_DIR = join(REPO_ROOT, "generated");
/** The files of the per-version step: a change to any of them makes every version stale. */
const GENERATOR_FILES = ["./emit", "./names", "./transform", "./worker", "../spec/table"];
/** The files of the pooling step: a change to them re-pools the raw output, without re-running the workers. */
const POOL_FILES = ["./product", "./share", "./split-types"];
/** `.ts` in a checkout (run through tsx), `.js` in the installed package. */
const EXT = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
/** The installed version of a tool the generator runs, found from this module as Node would find it. */
async function toolVersion(name) {
    let url;
    try {
        url = import.meta.resolve(name);
    }
    catch (cause) {
        throw new PurekitError("ERR_MISSING_DEPENDENCY", `purekit generate needs ${name}, which is not installed. Run: npm install --save-dev openapi-typescript typescript`, { cause });
    }
    for (let dir = dirname(fileURLToPath(url)); dir !== dirname(dir); dir = dirname(dir)) {
        try {
            const json = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
            if (json.name === name)
                return json.version ?? "unknown";
        }
        catch {
            // not this folder
        }
    }
    return "unknown";
}
let generatorHashCache;
let poolHashCache;
/** Hash of the pooling step's code: part of each product's stamp. */
async function poolHash() {
    if (poolHashCache)
        return poolHashCache;
    const h = createHash("sha256");
    for (const f of POOL_FILES)
        h.update(await readFile(new URL(`${f}${EXT}`, import.meta.url)));
    poolHashCache = h.digest("hex").slice(0, 16);
    return poolHashCache;
}
/** Hash of the generator's own code and of the tools it runs: a change to any of them makes output stale. */
export async function generatorHash() {
    if (generatorHashCache)
        return generatorHashCache;
    const h = createHash("sha256");
    for (const f of GENERATOR_FILES)
        h.update(await readFile(new URL(`${f}${EXT}`, import.meta.url)));
    for (const pkg of ["openapi-typescript", "typescript"])
        h.update(`${pkg}@${await toolVersion(pkg)}`);
    generatorHashCache = h.digest("hex").slice(0, 16);
    return generatorHashCache;
}
/** Which specs a `--product`/`--version` pair selects. */
export function selectSpecs(options) {
    const m = options.manifest ?? defaultManifest;
    const version = options.version ?? "all";
    if (version === "all")
        return listSpecs(options.product, m);
    if (options.product)
        return [findSpec(options.product, version, m)];
    if (version === "latest") {
        return ["flasharray", "flashblade", "pure1"].map((p) => findSpec(p, "latest", m));
    }
    const matches = listSpecs(undefined, m).filter((s) => s.version === version);
    if (!matches.length)
        findSpec("flasharray", version, m); // throws the descriptive error
    return matches;
}
async function readStamp(dir) {
    try {
        return JSON.parse(await readFile(join(dir, ".stamp.json"), "utf8"));
    }
    catch {
        return undefined;
    }
}
/** A fixed-size pool of generator workers, fed largest spec first. */
class WorkerPool {
    workers = [];
    pending = new Map();
    idle = [];
    // Jobs are made when a worker takes them: a spec's text (tens of MB as a string) lives only while it is being generated.
    queue = [];
    crashed;
    constructor(size) {
        for (let i = 0; i < size; i++) {
            // From a checkout the worker needs tsx's loader (worker-entry.mjs); the package runs worker.js.
            const w = new Worker(new URL(EXT === ".ts" ? "./worker-entry.mjs" : "./worker.js", import.meta.url));
            w.on("message", (r) => {
                const done = this.pending.get(r.id);
                this.pending.delete(r.id);
                this.next(w);
                done?.(r);
            });
            w.on("error", (e) => {
                // A crashed worker (not a bad spec: those come back as messages) fails the whole run once.
                this.crashed ??= e;
                this.queue.length = 0;
                for (const [id, done] of this.pending)
                    done({ id, ok: false, code: "ERR_GENERATE", message: e.message });
                this.pending.clear();
            });
            this.workers.push(w);
            this.idle.push(w);
        }
    }
    run(id, make) {
        return new Promise((resolve) => {
            if (this.crashed) {
                resolve({ id, ok: false, code: "ERR_GENERATE", message: this.crashed.message });
                return;
            }
            this.pending.set(id, resolve);
            const w = this.idle.pop();
            if (w)
                w.postMessage(make());
            else
                this.queue.push({ id, make });
        });
    }
    next(w) {
        const job = this.queue.shift();
        if (job)
            w.postMessage(job.make());
        else
            this.idle.push(w);
    }
    async close() {
        await Promise.all(this.workers.map((w) => w.terminate()));
    }
}
/**
 * Generates typed clients and operation tables.
 *
 * @example
 * ```ts
 * const summary = await generate({ product: "flasharray", version: "latest" });
 * console.log(summary.generated.length, "generated,", summary.skipped, "up to date");
 * ```
 */
export async function generate(options = {}) {
    const t0 = performance.now();
    const outDir = options.outDir ?? DEFAULT_OUT_DIR;
    const selected = selectSpecs(options);
    const gen = await generatorHash();
    const stale = [];
    for (const entry of selected) {
        const stamp = await readStamp(rawDir(outDir, entry.product, entry.version));
        if (options.force || !stamp || stamp.sha256 !== entry.sha256 || stamp.generator !== gen)
            stale.push(entry);
    }
    const summary = {
        selected: selected.length,
        generated: [],
        skipped: selected.length - stale.length,
        stale: [],
        failures: [],
        ms: 0,
    };
    options.onProgress?.({ type: "start", total: selected.length, stale: stale.length });
    if (options.check) {
        summary.stale = stale;
    }
    else if (stale.length) {
        await generateStale(stale, gen, outDir, options, summary);
    }
    const products = [...new Set(selected.map((e) => e.product))];
    if (options.check) {
        for (const p of products) {
            if (await productStale(outDir, p, gen))
                summary.stale.push(...selected.filter((e) => e.product === p && !summary.stale.includes(e)));
        }
    }
    else {
        await writeProducts(outDir, gen, products);
    }
    summary.ms = performance.now() - t0;
    return summary;
}
async function generateStale(stale, gen, outDir, options, summary) {
    // Read every spec first: a missing or tampered file stops the run before any work.
    const resolved = await Promise.all(stale.map((e) => resolveSpec(e, options)));
    resolved.sort((a, b) => b.bytes.length - a.bytes.length);
    const size = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), resolved.length));
    const pool = new WorkerPool(size);
    let done = 0;
    const decoder = new TextDecoder();
    try {
        await Promise.all(resolved.map(async (spec, id) => {
            const { entry } = spec;
            const started = performance.now();
            options.onProgress?.({ type: "begin", entry });
            const result = await pool.run(id, () => ({
                id,
                text: decoder.decode(spec.bytes),
                product: entry.product,
                version: entry.version,
                source: spec.path,
            }));
            done++;
            if (pool.crashed)
                return;
            if (!result.ok) {
                summary.failures.push({ entry, code: result.code, message: result.message });
                summary.stale.push(entry);
                options.onProgress?.({
                    type: "failed",
                    entry,
                    done,
                    total: resolved.length,
                    message: result.message,
                });
                return;
            }
            const dir = rawDir(outDir, entry.product, entry.version);
            await rm(dir, { recursive: true, force: true });
            await mkdir(dir, { recursive: true });
            await writeFile(join(dir, "types.ts"), result.raw.types);
            await writeFile(join(dir, "table.json"), JSON.stringify(result.raw.table));
            await writeFile(join(dir, "schemas.json"), JSON.stringify(result.raw.schemas));
            // The stamp goes last: a run cut off midway leaves the folder stale, never half-fresh.
            const stamp = { sha256: entry.sha256, generator: gen, operations: result.operations };
            await writeFile(join(dir, ".stamp.json"), `${JSON.stringify(stamp)}\n`);
            summary.generated.push(entry);
            options.onProgress?.({
                type: "done",
                entry,
                done,
                total: resolved.length,
                ms: performance.now() - started,
                operations: result.operations,
            });
        }));
    }
    finally {
        await pool.close();
    }
    if (pool.crashed) {
        throw new PurekitError("ERR_GENERATE", `a generator worker crashed: ${pool.crashed.message}`, {
            cause: pool.crashed,
        });
    }
}
/** Where a version's raw worker output is kept between runs (not shipped: the pooled product output is). */
export function rawDir(outDir, product, version) {
    return join(outDir, ".raw", product, version);
}
async function writeIfChanged(file, content) {
    const current = existsSync(file) ? await readFile(file, "utf8") : undefined;
    if (current === content)
        return false;
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
    return true;
}
/** Versions with fresh raw output, oldest first. */
async function rawVersions(outDir, product, gen) {
    const dir = join(outDir, ".raw", product);
    if (!existsSync(dir))
        return [];
    const out = [];
    for (const v of await readdir(dir)) {
        const stamp = await readStamp(join(dir, v));
        if (stamp?.generator === gen)
            out.push(v);
    }
    return out.sort(compareVersions);
}
async function productStamp(outDir, product, versions, gen) {
    const h = createHash("sha256")
        .update(gen)
        .update(await poolHash());
    for (const v of versions)
        h.update(`${v}:${await readFile(join(rawDir(outDir, product, v), ".stamp.json"), "utf8")}`);
    return h.digest("hex").slice(0, 16);
}
/** Whether a product's pooled output is missing or older than its raw versions. */
async function productStale(outDir, product, gen) {
    const versions = await rawVersions(outDir, product, gen);
    if (!versions.length)
        return false;
    const stamp = existsSync(join(outDir, product, ".stamp"))
        ? (await readFile(join(outDir, product, ".stamp"), "utf8")).trim()
        : "";
    return stamp !== (await productStamp(outDir, product, versions, gen));
}
/**
 * Pools every version of a product with fresh raw output into `<out>/<product>/`
 * (see product.ts), removing files no longer produced. Skipped when nothing changed.
 */
async function writeProducts(outDir, gen, products) {
    await mkdir(outDir, { recursive: true });
    // The output folder is self-contained: it carries the contract its declarations refer to.
    await writeIfChanged(join(outDir, "table.d.ts"), `// Copied by purekit from spec/table.ts. Do not edit.\n${await readFile(new URL(`../spec/table${EXT === ".ts" ? ".ts" : ".d.ts"}`, import.meta.url), "utf8")}`);
    for (const product of products) {
        if (!(await productStale(outDir, product, gen)))
            continue;
        const versions = await rawVersions(outDir, product, gen);
        const raws = [];
        for (const version of versions) {
            const dir = rawDir(outDir, product, version);
            raws.push({
                version,
                types: await readFile(join(dir, "types.ts"), "utf8"),
                table: JSON.parse(await readFile(join(dir, "table.json"), "utf8")),
                schemas: JSON.parse(await readFile(join(dir, "schemas.json"), "utf8")),
            });
        }
        const files = emitProduct(product, raws);
        raws.length = 0;
        const root = join(outDir, product);
        const wanted = new Set([...files.keys()].map((f) => join(root, f)));
        if (existsSync(root)) {
            for (const f of await readdir(root, { recursive: true })) {
                const full = join(root, f);
                if (!wanted.has(full) &&
                    f !== ".stamp" &&
                    (f.endsWith(".js") || f.endsWith(".ts") || f.endsWith(".json")))
                    await rm(full, { force: true });
            }
        }
        for (const [f, content] of files)
            await writeIfChanged(join(root, f), content);
        await writeFile(join(root, ".stamp"), `${await productStamp(outDir, product, versions, gen)}\n`);
    }
}
export { PurekitError };
//# sourceMappingURL=index.js.map