/**
 * Loopback servers for the scenario suite, on whichever runtime runs it: `Deno.serve`
 * (and `startDenoMockServer`) on Deno, `node:http(s)` (and `startNodeMockServer`) on
 * Node, so each runtime's scenarios talk to its own native server.
 */

import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { MockArray } from "../../mock/types.ts";
import { onDeno } from "./scenario.ts";

export type WebHandler = (request: Request) => Response | Promise<Response>;

export interface LoopbackServer {
  /** `http(s)://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Certificate and key (PEM) for HTTPS; without them plain HTTP. */
export interface ServeTls {
  cert: string;
  key: string;
}

interface DenoServe {
  serve(
    options: { port: number; hostname: string; cert?: string; key?: string; onListen?: () => void },
    handler: (request: Request) => Response | Promise<Response>,
  ): { addr: { port: number }; shutdown(): Promise<void> };
}

/**
 * Serves a web handler on a free loopback port.
 *
 * @example
 * ```ts
 * const server = await serveWeb(() => Response.json({ ok: true }));
 * try { await fetch(server.url); } finally { await server.close(); }
 * ```
 */
export async function serveWeb(handler: WebHandler, tls?: ServeTls): Promise<LoopbackServer> {
  const scheme = tls ? "https" : "http";
  if (onDeno) {
    const { Deno } = globalThis as unknown as { Deno: DenoServe };
    const server = Deno.serve(
      { port: 0, hostname: "127.0.0.1", onListen: () => {}, ...(tls ?? {}) },
      handler,
    );
    const port = server.addr.port;
    return { url: `${scheme}://127.0.0.1:${port}`, port, close: () => server.shutdown() };
  }
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    answer(handler, scheme, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
      else res.destroy();
    });
  };
  const server = tls
    ? createHttpsServer({ cert: tls.cert, key: tls.key }, listener)
    : createHttpServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** One request through a web handler; a streamed answer stops when the client hangs up. */
async function answer(handler: WebHandler, scheme: string, req: IncomingMessage, res: ServerResponse) {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
    headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  const request = new Request(new URL(req.url ?? "/", `${scheme}://${req.headers.host ?? "127.0.0.1"}`), {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: "half" } : {}),
  } as RequestInit);
  const response = await handler(request);
  const outgoing: Record<string, string> = {};
  for (const [name, value] of response.headers) outgoing[name] = value;
  res.writeHead(response.status, outgoing);
  if (response.body === null || method === "HEAD") {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  res.on("close", () => void reader.cancel().catch(() => {}));
  for (;;) {
    if (res.destroyed) return;
    const { done, value } = await reader.read();
    if (done) break;
    if (!res.write(value)) await new Promise((resolve) => res.once("drain", resolve).once("close", resolve));
  }
  res.end();
}

/**
 * Serves a mock array with this runtime's adapter (`mock/server/deno.ts` or `node.ts`).
 *
 * @example
 * ```ts
 * const server = await serveMock(createFlashArrayMock(), { cert, key });
 * const fa = await createFlashArrayClient({ host: server.url, tls: { ca }, auth });
 * ```
 */
export async function serveMock(array: MockArray, tls?: ServeTls): Promise<LoopbackServer> {
  const options = { port: 0, ...(tls ? { tls } : {}) };
  if (onDeno) {
    const { startDenoMockServer } = await import("../../mock/server/deno.ts");
    const server = startDenoMockServer(array, { ...options, hostname: "127.0.0.1" });
    return { url: server.url, port: server.port, close: () => server.shutdown() };
  }
  const { startNodeMockServer } = await import("../../mock/server/node.ts");
  const server = await startNodeMockServer(array, { ...options, host: "127.0.0.1" });
  return { url: server.url, port: server.port, close: () => server.close() };
}
