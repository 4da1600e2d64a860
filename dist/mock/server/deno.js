import { createServeHandler } from "./core.js";
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
export function startDenoMockServer(array, options = {}) {
    const serve = createServeHandler(array.handlers);
    const origin = array.baseUrl;
    const server = Deno.serve({
        port: options.port ?? 8443,
        hostname: options.hostname ?? "127.0.0.1",
        ...(options.tls ? { cert: options.tls.cert, key: options.tls.key } : {}),
        onListen: () => { },
    }, async (incoming) => {
        const url = new URL(incoming.url);
        // A fresh Request without the incoming signal: Deno aborts that signal once a
        // response is sent, which would be noise here. The body stays a stream: the mock
        // reads it within its size limit (maxRequestBytes) and stops there.
        const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD" && incoming.body !== null;
        // Piped through a stream this adapter can stop: when the mock refuses a body
        // before its end (413), the rest is cancelled here and Deno releases it.
        const release = new AbortController();
        const body = hasBody
            ? incoming.body?.pipeThrough(new TransformStream(), {
                signal: release.signal,
            })
            : undefined;
        const request = new Request(new URL(url.pathname + url.search, origin), {
            method: incoming.method,
            headers: incoming.headers,
            ...(body ? { body, duplex: "half" } : {}),
        });
        const response = await serve(request);
        release.abort();
        if (response)
            return response;
        return new Response(new ReadableStream({
            start(controller) {
                controller.error(new Error("connection dropped by an injected fault"));
            },
        }), { status: 200 });
    });
    const port = server.addr.port;
    return {
        url: `${options.tls ? "https" : "http"}://${options.hostname ?? "127.0.0.1"}:${port}`,
        port,
        shutdown: () => server.shutdown(),
        finished: server.finished,
    };
}
//# sourceMappingURL=deno.js.map