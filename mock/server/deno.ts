/**
 * The standalone mock server on Deno: `Deno.serve`'s web `Request`s go to the mock's
 * core (path, query, headers and the body stream), and its answers come back as web
 * `Response`s. Deno offers no way to destroy a socket from a handler, so a `drop`
 * fault sends the status line and then aborts the body stream, which the client sees
 * as a broken connection.
 */
import { readBodyBytes, readBodyText } from "../body.ts";
import type { MockRequest } from "../http.ts";
import type { ServedArray } from "../types.ts";
import { toResponse } from "../web.ts";

interface DenoServer {
  finished: Promise<void>;
  shutdown(): Promise<void>;
  addr: { port: number; hostname: string };
}

declare const Deno: {
  serve(
    options: {
      port?: number;
      hostname?: string;
      cert?: string;
      key?: string;
      onListen?: (addr: { port: number }) => void;
    },
    handler: (request: Request) => Response | Promise<Response>,
  ): DenoServer;
};

/** Options of {@link startDenoMockServer}. */
export interface DenoMockServerOptions {
  port?: number;
  hostname?: string;
  tls?: { cert: string; key: string };
}

/**
 * Serves a mock array with `Deno.serve`.
 *
 * @example
 * ```ts
 * // deno run -A serve.ts
 * const array = createFlashArrayMock({ baseUrl: "http://127.0.0.1:8080" });
 * const server = startDenoMockServer(array, { port: 8080 });
 * await server.shutdown();
 * ```
 */
export function startDenoMockServer(
  array: ServedArray,
  options: DenoMockServerOptions = {},
): { url: string; port: number; shutdown(): Promise<void>; finished: Promise<void> } {
  const server = Deno.serve(
    {
      port: options.port ?? 8443,
      hostname: options.hostname ?? "127.0.0.1",
      ...(options.tls ? { cert: options.tls.cert, key: options.tls.key } : {}),
      onListen: () => {},
    },
    async (incoming) => {
      const url = new URL(incoming.url);
      // No signal: Deno aborts the incoming one once a response is sent, which would
      // be noise here. The body stays a stream: the mock reads it within its size
      // limit (maxRequestBytes) and stops there.
      const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD" && incoming.body !== null;
      // Piped through a stream this adapter can stop: when the mock refuses a body
      // before its end (413), the rest is cancelled here and Deno releases it.
      const release = new AbortController();
      const body = hasBody
        ? (incoming.body?.pipeThrough(new TransformStream<Uint8Array, Uint8Array>(), {
            signal: release.signal,
          }) ?? null)
        : null;
      const request: MockRequest = {
        method: incoming.method.toUpperCase(),
        path: url.pathname,
        search: url.search,
        headers: incoming.headers,
        text: (limit) => readBodyText({ headers: incoming.headers, body }, limit),
        bytes: (limit) => readBodyBytes({ headers: incoming.headers, body }, limit),
      };
      const answer = await array.answer(request);
      release.abort();
      if (answer) return toResponse(answer);
      return new Response(
        new ReadableStream({
          start(controller) {
            controller.error(new Error("connection dropped by an injected fault"));
          },
        }),
        { status: 200 },
      );
    },
  );
  const port = server.addr.port;
  return {
    url: `${options.tls ? "https" : "http"}://${options.hostname ?? "127.0.0.1"}:${port}`,
    port,
    shutdown: () => server.shutdown(),
    finished: server.finished,
  };
}
