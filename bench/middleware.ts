/**
 * What middleware and the request log cost per call: `getVolumes` against a canned
 * in-process answer (no mock, no network: the pipeline's own work is what is timed),
 * with no middleware, a middleware that reads the request, one that sets a header, and
 * a debug logger that receives the per-attempt record. Rounds interleaved; best of 5.
 *
 *   node --import tsx bench/middleware.ts
 */

import { createFlashArrayClient } from "../runtime/flasharray.ts";
import type { Logger, Middleware } from "../runtime/index.ts";

const CALLS = 2000;
const ROUNDS = 5;
const page = JSON.stringify({ items: [{ name: "v1", provisioned: 1 }], more_items_remaining: false });
const canned = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = new Request(input, init).url;
  if (url.endsWith("/api/api_version")) return Response.json({ version: ["2.56"] });
  if (url.endsWith("/login")) return new Response("{}", { headers: { "x-auth-token": "session-token-123" } });
  return new Response(page, { headers: { "content-type": "application/json" } });
};

const cases: [string, Middleware | undefined, Logger][] = [
  ["no middleware, no debug log", undefined, {}],
  ["onRequest that reads the URL", { onRequest: ({ request }) => void request.url }, {}],
  ["onRequest that sets a header", { onRequest: ({ request }) => void request.headers.set("x-t", "1") }, {}],
  ["debug logger (record per attempt)", undefined, { debug: () => {} }],
];
const best = new Map<string, number>();
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, middleware, logger] of cases) {
    const fa = await createFlashArrayClient({
      host: "array.test",
      auth: { apiToken: "T-bench-token" },
      fetch: canned,
      logger,
    });
    if (middleware) fa.use(middleware);
    for (let i = 0; i < 100; i++) await fa.getVolumes({ limit: 1 });
    const start = performance.now();
    for (let i = 0; i < CALLS; i++) await fa.getVolumes({ limit: 1 });
    const us = ((performance.now() - start) * 1000) / CALLS;
    best.set(name, Math.min(best.get(name) ?? Number.POSITIVE_INFINITY, us));
    await fa.close();
  }
}
for (const [name, us] of best) console.log(`${name.padEnd(34)} ${us.toFixed(0).padStart(5)} µs/call`);
