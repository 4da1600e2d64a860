/**
 * The standalone mock server on Node: `node:https` (or `node:http`) answered by the
 * mock's core directly. No web `Request` or `Response` is built: the adapter hands the
 * core method, path, query, headers and the body bytes, and writes the status,
 * headers and body text it gets back. A `drop` fault destroys the socket.
 */
import {
  createServer as createHttpServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { hasNullBody } from "../../runtime/body-status.ts";
import { bodyTooLarge, bytesWithin, textWithin } from "../body.ts";
import type { MockHeaders, MockRequest } from "../http.ts";
import type { MockCore, ServedArray } from "../types.ts";

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

/**
 * node:http's headers as the core reads them. The server joins repeated fields with
 * `, ` (`joinDuplicateHeaders`), as web `Headers` does; only `set-cookie` stays a list.
 */
class NodeHeaders implements MockHeaders {
  readonly #headers: IncomingHttpHeaders;
  constructor(headers: IncomingHttpHeaders) {
    this.#headers = headers;
  }
  get(name: string): string | null {
    const value = this.#headers[name.toLowerCase()];
    return value === undefined ? null : typeof value === "string" ? value : value.join(", ");
  }
  forEach(callback: (value: string, name: string) => void): void {
    for (const name in this.#headers) {
      const value = this.#headers[name];
      if (value !== undefined) callback(typeof value === "string" ? value : value.join(", "), name);
    }
  }
}

/**
 * A request target that the URL standard leaves as it is: origin-form, no dot
 * segments (`/.`, `%2e`), nothing it would percent-encode or treat specially
 * (`\\`, `#`, quotes, spaces, non-ASCII). Anything else goes through `URL`, as a web
 * `Request` would.
 */
const PLAIN_TARGET = /^\/[\w\-.~!$&()*+,;=:@/?%]*$/;
const DOT_SEGMENT = /\/\.|%2e/i;

function splitTarget(target: string, origin: string): { path: string; search: string } {
  const q = target.indexOf("?");
  const path = q < 0 ? target : target.slice(0, q);
  if (PLAIN_TARGET.test(target) && !DOT_SEGMENT.test(path)) {
    return { path, search: q < 0 || q === target.length - 1 ? "" : target.slice(q) };
  }
  const url = new URL(target, origin);
  return { path: url.pathname, search: url.search };
}

/** Whether a request carries a body: a non-zero `content-length`, or chunked. */
function hasBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  return (length !== undefined && length !== "0") || req.headers["transfer-encoding"] !== undefined;
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

/** The 413 for a body over the server's limit: answered at once, and the connection closed. */
function refuseBody(res: ServerResponse, limit: number): void {
  const error = bodyTooLarge(limit);
  const payload = JSON.stringify({ errors: error.errors });
  res.writeHead(413, {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(payload)),
    connection: "close",
  });
  // `connection: close` makes Node close the socket once this is written; the rest of
  // the body is never read.
  res.end(payload);
}

const NO_BODY = new Uint8Array(0);

async function answer(
  core: MockCore,
  origin: string,
  limit: number,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let bytes: Uint8Array = NO_BODY;
  if (hasBody(req)) {
    const chunks = await collect(req, limit);
    if (!chunks) return refuseBody(res, limit);
    bytes = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
  }
  // Requests without a body are not read: Node discards what is left once the answer is written.
  const { path, search } = splitTarget(req.url ?? "/", origin);
  let signal: AbortSignal | undefined;
  const request: MockRequest = {
    method: (req.method ?? "GET").toUpperCase(),
    path,
    search,
    headers: new NodeHeaders(req.headers),
    text: async (max) => textWithin(bytes, max),
    bytes: async (max) => bytesWithin(bytes, max),
    // Made only when asked for (injected latency): most requests never need one.
    get signal(): AbortSignal {
      if (!signal) {
        const aborted = new AbortController();
        signal = aborted.signal;
        const abort = () => aborted.abort(new Error("client closed the connection"));
        if (req.socket.destroyed) abort();
        else
          res.on("close", () => {
            if (!res.writableFinished) abort();
          });
      }
      return signal;
    },
  };
  const answered = await core.answer(request);
  if (!answered) {
    req.socket.destroy();
    return;
  }
  const headers = answered.headers;
  const body = hasNullBody(answered.status) ? null : answered.body;
  // What a web Response adds to a text body without a type.
  if (body !== null && headers["content-type"] === undefined)
    headers["content-type"] = "text/plain;charset=UTF-8";
  headers["content-length"] =
    body === null ? "0" : String(typeof body === "string" ? Buffer.byteLength(body) : body.byteLength);
  res.writeHead(answered.status, headers);
  res.end(body ?? undefined);
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
  array: ServedArray,
  options: NodeMockServerOptions = {},
): Promise<NodeMockServer> {
  const origin = array.baseUrl;
  const limit = options.maxRequestBytes ?? array.maxRequestBytes;
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    answer(array, origin, limit, req, res).catch((e: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ errors: [{ message: `Mock server failure: ${(e as Error).message}` }] }));
      } else res.destroy();
    });
  };
  const server: Server = options.tls
    ? createHttpsServer(
        { cert: options.tls.cert, key: options.tls.key, joinDuplicateHeaders: true },
        listener,
      )
    : createHttpServer({ joinDuplicateHeaders: true }, listener);
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
