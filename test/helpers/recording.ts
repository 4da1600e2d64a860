/**
 * A scriptable server on 127.0.0.1 (HTTP, or HTTPS given a certificate) that records
 * every request, whole body read, before the test's handler answers it. For the tests
 * that attack the client or check what it sent (hostile.test.ts, hot-path.test.ts).
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";

/** A request as the server received it. */
export interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** Answers a recorded request; `raw` for what only the socket can do (reset it). */
export type RecordingHandler = (req: Seen, res: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

export interface RecordingServer {
  /** `http(s)://127.0.0.1:<port>`. */
  origin: string;
  port: number;
  /** Every request so far, in arrival order. */
  seen: Seen[];
  close(): Promise<void>;
}

/**
 * Starts a recording server; a handler that throws or rejects resets the connection.
 *
 * @example
 * ```ts
 * const s = await serveRecording((req, res) => res.writeHead(200).end("{}"));
 * await fetch(`${s.origin}/x`); s.seen[0]?.path; // "/x"
 * await s.close();
 * ```
 */
export async function serveRecording(
  handler: RecordingHandler,
  certs?: { certPem: string; keyPem: string },
): Promise<RecordingServer> {
  const seen: Seen[] = [];
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const entry: Seen = {
        method: req.method ?? "GET",
        path: req.url ?? "/",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      seen.push(entry);
      void Promise.resolve(handler(entry, res, req)).catch((e: unknown) => {
        res.destroy(e as Error);
      });
    });
  };
  const server = certs
    ? createHttpsServer({ cert: certs.certPem, key: certs.keyPem }, listener)
    : createHttpServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${certs ? "https" : "http"}://127.0.0.1:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
