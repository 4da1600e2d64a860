/**
 * Worker thread: generates one spec per message. openapi-typescript is
 * CPU-bound, so the orchestrator runs one of these per core.
 */
import { parentPort } from "node:worker_threads";
import { emitVersion } from "./emit.js";
parentPort?.on("message", async (job) => {
    let result;
    try {
        const out = await emitVersion(job.text, job);
        result = { id: job.id, ok: true, ...out };
    }
    catch (e) {
        const err = e;
        result = { id: job.id, ok: false, code: err.code ?? "ERR_GENERATE", message: err.message ?? String(e) };
    }
    parentPort?.postMessage(result);
});
//# sourceMappingURL=worker.js.map