/**
 * Memory of `paginate()` while streaming a large collection: the heap after
 * each page, compared with the heap after the first page (the baseline,
 * measured in the same run). Constant memory means the ratio stays near 1
 * however many items have streamed.
 *
 *   node --expose-gc --import tsx bench/paginate.ts [--volumes 100000] [--limit 1000]
 */
import { parseArgs } from "node:util";
import { createFlashArrayMock } from "../mock/index.ts";
import { createFlashArrayClient } from "../runtime/flasharray.ts";

const { values } = parseArgs({
  options: { volumes: { type: "string", default: "100000" }, limit: { type: "string", default: "1000" } },
});
const total = Number(values.volumes);
const limit = Number(values.limit);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc so the heap can be measured after collection");
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

const array = createFlashArrayMock({ seed: { volumes: total } });
await array.ready;
const fa = await createFlashArrayClient({
  host: array.baseUrl,
  auth: { apiToken: array.apiToken },
  fetch: array.fetch,
});

let items = 0;
let baseline = 0;
let peak = 0;
const started = performance.now();
for await (const _volume of fa.paginate("/volumes", { params: { query: { limit } } })) {
  items++;
  if (items === limit) baseline = heapMb();
  else if (items % (limit * 10) === 0) peak = Math.max(peak, heapMb());
}
const seconds = (performance.now() - started) / 1000;
await fa.close();
console.log(
  `streamed ${items} volumes in ${items / limit} pages of ${limit}: ${seconds.toFixed(1)} s, ${Math.round(items / seconds)} items/s`,
);
console.log(
  `heap after page 1 (baseline): ${baseline.toFixed(1)} MB; peak after later pages: ${peak.toFixed(1)} MB`,
);
console.log(`ratio peak/baseline: ${(peak / baseline).toFixed(2)} (1.00 = constant memory)`);
