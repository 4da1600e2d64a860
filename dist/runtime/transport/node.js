/**
 * Node adapter: undici's fetch with a dispatcher that carries the CA / skips
 * verification / presents a client certificate, through an HTTP CONNECT proxy when
 * one applies (undici's ProxyAgent, TLS options on the tunnelled connection),
 * returning Node's *global* Response. undici's own Response is another class, so
 * `instanceof Response` (openapi-fetch, user code) would fail.
 */
import { subscribe } from "node:diagnostics_channel";
import { createSecureContext } from "node:tls";
import { Agent, ProxyAgent, fetch as undiciFetch, } from "undici";
import { PurekitError } from "../errors.js";
import { checkClientCertificate } from "./client-cert.js";
import { causeChain, withTlsErrors } from "./tls.js";
export function createNodeFetch(tls, proxy) {
    const connect = {
        ...(tls.ca.length > 0 ? { ca: tls.ca } : {}),
        rejectUnauthorized: !tls.insecure,
        ...clientOptions(tls),
    };
    watchTlsAlerts();
    const dispatcher = proxy
        ? new ProxyAgent({
            uri: proxy.url,
            ...(proxy.authorization ? { token: proxy.authorization } : {}),
            // The array's TLS, inside the tunnel; the proxy's own (https://) keeps the default trust.
            requestTls: connect,
        })
        : new Agent({ connect });
    const nodeFetch = async (input, init) => {
        // A global Request normalises every input form (openapi-fetch passes a Request,
        // users pass url + init with FormData, URLSearchParams, …) into one shape.
        const request = new Request(input, init);
        // Buffered: API bodies are small, and a buffered body survives a 307/308 redirect.
        const body = request.body === null ? undefined : await request.arrayBuffer();
        try {
            const response = await undiciFetch(request.url, {
                method: request.method,
                headers: [...request.headers],
                ...(body === undefined ? {} : { body }),
                signal: request.signal,
                redirect: request.redirect,
                dispatcher,
            });
            return toGlobalResponse(response);
        }
        catch (error) {
            throw withTlsAlert(error, tls.client !== undefined);
        }
    };
    return Object.assign(withTlsErrors(nodeFetch, tls), { close: () => dispatcher.close() });
}
/** tls.connect options for the client certificate, checked now rather than at the first handshake. */
function clientOptions(tls) {
    const client = tls.client;
    if (!client)
        return {};
    if (client.cert !== undefined) {
        const key = checkClientCertificate(client);
        return { cert: client.cert, key };
    }
    const options = {
        pfx: Buffer.from(client.pfx),
        ...(client.passphrase !== undefined ? { passphrase: client.passphrase } : {}),
    };
    try {
        createSecureContext(options);
    }
    catch (error) {
        const message = String(error.message);
        if (/mac verify failure|bad decrypt/i.test(message)) {
            throw new PurekitError(client.passphrase === undefined ? "ERR_KEY_PASSWORD_REQUIRED" : "ERR_KEY_WRONG_PASSWORD", client.passphrase === undefined
                ? "tls.pfx is protected by a password: give it in tls.passphrase."
                : "tls.passphrase does not open tls.pfx: check the password.", { cause: error });
        }
        throw new PurekitError("ERR_TLS", "tls.pfx could not be read as PKCS#12 (damaged, or an algorithm this Node's OpenSSL lacks): " +
            "export it again, or give tls.cert and tls.key as PEM.", { cause: error });
    }
    return options;
}
/**
 * A TLS 1.3 server that wants a client certificate refuses after the handshake, with an
 * alert undici reports only as "other side closed". The alert reaches the socket's
 * `error` listeners, though: remember it by the connection's local port (which undici's
 * SocketError carries) so the failure can say what happened.
 */
const alerts = new Map();
const MAX_ALERTS = 64;
let watching = false;
function watchTlsAlerts() {
    if (watching)
        return;
    watching = true;
    subscribe("undici:client:connected", (message) => {
        const socket = message.socket;
        socket?.on("error", (error) => {
            if (!/^ERR_SSL_.*ALERT/.test(error.code ?? "") || socket.localPort === undefined)
                return;
            alerts.set(socket.localPort, error);
            if (alerts.size > MAX_ALERTS)
                alerts.delete(alerts.keys().next().value);
        });
    });
}
function withTlsAlert(error, clientCertificate) {
    for (const e of causeChain(error)) {
        const socket = e.socket;
        if (e.code !== "UND_ERR_SOCKET" || !socket)
            continue;
        const alert = socket.localPort === undefined ? undefined : alerts.get(socket.localPort);
        if (alert) {
            alerts.delete(socket.localPort);
            return new TypeError("fetch failed", { cause: alert });
        }
        // A server that checks client certificates after the handshake (Node's own, some
        // proxies) just closes, without an alert: say what that most likely means.
        if (clientCertificate && socket.bytesRead === 0) {
            return new TypeError("fetch failed", {
                cause: Object.assign(new Error("other side closed"), {
                    code: "the connection was closed right after the TLS handshake, without an answer: the array (or a gateway) " +
                        "may have refused the client certificate in tls.cert/tls.pfx; check that a CA it trusts issued it",
                }),
            });
        }
        return error;
    }
    return error;
}
/** Statuses whose Response must have a null body (Fetch standard), or `new Response` throws. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
async function toGlobalResponse(response) {
    const headers = new Headers();
    for (const [name, value] of response.headers)
        headers.append(name, value);
    const nullBody = NULL_BODY_STATUSES.has(response.status);
    if (nullBody)
        await response.body?.cancel();
    const converted = new Response(nullBody ? null : response.body, {
        status: response.status,
        statusText: response.statusText,
        headers,
    });
    // `url` and `redirected` are read-only getters the constructor cannot set; keep them for error messages.
    Object.defineProperties(converted, {
        url: { value: response.url },
        redirected: { value: response.redirected },
    });
    return converted;
}
//# sourceMappingURL=node.js.map