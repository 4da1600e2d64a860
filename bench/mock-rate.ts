/**
 * Figure 5 of `bench/all.ts`: the standalone mock server (`startNodeMockServer`) against
 * a bare node:http(s) server answering the same JSON bytes, over HTTP and HTTPS, with
 * the approach of `bench/mock-server.ts`: each server in its own child process, this
 * process the load generator (keep-alive node:http(s) Agents, fixed concurrency).
 */
import { readFileSync } from "node:fs";
import { createServer as createHttpServer, Agent as HttpAgent, request as httpRequest } from "node:http";
import { createServer as createHttpsServer, Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { AddressInfo } from "node:net";

export const MOCK_PATH = "/api/2.56/volumes?limit=10";

interface Certs {
  certPem: string;
  keyPem: string;
}

function listen(server: import("node:net").Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
}

/** Child role `bare`: the same bytes for every request, over HTTP and HTTPS. */
export async function serveBare(certFile: string, bodyFile: string): Promise<void> {
  const certs = JSON.parse(readFileSync(certFile, "utf8")) as Certs;
  const body = readFileSync(bodyFile);
  const handler = (_req: unknown, res: import("node:http").ServerResponse) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
    res.end(body);
  };
  const http = createHttpServer(handler);
  const https = createHttpsServer({ cert: certs.certPem, key: certs.keyPem }, handler);
  http.keepAliveTimeout = 5_000;
  https.keepAliveTimeout = 5_000;
  console.log(JSON.stringify({ httpPort: await listen(http), httpsPort: await listen(https) }));
}

/** Child role `mock`: one seeded FlashArray mock behind two standalone servers. */
export async function serveMock(
  certFile: string,
  volumes: number,
  versions: readonly string[],
): Promise<void> {
  const certs = JSON.parse(readFileSync(certFile, "utf8")) as Certs;
  const { createFlashArrayMock } = await import("../mock/index.ts");
  const { startNodeMockServer } = await import("../mock/server/node.ts");
  const array = createFlashArrayMock({ seed: { volumes }, versions });
  await array.ready;
  const http = await startNodeMockServer(array, { port: 0 });
  const https = await startNodeMockServer(array, {
    port: 0,
    tls: { cert: certs.certPem, key: certs.keyPem },
  });
  console.log(JSON.stringify({ httpPort: http.port, httpsPort: https.port, apiToken: array.apiToken }));
}

export interface Target {
  name: string;
  tls: boolean;
  port: number;
  headers: Record<string, string>;
  agent: HttpAgent;
}

export function makeTarget(
  name: string,
  tls: boolean,
  port: number,
  headers: Record<string, string>,
  caPem: string,
  concurrency: number,
): Target {
  const agent = tls
    ? new HttpsAgent({ keepAlive: true, maxSockets: concurrency, ca: caPem })
    : new HttpAgent({ keepAlive: true, maxSockets: concurrency });
  return { name, tls, port, headers, agent };
}

export function once(
  target: Pick<Target, "tls" | "port" | "agent">,
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const send = target.tls ? httpsRequest : httpRequest;
    const req = send(
      { host: "127.0.0.1", port: target.port, method, path, headers, agent: target.agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** Keeps `concurrency` requests in flight for `maxMs` (or `maxRequests`); returns req/s. */
export async function loadRound(
  target: Target,
  concurrency: number,
  maxMs: number,
  maxRequests: number,
): Promise<number> {
  const t0 = performance.now();
  const end = t0 + maxMs;
  let started = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < maxRequests && performance.now() < end) {
        started++;
        const res = await once(target, "GET", MOCK_PATH, target.headers);
        if (res.status !== 200) {
          throw new Error(`${target.name}: HTTP ${res.status}: ${res.body.toString().slice(0, 200)}`);
        }
        done++;
      }
    }),
  );
  return done / ((performance.now() - t0) / 1000);
}
