/**
 * The standalone mock server on Node: `node:https` (or `node:http`), turning each
 * incoming request into a web `Request` for the shared core and writing the web
 * `Response` back. A `drop` fault destroys the socket.
 */
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { bodyTooLarge } from "../body.ts";
import type { MockArray } from "../types.ts";
import { createServeHandler, type ServeHandler } from "./core.ts";

/** Options of {@link startNodeMockServer}. */
export interface NodeMockServerOptions {
  /** Port to listen on; 0 picks a free one (default 8443). */
  port?: number;
  /** Address to bind (default loopback `127.0.0.1`). */
  host?: string;
  /** Certificate and key (PEM) for HTTPS; leave out for plain HTTP. */
  tls?: { cert: string; key: string };
  /** Largest request body (default the array's `maxRequestBytes`); reading stops there and answers 413. */
  maxRequestBytes?: number;
}

/** A running server. */
export interface NodeMockServer {
  /** `https://127.0.0.1:8443`, the origin clients use. */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** Stops accepting, ends open connections, resolves when closed. */
  close(): Promise<void>;
}

function toWebRequest(req: IncomingMessage, origin: string, body: Buffer, signal: AbortSignal): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] as string;
    if (name.startsWith(":")) continue;
    headers.append(name, req.rawHeaders[i + 1] as string);
  }
  const method = req.method ?? "GET";
  const init: RequestInit = { method, headers, signal };
  if (body.length && method !== "GET" && method !== "HEAD") init.body = new Uint8Array(body);
  return new Request(new URL(req.url ?? "/", origin), init);
}

/**
 * Collects a request body up to `limit` bytes; `null` once it passes the limit (the
 * stream is left paused, and nothing past the limit is kept).
 */
async function collect(req: IncomingMessage, limit: number): Promise<Buffer[] | null> {
  const declared = req.headers["content-length"];
  if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > limit) return null;
  const chunks: Buffer[] = [];
  const keep = req.method !== "GET" && req.method !== "HEAD";
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    if (keep) chunks.push(chunk as Buffer);
  }
  return chunks;
}

async function answer(
  serve: ServeHandler,
  origin: string,
  limit: number,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const chunks = await collect(req, limit);
  if (!chunks) {
    // Answer at once and close: the rest of the body is never read.
    const error = bodyTooLarge(limit);
    const payload = JSON.stringify({ errors: error.errors });
    res.writeHead(413, {
      "content-type": "application/json",
      "content-length": String(Buffer.byteLength(payload)),
      connection: "close",
    });
    // `connection: close` makes Node close the socket once this is written.
    res.end(payload);
    return;
  }
  const aborted = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) aborted.abort(new Error("client closed the connection"));
  });
  const response = await serve(toWebRequest(req, origin, Buffer.concat(chunks), aborted.signal));
  if (!response) {
    req.socket.destroy();
    return;
  }
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const payload = response.body ? Buffer.from(await response.arrayBuffer()) : Buffer.alloc(0);
  headers["content-length"] = String(payload.length);
  res.writeHead(response.status, headers);
  res.end(payload);
}

/**
 * Serves a mock array over HTTPS (or HTTP) on Node.
 *
 * @example
 * ```ts
 * const array = createFlashArrayMock({ baseUrl: "https://127.0.0.1:8443" });
 * const { certPem, keyPem } = await createSelfSignedCertificate();
 * const server = await startNodeMockServer(array, { port: 8443, tls: { cert: certPem, key: keyPem } });
 * // … curl --cacert ca.pem https://127.0.0.1:8443/api/api_version
 * await server.close();
 * ```
 */
export async function startNodeMockServer(
  array: MockArray,
  options: NodeMockServerOptions = {},
): Promise<NodeMockServer> {
  const serve = createServeHandler(array.handlers);
  const origin = array.baseUrl;
  const limit = options.maxRequestBytes ?? array.maxRequestBytes;
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    answer(serve, origin, limit, req, res).catch((e: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ errors: [{ message: `Mock server failure: ${(e as Error).message}` }] }));
      } else res.destroy();
    });
  };
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, listener)
    : createHttpServer(listener);
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8443, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `${options.tls ? "https" : "http"}://${shownHost}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
