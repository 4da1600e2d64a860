/**
 * A real local HTTPS server for tests (node:https), answering with a web-style
 * handler `(Request) => Response`, so the same handlers serve the in-process
 * fetch, msw and this server. Certificates come from `mock/tls`.
 */

import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { SelfSignedCertificate } from "../../mock/tls/index.ts";

export type WebHandler = (request: Request) => Response | Promise<Response>;

export interface HttpsTestServer {
  /** `https://127.0.0.1:<port>` (or the host asked for): no trailing slash. */
  url: string;
  port: number;
  /** Every request the server saw, in order (method and path). */
  seen: { method: string; path: string }[];
  close(): Promise<void>;
}

export interface StartHttpsServerOptions {
  /** Address to listen on; default 127.0.0.1 (never all interfaces). */
  host?: string;
  /** Require a client certificate issued by this CA (PEM): mutual TLS. */
  clientCa?: string;
}

/**
 * Starts an HTTPS server on a free port with the given certificates.
 *
 * @example
 * ```ts
 * const certs = await createSelfSignedCertificate();
 * const server = await startHttpsServer(() => Response.json({ ok: true }), certs);
 * try { … fetch(server.url, …) … } finally { await server.close(); }
 * ```
 */
export async function startHttpsServer(
  handler: WebHandler,
  certs: Pick<SelfSignedCertificate, "certPem" | "keyPem">,
  options: StartHttpsServerOptions = {},
): Promise<HttpsTestServer> {
  const host = options.host ?? "127.0.0.1";
  const seen: HttpsTestServer["seen"] = [];
  const mutual = options.clientCa
    ? { ca: options.clientCa, requestCert: true, rejectUnauthorized: true }
    : {};
  const server: Server = createServer({ cert: certs.certPem, key: certs.keyPem, ...mutual }, (req, res) => {
    seen.push({ method: req.method ?? "GET", path: req.url ?? "/" });
    void (async () => {
      try {
        const hasBody = req.method !== "GET" && req.method !== "HEAD";
        const headers = new Headers();
        for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
          headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
        }
        const request = new Request(new URL(req.url ?? "/", `https://${req.headers.host ?? host}`), {
          method: req.method ?? "GET",
          headers,
          ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: "half" } : {}),
        } as RequestInit);
        const response = await handler(request);
        const outgoing: Record<string, string | string[]> = {};
        for (const [name, value] of response.headers) outgoing[name] = value;
        const cookies = response.headers.getSetCookie();
        if (cookies.length > 0) outgoing["set-cookie"] = cookies;
        res.writeHead(response.status, response.statusText, outgoing);
        if (response.body === null || req.method === "HEAD") {
          res.end();
        } else {
          for await (const chunk of response.body) res.write(chunk);
          res.end();
        }
      } catch (error) {
        res
          .writeHead(500, { "content-type": "text/plain" })
          .end(`test server handler failed: ${String(error)}`);
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `https://${urlHost}:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
