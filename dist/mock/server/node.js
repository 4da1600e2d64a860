/**
 * The standalone mock server on Node: `node:https` (or `node:http`), turning each
 * incoming request into a web `Request` for the shared core and writing the web
 * `Response` back. A `drop` fault destroys the socket.
 */
import { createServer as createHttpServer, } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { bodyTooLarge } from "../body.js";
import { createServeHandler } from "./core.js";
function toWebRequest(req, origin, body, signal) {
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const name = req.rawHeaders[i];
        if (name.startsWith(":"))
            continue;
        headers.append(name, req.rawHeaders[i + 1]);
    }
    const method = req.method ?? "GET";
    const init = { method, headers, signal };
    if (body.length && method !== "GET" && method !== "HEAD")
        init.body = new Uint8Array(body);
    return new Request(new URL(req.url ?? "/", origin), init);
}
/**
 * Collects a request body up to `limit` bytes; `null` once it passes the limit (the
 * stream is left paused, and nothing past the limit is kept).
 */
async function collect(req, limit) {
    const declared = req.headers["content-length"];
    if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > limit)
        return null;
    const chunks = [];
    const keep = req.method !== "GET" && req.method !== "HEAD";
    let size = 0;
    for await (const chunk of req) {
        size += chunk.length;
        if (size > limit)
            return null;
        if (keep)
            chunks.push(chunk);
    }
    return chunks;
}
async function answer(serve, origin, limit, req, res) {
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
        if (!res.writableFinished)
            aborted.abort(new Error("client closed the connection"));
    });
    const response = await serve(toWebRequest(req, origin, Buffer.concat(chunks), aborted.signal));
    if (!response) {
        req.socket.destroy();
        return;
    }
    const headers = {};
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
export async function startNodeMockServer(array, options = {}) {
    const serve = createServeHandler(array.handlers);
    const origin = array.baseUrl;
    const limit = options.maxRequestBytes ?? array.maxRequestBytes;
    const listener = (req, res) => {
        answer(serve, origin, limit, req, res).catch((e) => {
            if (!res.headersSent) {
                res.writeHead(500, { "content-type": "application/json" });
                res.end(JSON.stringify({ errors: [{ message: `Mock server failure: ${e.message}` }] }));
            }
            else
                res.destroy();
        });
    };
    const server = options.tls
        ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, listener)
        : createHttpServer(listener);
    server.keepAliveTimeout = 5_000;
    const host = options.host ?? "127.0.0.1";
    await new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port ?? 8443, host, () => {
            server.off("error", reject);
            resolve();
        });
    });
    const port = server.address().port;
    const shownHost = host.includes(":") ? `[${host}]` : host;
    return {
        url: `${options.tls ? "https" : "http"}://${shownHost}:${port}`,
        port,
        server,
        close: () => new Promise((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
        }),
    };
}
//# sourceMappingURL=node.js.map