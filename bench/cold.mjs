/**
 * Figure 4 of `bench/all.ts`: one fresh process's first calls against its own warm calls.
 * Plain JavaScript run by plain `node` (no tsx, no loader), so the process is what a user's
 * process is: purekit comes from `dist/` (the published build), the other sides from
 * undici and Node itself. Prints one JSON line (its result) and exits.
 *
 *   node bench/cold.mjs --side purekit|fetch|request|https --url URL --certs FILE
 *        --headers JSON [--first 100] [--warmup-calls 3000] [--warmup-ms 2500] [--warm-calls 300]
 *
 * Sides:
 *   purekit  the FlashArray client of dist/runtime/flasharray.js (logs in on its first call);
 *   fetch    undici's fetch with an Agent carrying the CA;
 *   request  undici's `request` on the same kind of Agent: no Request, Response, Headers or
 *            web stream, so the cheapest client built on undici (the floor of purekit's path);
 *   https    node:https with a keep-alive Agent: Node's own client.
 * Every side but purekit sends the version list and login in its set-up, then GETs the
 * volumes with the headers purekit sent; every call checks it got the three volumes.
 */
import { readFileSync } from "node:fs";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { parseArgs } from "node:util";

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
// Must match bench/client-latency.ts (the trivial array's throwaway credentials).
const API_TOKEN = "bench-api-token-not-a-secret";
const SESSION = "bench-session-not-a-secret";
const VERSION = "2.56";

const url = String(values.url);
const { caPem } = JSON.parse(readFileSync(String(values.certs), "utf8"));
/** @type {[string, string][]} */
const headers = JSON.parse(String(values.headers));
const target = `${url}/api/${VERSION}/volumes`;

/** @param {unknown} body */
function check(status, body) {
  if (status !== 200 || body?.items?.length !== 3)
    throw new Error(`${values.side}: unexpected answer ${status}`);
}

/** @returns {Promise<{ call: () => Promise<void>, close: () => Promise<void> }>} */
async function purekit() {
  const { createFlashArrayClient } = await import("../dist/runtime/flasharray.js");
  const fa = await createFlashArrayClient({
    host: url,
    auth: { apiToken: API_TOKEN },
    tls: { ca: caPem },
    proxy: false,
    version: VERSION,
  });
  return {
    call: async () => {
      const { data, response } = await fa.GET("/volumes");
      check(response.status, data);
    },
    close: () => fa.close(),
  };
}

async function fetchSide() {
  const { Agent, fetch } = await import("undici");
  const dispatcher = new Agent({ connect: { ca: caPem } });
  await (await fetch(`${url}/api/api_version`, { dispatcher })).arrayBuffer();
  const login = await fetch(`${url}/api/${VERSION}/login`, {
    method: "POST",
    headers: { "api-token": API_TOKEN },
    dispatcher,
  });
  await login.arrayBuffer();
  if (login.headers.get("x-auth-token") !== SESSION) throw new Error("fetch: login failed");
  return {
    call: async () => {
      const res = await fetch(target, { headers, dispatcher });
      check(res.status, await res.json());
    },
    close: () => dispatcher.close(),
  };
}

async function requestSide() {
  const { Agent, request } = await import("undici");
  const dispatcher = new Agent({ connect: { ca: caPem } });
  await (await request(`${url}/api/api_version`, { dispatcher })).body.arrayBuffer();
  const login = await request(`${url}/api/${VERSION}/login`, {
    method: "POST",
    headers: { "api-token": API_TOKEN },
    dispatcher,
  });
  await login.body.arrayBuffer();
  if (login.headers["x-auth-token"] !== SESSION) throw new Error("request: login failed");
  const flat = headers.flat();
  return {
    call: async () => {
      const res = await request(target, { headers: flat, dispatcher });
      check(res.statusCode, await res.body.json());
    },
    close: () => dispatcher.close(),
  };
}

async function httpsSide() {
  const agent = new HttpsAgent({ keepAlive: true, ca: caPem });
  /** @returns {Promise<{ status: number, headers: Record<string, unknown>, body: Buffer }>} */
  const send = (method, path, extra) =>
    new Promise((resolve, reject) => {
      const req = httpsRequest(`${url}${path}`, { method, agent, headers: extra }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    });
  await send("GET", "/api/api_version", {});
  const login = await send("POST", `/api/${VERSION}/login`, { "api-token": API_TOKEN });
  if (login.headers["x-auth-token"] !== SESSION) throw new Error("https: login failed");
  const path = `/api/${VERSION}/volumes`;
  const flat = Object.fromEntries(headers);
  return {
    call: async () => {
      const res = await send("GET", path, flat);
      check(res.status, JSON.parse(res.body.toString("utf8")));
    },
    close: async () => agent.destroy(),
  };
}

const sides = { purekit, fetch: fetchSide, request: requestSide, https: httpsSide };
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
