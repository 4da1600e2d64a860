/**
 * `purekit generate`: every selected spec → `generated/<product>/`, skipping what is
 * already up to date. A worker thread generates each product's stale versions in order
 * (worker.ts), reusing what neighbouring versions share (incremental.ts); then each
 * product's versions are pooled (product.ts).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { PurekitError } from "../runtime/errors.ts";
import {
  compareVersions,
  manifest as defaultManifest,
  findSpec,
  listSpecs,
  type Manifest,
  REPO_ROOT,
  type ResolveOptions,
  resolveSpec,
  type SpecEntry,
} from "../spec/index.ts";
import type { OperationTable, Product } from "../spec/table.ts";
import { collectGarbage } from "./memory.ts";
import { emitProduct, type RawVersion } from "./product.ts";
import type { Stamp, WorkerBatch, WorkerJob, WorkerMessage, WorkerResult } from "./worker.ts";

export type * from "../spec/table.ts";
export { friendlyName } from "./names.ts";
// emit.ts (openapi-typescript, and through it the TypeScript compiler) loads only in workers:
// an up-to-date run must not pay for it.

export const DEFAULT_OUT_DIR = join(REPO_ROOT, "generated");

/** The files of the per-version step: a change to any of them makes every version stale. */
export const GENERATOR_FILES = [
  "./emit",
  "./names",
  "./transform",
  "./worker",
  "./incremental",
  "./spec-parse",
  "./openapi-ts",
  "../spec/table",
];
/** The files of the pooling step: a change to them re-pools the raw output, without re-running the workers. */
export const POOL_FILES = ["./product", "./share", "./split-types", "./latest"];

/** `.ts` in a checkout (run through tsx), `.js` in the installed package. */
const EXT = import.meta.url.endsWith(".ts") ? ".ts" : ".js";

/** The installed version of a tool the generator runs, found from this module as Node would find it. */
async function toolVersion(name: string): Promise<string> {
  let url: string;
  try {
    // createRequire resolves the same package Node would load, and works under test runners
    // whose module loaders lack import.meta.resolve.
    url = pathToFileURL(createRequire(import.meta.url).resolve(name)).href;
  } catch (cause) {
    throw new PurekitError(
      "ERR_MISSING_DEPENDENCY",
      `purekit generate needs ${name}, which is not installed. Run: npm install --save-dev openapi-typescript typescript`,
      { cause },
    );
  }
  for (let dir = dirname(fileURLToPath(url)); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const json = JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (json.name === name) return json.version ?? "unknown";
    } catch {
      // not this folder
    }
  }
  return "unknown";
}

export interface GenerateOptions extends ResolveOptions {
  product?: Product | undefined;
  /** A version, `latest`, or `all` (default). */
  version?: string | undefined;
  /** Report stale or missing output instead of generating. */
  check?: boolean;
  /** Regenerate even when up to date. */
  force?: boolean;
  outDir?: string;
  /** Worker threads, each generating one product at a time; default 1 (see generateStale). */
  concurrency?: number;
  manifest?: Manifest;
  onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { type: "start"; total: number; stale: number }
  | { type: "begin"; entry: SpecEntry }
  | { type: "done"; entry: SpecEntry; done: number; total: number; ms: number; operations: number }
  | { type: "failed"; entry: SpecEntry; done: number; total: number; message: string };

export interface GenerateSummary {
  selected: number;
  generated: SpecEntry[];
  skipped: number;
  /** Stale or missing (with `check`), or failed. */
  stale: SpecEntry[];
  failures: { entry: SpecEntry; code: string; message: string }[];
  ms: number;
}

let generatorHashCache: string | undefined;
let poolHashCache: string | undefined;

/** Hash of the pooling step's code: part of each product's stamp. */
async function poolHash(): Promise<string> {
  if (poolHashCache) return poolHashCache;
  const h = createHash("sha256");
  for (const f of POOL_FILES) h.update(await readFile(new URL(`${f}${EXT}`, import.meta.url)));
  poolHashCache = h.digest("hex").slice(0, 16);
  return poolHashCache;
}

/** Hash of the generator's own code and of the tools it runs: a change to any of them makes output stale. */
export async function generatorHash(): Promise<string> {
  if (generatorHashCache) return generatorHashCache;
  const h = createHash("sha256");
  for (const f of GENERATOR_FILES) h.update(await readFile(new URL(`${f}${EXT}`, import.meta.url)));
  for (const pkg of ["openapi-typescript", "typescript"]) h.update(`${pkg}@${await toolVersion(pkg)}`);
  generatorHashCache = h.digest("hex").slice(0, 16);
  return generatorHashCache;
}

/** Which specs a `--product`/`--version` pair selects. */
export function selectSpecs(options: Pick<GenerateOptions, "product" | "version" | "manifest">): SpecEntry[] {
  const m = options.manifest ?? defaultManifest;
  const version = options.version ?? "all";
  if (version === "all") return listSpecs(options.product, m);
  if (options.product) return [findSpec(options.product, version, m)];
  if (version === "latest") {
    return (["flasharray", "flashblade", "pure1"] as const).map((p) => findSpec(p, "latest", m));
  }
  const matches = listSpecs(undefined, m).filter((s) => s.version === version);
  if (!matches.length) findSpec("flasharray", version, m); // throws the descriptive error
  return matches;
}

async function readStamp(dir: string): Promise<Stamp | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, ".stamp.json"), "utf8")) as Stamp;
  } catch {
    return undefined;
  }
}

/**
 * Generator workers, each taking one product's stale versions at a time (largest product
 * first), so versions that share most of their members meet the same incremental printer.
 */
class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: WorkerBatch[] = [];
  /** Per job id: the begin and done callbacks of whoever waits for it. */
  private readonly pending = new Map<number, { begin: () => void; done: (r: WorkerResult) => void }>();
  crashed: Error | undefined;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      // From a checkout the worker needs tsx's loader (worker-entry.mjs); the package runs worker.js.
      const w = new Worker(new URL(EXT === ".ts" ? "./worker-entry.mjs" : "./worker.js", import.meta.url));
      w.on("message", (m: WorkerMessage) => {
        if (m.type === "batch-done") {
          this.next(w);
          return;
        }
        const waiting = this.pending.get(m.id);
        if (m.type === "begin") {
          waiting?.begin();
          return;
        }
        this.pending.delete(m.id);
        const { type: _, ...result } = m;
        waiting?.done(result);
      });
      w.on("error", (e) => {
        // A crashed worker (not a bad spec: those come back as messages) fails the whole run once.
        this.crashed ??= e;
        this.queue.length = 0;
        for (const [id, { done }] of this.pending)
          done({ id, ok: false, code: "ERR_GENERATE", message: e.message });
        this.pending.clear();
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  /** Queues a batch; each job's callbacks run as the worker reports it. */
  run(batch: WorkerBatch, begin: (job: WorkerJob) => void): Promise<WorkerResult>[] {
    const results = batch.jobs.map(
      (job) =>
        new Promise<WorkerResult>((resolve) => {
          if (this.crashed)
            resolve({ id: job.id, ok: false, code: "ERR_GENERATE", message: this.crashed.message });
          else this.pending.set(job.id, { begin: () => begin(job), done: resolve });
        }),
    );
    if (!this.crashed) {
      const w = this.idle.pop();
      if (w) w.postMessage(batch);
      else this.queue.push(batch);
    }
    return results;
  }

  private next(w: Worker): void {
    const batch = this.queue.shift();
    if (batch) w.postMessage(batch);
    else this.idle.push(w);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * The same interface as WorkerPool, generating in this thread, one batch after another.
 * With one worker's worth of work this is what runs: a worker thread would load its own
 * copy of the TypeScript compiler (and, from a checkout, of tsx) beside this thread's.
 */
class InThreadPool {
  private chain: Promise<void> = Promise.resolve();
  crashed: Error | undefined;

  run(batch: WorkerBatch, begin: (job: WorkerJob) => void): Promise<WorkerResult>[] {
    const waiting = new Map<number, (r: WorkerResult) => void>();
    const results = batch.jobs.map(
      (job) => new Promise<WorkerResult>((resolve) => waiting.set(job.id, resolve)),
    );
    const jobs = new Map(batch.jobs.map((j) => [j.id, j]));
    this.chain = this.chain.then(async () => {
      try {
        const { runBatch } = await import("./worker.ts");
        await runBatch(batch, (m) => {
          if (m.type === "begin") begin(jobs.get(m.id)!);
          else if (m.type === "done") {
            const { type: _, ...result } = m;
            waiting.get(m.id)?.(result);
          }
        });
      } catch (e) {
        // runBatch reports a bad spec as a result; anything thrown is the generator's own failure.
        this.crashed ??= e as Error;
        for (const [id, done] of waiting)
          done({ id, ok: false, code: "ERR_GENERATE", message: (e as Error).message });
      }
    });
    return results;
  }

  async close(): Promise<void> {
    await this.chain;
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
export async function generate(options: GenerateOptions = {}): Promise<GenerateSummary> {
  const t0 = performance.now();
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const selected = selectSpecs(options);
  const gen = await generatorHash();
  const stale: SpecEntry[] = [];
  for (const entry of selected) {
    const stamp = await readStamp(rawDir(outDir, entry.product, entry.version));
    if (options.force || !stamp || stamp.sha256 !== entry.sha256 || stamp.generator !== gen)
      stale.push(entry);
  }
  const summary: GenerateSummary = {
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
  } else if (stale.length) {
    await generateStale(stale, gen, outDir, options, summary);
  }
  const products = [...new Set(selected.map((e) => e.product))];
  if (options.check) {
    for (const p of products) {
      if ((await productState(outDir, p, gen)).stale)
        summary.stale.push(...selected.filter((e) => e.product === p && !summary.stale.includes(e)));
    }
  } else {
    await writeProducts(outDir, gen, products);
  }
  summary.ms = performance.now() - t0;
  return summary;
}

async function generateStale(
  stale: SpecEntry[],
  gen: string,
  outDir: string,
  options: GenerateOptions,
  summary: GenerateSummary,
): Promise<void> {
  // Find and check every spec first: a missing or tampered file stops the run before any
  // work. Only the paths are kept; each worker reads its file again when it gets to it
  // (and checks it again), so no spec's bytes wait in memory.
  const batches = new Map<Product, { batch: WorkerBatch; bytes: number; entries: Map<number, SpecEntry> }>();
  let id = 0;
  for (const entry of stale) {
    const spec = await resolveSpec(entry, options);
    let b = batches.get(entry.product);
    if (!b) {
      b = { batch: { jobs: [] }, bytes: 0, entries: new Map() };
      batches.set(entry.product, b);
    }
    b.batch.jobs.push({
      id,
      product: entry.product,
      version: entry.version,
      source: spec.path,
      sha256: entry.sha256,
      dir: rawDir(outDir, entry.product, entry.version),
      generator: gen,
    });
    b.bytes += spec.bytes.length;
    b.entries.set(id++, entry);
  }
  const ordered = [...batches.values()].sort((a, b) => b.bytes - a.bytes);
  for (const b of ordered) b.batch.jobs.sort((x, y) => compareVersions(x.version, y.version));
  // One by default, in this thread: the incremental printer leaves too little work per
  // version for a second thread to pay for its own copy of the compiler in memory.
  const size = Math.max(1, Math.min(options.concurrency ?? 1, ordered.length));
  const pool = size === 1 ? new InThreadPool() : new WorkerPool(size);
  let done = 0;
  const total = stale.length;
  try {
    await Promise.all(
      ordered.flatMap(({ batch, entries }) => {
        const started = new Map<number, number>();
        const results = pool.run(batch, (job) => {
          started.set(job.id, performance.now());
          options.onProgress?.({ type: "begin", entry: entries.get(job.id)! });
        });
        return results.map(async (pending, n) => {
          const result = await pending;
          const entry = entries.get(batch.jobs[n]!.id)!;
          done++;
          if (pool.crashed) return;
          if (!result.ok) {
            summary.failures.push({ entry, code: result.code, message: result.message });
            summary.stale.push(entry);
            options.onProgress?.({ type: "failed", entry, done, total, message: result.message });
            return;
          }
          summary.generated.push(entry);
          options.onProgress?.({
            type: "done",
            entry,
            done,
            total,
            ms: performance.now() - (started.get(result.id) ?? performance.now()),
            operations: result.operations,
          });
        });
      }),
    );
  } finally {
    await pool.close();
  }
  if (pool.crashed) {
    throw new PurekitError("ERR_GENERATE", `a generator worker crashed: ${pool.crashed.message}`, {
      cause: pool.crashed,
    });
  }
}

/** Where a version's raw worker output is kept between runs (not shipped: the pooled product output is). */
export function rawDir(outDir: string, product: Product, version: string): string {
  return join(outDir, ".raw", product, version);
}

async function writeIfChanged(file: string, content: string): Promise<boolean> {
  const current = existsSync(file) ? await readFile(file, "utf8") : undefined;
  if (current === content) return false;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
  return true;
}

/** Versions with fresh raw output, oldest first. */
async function rawVersions(outDir: string, product: Product, gen: string): Promise<string[]> {
  const dir = join(outDir, ".raw", product);
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const v of await readdir(dir)) {
    const stamp = await readStamp(join(dir, v));
    if (stamp?.generator === gen) out.push(v);
  }
  return out.sort(compareVersions);
}

async function productStamp(outDir: string, product: Product, versions: readonly string[], gen: string) {
  const h = createHash("sha256")
    .update(gen)
    .update(await poolHash());
  for (const v of versions)
    h.update(`${v}:${await readFile(join(rawDir(outDir, product, v), ".stamp.json"), "utf8")}`);
  return h.digest("hex").slice(0, 16);
}

/**
 * A product's pooling state: its versions with fresh raw output and the stamp its pooled
 * output must carry; `stale` when that output is missing or older.
 */
async function productState(outDir: string, product: Product, gen: string) {
  const versions = await rawVersions(outDir, product, gen);
  if (!versions.length) return { stale: false, versions, stamp: "" };
  const stamp = await productStamp(outDir, product, versions, gen);
  const current = existsSync(join(outDir, product, ".stamp"))
    ? (await readFile(join(outDir, product, ".stamp"), "utf8")).trim()
    : "";
  return { stale: current !== stamp, versions, stamp };
}

/**
 * How far the pooling step's heap may grow before a full collection (see memory.ts): its
 * live data is ~40 MB (FlashArray), and each version read makes tens of MB of garbage,
 * which V8 otherwise lets pile up to ~200 MB before it collects.
 */
const POOL_HEADROOM_MB = 32;

/**
 * Raw JSON files read on demand, the last few kept: the pooling step visits versions one
 * after another, so it never holds more than a few versions' tables or schemas, even
 * where it keeps a reference to every version's object (as emitTables does).
 */
class RawFiles {
  private readonly recent = new Map<string, unknown>();
  constructor(private readonly keep = 4) {}

  json<T>(file: string): T {
    let value = this.recent.get(file);
    if (value === undefined) {
      collectGarbage(POOL_HEADROOM_MB);
      value = JSON.parse(readFileSync(file, "utf8"));
      if (this.recent.size >= this.keep) this.recent.delete(this.recent.keys().next().value!);
      this.recent.set(file, value);
    }
    return value as T;
  }
}

/** An object whose properties are those of `load()`'s, loaded on each access. */
function lazyObject<T extends object>(load: () => T): T {
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(load(), key),
    has: (_, key) => Reflect.has(load(), key),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(load(), key);
      // Reported as configurable: the (empty) target does not have the property.
      return d && { ...d, configurable: true };
    },
    set: () => false,
    deleteProperty: () => false,
    defineProperty: () => false,
  });
}

/**
 * A version's raw output read from `dir` when the pooling step asks for it: its types
 * text on each access, its table and schemas through `files`. A product's raw output is
 * ~400 MB as JavaScript strings and objects (FlashArray); held all at once, it was most
 * of the pooling step's peak memory.
 */
function lazyRaw(dir: string, version: string, files: RawFiles): RawVersion {
  const table = join(dir, "table.json");
  const schemas = join(dir, "schemas.json");
  return {
    version,
    get types() {
      // emitProduct reads each version's types once, one version after another.
      collectGarbage(POOL_HEADROOM_MB);
      return readFileSync(join(dir, "types.ts"), "utf8");
    },
    table: lazyObject(() => files.json<OperationTable>(table)),
    schemas: lazyObject(() => files.json<Record<string, unknown>>(schemas)),
  };
}

/**
 * Pools every version of a product with fresh raw output into `<out>/<product>/`
 * (see product.ts), removing files no longer produced. Skipped when nothing changed.
 */
async function writeProducts(outDir: string, gen: string, products: readonly Product[]): Promise<void> {
  await mkdir(outDir, { recursive: true });
  // The output folder is self-contained: it carries the contract its declarations refer to.
  await writeIfChanged(
    join(outDir, "table.d.ts"),
    `// Copied by purekit from spec/table.ts. Do not edit.\n${await readFile(new URL(`../spec/table${EXT === ".ts" ? ".ts" : ".d.ts"}`, import.meta.url), "utf8")}`,
  );
  for (const product of products) {
    const { stale, versions, stamp } = await productState(outDir, product, gen);
    if (!stale) continue;
    const rawFiles = new RawFiles();
    const raws: RawVersion[] = versions.map((version) =>
      lazyRaw(rawDir(outDir, product, version), version, rawFiles),
    );
    const files = emitProduct(product, raws);
    raws.length = 0;
    const root = join(outDir, product);
    const wanted = new Set([...files.keys()].map((f) => join(root, f)));
    if (existsSync(root)) {
      for (const f of await readdir(root, { recursive: true })) {
        const full = join(root, f);
        if (
          !wanted.has(full) &&
          f !== ".stamp" &&
          (f.endsWith(".js") || f.endsWith(".ts") || f.endsWith(".json"))
        )
          await rm(full, { force: true });
      }
    }
    for (const [f, content] of files) await writeIfChanged(join(root, f), content);
    await writeFile(join(root, ".stamp"), `${stamp}\n`);
  }
}

export { PurekitError };
