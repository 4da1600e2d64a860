/**
 * Figures 1–4 of `bench/all.ts`: the purekit FlashArray client against raw undici
 * `fetch` (same Agent options, same CA, same request and headers), talking to a
 * trivial HTTPS server in another process (`bench/child.ts --role trivial`), so the
 * CPU this process spends is the client's alone.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import * as callers from "./callers.mjs";
import { API_TOKEN, type Caller, SESSION, VERSION } from "./callers.mjs";

export { type Caller, fetchCaller } from "./callers.mjs";

/** A small, realistic page: three volumes. */
export const VOLUMES_BODY = Buffer.from(
  JSON.stringify({
    continuation_token: null,
    more_items_remaining: false,
    total_item_count: 3,
    items: [1, 2, 3].map((i) => ({
      id: `0e3c2a4b-1f6d-4c8e-9a7b-00000000000${i}`,
      name: `vol${i}`,
      provisioned: 1_073_741_824 * i,
      created: 1_700_000_000_000 + i,
      destroyed: false,
      serial: `F4A2C2D7C5B1B6A40001000${i}`,
      space: {
        data_reduction: 3.2,
        total_physical: 1024 * i,
        unique: 512 * i,
        snapshots: 0,
        virtual: 4096 * i,
      },
      qos: { bandwidth_limit: null, iops_limit: null },
      pod: { id: null, name: null },
      volume_group: { id: null, name: null },
    })),
  }),
);

const VERSIONS_BODY = Buffer.from(JSON.stringify({ version: ["2.0", "2.10", "2.36", "2.50", VERSION] }));

/**
 * The trivial array: version list, login, logout, GET volumes; 401 without the
 * session. Remembers the headers of the last volumes request (served at
 * `/__bench/headers`) so the raw-fetch side can send exactly what purekit sent.
 */
export async function serveTrivial(certFile: string): Promise<void> {
  const { certPem, keyPem } = JSON.parse(readFileSync(certFile, "utf8")) as {
    certPem: string;
    keyPem: string;
  };
  let lastHeaders: [string, string][] = [];
  const counts: Record<string, number> = {};
  const json = { "content-type": "application/json" };
  const server = createServer({ cert: certPem, key: keyPem }, (req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (!path.startsWith("/__bench/"))
      counts[`${req.method} ${path}`] = (counts[`${req.method} ${path}`] ?? 0) + 1;
    if (req.method === "GET" && path === `/api/${VERSION}/volumes`) {
      if (req.headers["x-auth-token"] !== SESSION) {
        res.writeHead(401, json).end('{"errors":[{"message":"bad session"}]}');
        return;
      }
      lastHeaders = [];
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
        lastHeaders.push([req.rawHeaders[i]!.toLowerCase(), req.rawHeaders[i + 1]!]);
      }
      res.writeHead(200, { ...json, "content-length": VOLUMES_BODY.length }).end(VOLUMES_BODY);
    } else if (req.method === "GET" && path === "/api/api_version") {
      res.writeHead(200, { ...json, "content-length": VERSIONS_BODY.length }).end(VERSIONS_BODY);
    } else if (req.method === "POST" && path === `/api/${VERSION}/login`) {
      const ok = req.headers["api-token"] === API_TOKEN;
      req.resume();
      res
        .writeHead(ok ? 200 : 401, ok ? { ...json, "x-auth-token": SESSION } : json)
        .end(ok ? '{"items":[{"username":"pureuser"}]}' : '{"errors":[{"message":"bad token"}]}');
    } else if (req.method === "POST" && path === `/api/${VERSION}/logout`) {
      req.resume();
      res.writeHead(200, json).end("{}");
    } else if (path === "/__bench/counts") {
      res.writeHead(200, json).end(JSON.stringify(counts));
    } else if (path === "/__bench/headers") {
      res.writeHead(200, json).end(JSON.stringify(lastHeaders));
    } else {
      req.resume();
      res.writeHead(404, json).end('{"errors":[{"message":"no such path"}]}');
    }
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
}

/** purekit's FlashArray client from the source tree (figures 1–3 run under tsx). */
export async function purekitCaller(url: string, caPem: string): Promise<Caller> {
  const { createFlashArrayClient } = await import("../runtime/flasharray.ts");
  return callers.purekitCaller(createFlashArrayClient, url, caPem);
}

/** Headers of purekit's last volumes request, minus the ones undici sets per connection. */
export async function headersPurekitSent(url: string, caPem: string): Promise<[string, string][]> {
  const { Agent, fetch } = await import("undici");
  const dispatcher = new Agent({ connect: { ca: caPem } });
  try {
    const res = await fetch(`${url}/__bench/headers`, { dispatcher });
    const all = (await res.json()) as [string, string][];
    return all.filter(([name]) => !["host", "connection", "content-length"].includes(name));
  } finally {
    await dispatcher.close();
  }
}

/**
 * Checks that `n` calls of a side send exactly `n` requests, all `GET …/volumes` (no
 * retry, re-login or extra request hides in either side's figures).
 */
export async function checkOneRequestPerCall(
  url: string,
  caPem: string,
  caller: Caller,
  n: number,
): Promise<void> {
  const { Agent, fetch } = await import("undici");
  const dispatcher = new Agent({ connect: { ca: caPem } });
  const counts = async () =>
    (await (await fetch(`${url}/__bench/counts`, { dispatcher })).json()) as Record<string, number>;
  try {
    const before = await counts();
    for (let i = 0; i < n; i++) await caller.call();
    const after = await counts();
    const delta = Object.entries(after)
      .map(([k, v]) => [k, v - (before[k] ?? 0)] as const)
      .filter(([, d]) => d !== 0);
    const expected = `GET /api/${VERSION}/volumes`;
    if (delta.length !== 1 || delta[0]?.[0] !== expected || delta[0]?.[1] !== n) {
      throw new Error(`${n} calls sent ${JSON.stringify(Object.fromEntries(delta))}, not ${n} × ${expected}`);
    }
  } finally {
    await dispatcher.close();
  }
}

export interface Round {
  calls: number;
  wallMs: number;
  /** User + system CPU of this whole process (all its threads) during the round. */
  cpuMs: number;
}

/** Sequential calls until `maxCalls` or `maxMs`, whichever comes first. */
export async function sequentialRound(caller: Caller, maxCalls: number, maxMs: number): Promise<Round> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const end = t0 + maxMs;
  let calls = 0;
  while (calls < maxCalls && performance.now() < end) {
    await caller.call();
    calls++;
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { calls, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** `inFlight` calls kept outstanding until `maxMs` or `maxCalls` started. */
export async function inFlightRound(
  caller: Caller,
  inFlight: number,
  maxCalls: number,
  maxMs: number,
): Promise<Round> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const end = t0 + maxMs;
  let started = 0;
  let calls = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (started < maxCalls && performance.now() < end) {
        started++;
        await caller.call();
        calls++;
      }
    }),
  );
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { calls, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}
