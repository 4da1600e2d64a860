/**
 * Worker thread: generates one product's stale versions per message, oldest first, with
 * one incremental printer (incremental.ts), so each version prints only what its
 * predecessor did not have. It writes each version's raw output itself, so no version's
 * text crosses to the orchestrator or stays in memory after it is written.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parentPort } from "node:worker_threads";
import { PurekitError } from "../runtime/errors.ts";
import type { Product } from "../spec/table.ts";
import { emitVersion } from "./emit.ts";
import { createTypesPrinter } from "./incremental.ts";
import { collectGarbage } from "./memory.ts";
import { parseSpec } from "./spec-parse.ts";

export interface WorkerJob {
  id: number;
  product: Product;
  version: string;
  /** The spec file the orchestrator found (and checked); named in the output's header. */
  source: string;
  sha256: string;
  /** Where the raw output goes (`<out>/.raw/<product>/<version>`). */
  dir: string;
  /** The generator hash the stamp carries. */
  generator: string;
}

/** One product's stale versions, oldest first. */
export interface WorkerBatch {
  jobs: WorkerJob[];
}

export type WorkerResult =
  | { id: number; ok: true; operations: number; authOperations: number }
  | { id: number; ok: false; code: string; message: string };

export type WorkerMessage =
  | { type: "begin"; id: number }
  | ({ type: "done" } & WorkerResult)
  | { type: "batch-done" };

/** The stamp a version's raw output carries; written last, so a cut-off run leaves it stale. */
export interface Stamp {
  sha256: string;
  generator: string;
  operations: number;
}

async function readChecked(job: WorkerJob): Promise<string> {
  const bytes = await readFile(job.source);
  const actual = createHash("sha256").update(bytes).digest("hex");
  if (actual !== job.sha256) {
    // The file changed after the orchestrator checked it.
    throw new PurekitError(
      "ERR_SPEC_CHECKSUM",
      `Checksum mismatch for ${job.source} (${job.product} ${job.version}): expected sha256 ${job.sha256}, ` +
        `got ${actual}. The file changed during the run; replace it with the vendor's file and run again.`,
    );
  }
  return new TextDecoder().decode(bytes);
}

async function runJob(
  job: WorkerJob,
  printTypes: ((doc: unknown) => Promise<string>) | undefined,
): Promise<WorkerResult> {
  const out = await emitVersion(
    await readChecked(job),
    { product: job.product, version: job.version, source: job.source },
    printTypes ? { parse: parseSpec, printTypes } : { parse: parseSpec },
  );
  await rm(job.dir, { recursive: true, force: true });
  await mkdir(job.dir, { recursive: true });
  await writeFile(join(job.dir, "types.ts"), out.raw.types);
  await writeFile(join(job.dir, "table.json"), JSON.stringify(out.raw.table));
  await writeFile(join(job.dir, "schemas.json"), JSON.stringify(out.raw.schemas));
  const stamp: Stamp = { sha256: job.sha256, generator: job.generator, operations: out.operations };
  await writeFile(join(job.dir, ".stamp.json"), `${JSON.stringify(stamp)}\n`);
  return { id: job.id, ok: true, operations: out.operations, authOperations: out.authOperations };
}

/**
 * Generates a batch in order, reporting each job's begin and result to `post`. Runs in a
 * worker thread, or in the orchestrator's thread when there is one worker's worth of work.
 */
export async function runBatch(batch: WorkerBatch, post: (m: WorkerMessage) => void): Promise<void> {
  // One version alone (a `--spec` run, `--version 2.56`) has nothing to share: openapi-typescript
  // runs as it is, with its redocly checks of the document.
  const printer = batch.jobs.length > 1 ? createTypesPrinter() : undefined;
  const printTypes = printer && ((doc: unknown) => printer.print(doc));
  for (const job of batch.jobs) {
    post({ type: "begin", id: job.id });
    let result: WorkerResult;
    try {
      result = await runJob(job, printTypes);
    } catch (e) {
      const err = e as { code?: string; message?: string };
      result = { id: job.id, ok: false, code: err.code ?? "ERR_GENERATE", message: err.message ?? String(e) };
    }
    collectGarbage();
    post({ type: "done", ...result });
  }
  post({ type: "batch-done" });
}

parentPort?.on("message", (batch: WorkerBatch) => runBatch(batch, (m) => parentPort?.postMessage(m)));
