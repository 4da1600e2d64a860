/**
 * Worker thread: generates one spec per message. openapi-typescript is
 * CPU-bound, so the orchestrator runs one of these per core.
 */
import { parentPort } from "node:worker_threads";
import type { Product } from "../spec/table.ts";
import { emitVersion } from "./emit.ts";
import type { RawVersion } from "./product.ts";

export interface WorkerJob {
  id: number;
  text: string;
  product: Product;
  version: string;
  source: string;
}

export type WorkerResult =
  | { id: number; ok: true; raw: RawVersion; operations: number; authOperations: number }
  | { id: number; ok: false; code: string; message: string };

parentPort?.on("message", async (job: WorkerJob) => {
  let result: WorkerResult;
  try {
    const out = await emitVersion(job.text, job);
    result = { id: job.id, ok: true, ...out };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    result = { id: job.id, ok: false, code: err.code ?? "ERR_GENERATE", message: err.message ?? String(e) };
  }
  parentPort?.postMessage(result);
});
