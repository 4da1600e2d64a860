/**
 * Figure 4 of `bench/all.ts`: one fresh process's first calls against its own warm calls.
 * Plain JavaScript run by plain `node` (no tsx, no loader), so the process is what a user's
 * process is: purekit comes from `dist/` (the published build), the other sides from
 * undici and Node itself. Prints one JSON line (its result) and exits.
 *
 *   node bench/cold.mjs --side purekit|fetch|request|https --url URL --certs FILE
 *        --headers JSON [--first 100] [--warmup-calls 3000] [--warmup-ms 2500] [--warm-calls 300]
 *
 * Sides (bench/callers.mjs): purekit (the FlashArray client of dist/runtime/flasharray.js,
 * which logs in on its first call), undici fetch, undici request (no Request, Response,
 * Headers or web stream: the floor of an undici client), node:https (Node's own client).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { fetchCaller, httpsCaller, purekitCaller, requestCaller } from "./callers.mjs";

const bootMs = performance.now();
const { values } = parseArgs({
  options: {
    side: { type: "string" },
    url: { type: "string" },
    certs: { type: "string" },
    headers: { type: "string", default: "[]" },
    first: { type: "string", default: "100" },
    "warmup-calls": { type: "string", default: "3000" },
    "warmup-ms": { type: "string", default: "2500" },
    "warm-calls": { type: "string", default: "300" },
  },
});
const url = String(values.url);
const { caPem } = JSON.parse(readFileSync(String(values.certs), "utf8"));
/** @type {[string, string][]} */
const headers = JSON.parse(String(values.headers));

async function purekit() {
  const { createFlashArrayClient } = await import("../dist/runtime/flasharray.js");
  return purekitCaller(createFlashArrayClient, url, caPem);
}
const sides = {
  purekit,
  fetch: () => fetchCaller(url, caPem, headers),
  request: () => requestCaller(url, caPem, headers),
  https: () => httpsCaller(url, caPem, headers),
};
const make = sides[/** @type {keyof typeof sides} */ (values.side)];
if (make === undefined)
  throw new Error(`bench/cold.mjs: --side must be one of ${Object.keys(sides).join(", ")}`);

const setupStart = performance.now();
const caller = await make();
const setupMs = performance.now() - setupStart;
const first = [];
for (let i = 0; i < Number(values.first); i++) {
  const t = performance.now();
  await caller.call();
  first.push(performance.now() - t);
}
// Warm-up, then the warm calls: both bounded by a count and a time.
const warmupEnd = performance.now() + Number(values["warmup-ms"]);
for (let i = 0; i < Number(values["warmup-calls"]) && performance.now() < warmupEnd; i++) await caller.call();
let warmCalls = 0;
const warmStart = performance.now();
const warmEnd = warmStart + 60_000;
while (warmCalls < Number(values["warm-calls"]) && performance.now() < warmEnd) {
  await caller.call();
  warmCalls++;
}
const warmMs = performance.now() - warmStart;
await caller.close();
console.log(
  JSON.stringify({
    side: values.side,
    bootMs,
    setupMs,
    firstCallMs: first[0] ?? Number.NaN,
    firstMeanMs: first.reduce((a, b) => a + b, 0) / first.length,
    warmMeanMs: warmMs / warmCalls,
    first: first.length,
    warmCalls,
  }),
);
process.exit(0);
