/**
 * Deno adapter: `Deno.createHttpClient({ caCerts })` passed to Deno's own fetch,
 * which already returns the global Response.
 *
 * Deno's HttpClient has no per-client "skip verification" option (as of Deno 2.9:
 * caCerts, proxy, pool and HTTP version settings only); the only Deno-native switch
 * is the process-wide `--unsafely-ignore-certificate-errors` flag. `tls.insecure`
 * therefore goes through Deno's `node:https`, whose `rejectUnauthorized: false`
 * works per request since Deno 2.3 (denoland/deno#29245); see `deno-insecure.ts`.
 *
 * A client certificate (`cert` + `key`, PEM; the key decrypted first, Deno takes no
 * passphrase) and a proxy (`proxy: { url, basicAuth }`) are HttpClient options too.
 */
import { PurekitError } from "../errors.js";
import { checkClientCertificate } from "./client-cert.js";
import { tlsError, tlsFailureOf, urlOf, withTlsErrors, } from "./tls.js";
function deno() {
    return globalThis.Deno;
}
export async function createDenoFetch(tls, proxy, direct = false) {
    if (tls.client?.pfx !== undefined) {
        throw new PurekitError("ERR_TLS", "tls.pfx (PKCS#12) is not supported on Deno, whose HttpClient takes PEM only: convert it with " +
            "`openssl pkcs12 -in client.p12 -nokeys -out client.pem` and `-nocerts -nodes -out client.key`, then give tls.cert and tls.key.");
    }
    const key = tls.client?.cert !== undefined ? checkClientCertificate(tls.client) : undefined;
    if (tls.insecure) {
        if (proxy) {
            throw new PurekitError("ERR_TLS", `tls.insecure cannot go through a proxy on Deno (${proxy.url}, from ${proxy.source}): give the array's CA with tls.ca, or set proxy: false.`);
        }
        const { createInsecureFetch } = await import("./deno-insecure.js");
        const insecure = createInsecureFetch({
            rejectUnauthorized: false,
            ...(tls.client?.cert !== undefined && key !== undefined ? { cert: tls.client.cert, key } : {}),
        });
        return Object.assign(withOldDenoHint(insecure, tls), { close: insecure.close });
    }
    if (direct && !proxy) {
        // Deno's fetch and HttpClient read HTTPS_PROXY themselves, with no switch to turn that
        // off; its node:https does not. So `proxy: false` (or a NO_PROXY match) goes that way.
        const { createInsecureFetch } = await import("./deno-insecure.js");
        const verified = createInsecureFetch({
            rejectUnauthorized: true,
            ...(tls.ca.length > 0 ? { ca: tls.ca } : {}),
            ...(tls.client?.cert !== undefined && key !== undefined ? { cert: tls.client.cert, key } : {}),
        });
        return Object.assign(withTlsErrors(verified, tls), { close: verified.close });
    }
    const createHttpClient = deno().createHttpClient;
    if (typeof createHttpClient !== "function") {
        throw new PurekitError("ERR_TLS", `tls options and proxies need Deno.createHttpClient, which this Deno (${denoVersion()}) does not offer: ` +
            "run deno with --unstable-http, or give the CA file with deno's --cert=<file>.");
    }
    const client = createHttpClient({
        caCerts: tls.ca,
        ...(tls.client?.cert !== undefined && key !== undefined ? { cert: tls.client.cert, key } : {}),
        ...(proxy
            ? { proxy: { url: proxy.url, ...(proxy.basicAuth ? { basicAuth: proxy.basicAuth } : {}) } }
            : {}),
    });
    // `client` is Deno's extension of RequestInit; it also applies when `input` is a Request.
    const denoFetch = (input, init) => globalThis.fetch(input, { ...init, client });
    return Object.assign(withTlsErrors(denoFetch, tls), { close: async () => client.close() });
}
function denoVersion() {
    return `Deno ${deno().version?.deno ?? "of unknown version"}`;
}
/**
 * A Deno older than 2.3 ignores `rejectUnauthorized: false` and still verifies:
 * then say what does work there, instead of the usual "use tls.insecure" hint.
 */
function withOldDenoHint(insecureFetch, tls) {
    return async (input, init) => {
        try {
            return await insecureFetch(input, init);
        }
        catch (error) {
            const failure = tlsFailureOf(error);
            if (!failure)
                throw error;
            if (failure.kind === "handshake")
                throw tlsError(urlOf(input), failure, tls, error);
            const url = new URL(urlOf(input));
            throw new PurekitError("ERR_TLS", `TLS verification of ${url.protocol}//${url.host} failed although tls.insecure is on: ${failure.reason}. ` +
                `This ${denoVersion()} cannot skip verification per client: run deno with ` +
                `--unsafely-ignore-certificate-errors=${url.hostname}, or give the array's CA with tls.ca (PEM).`, { cause: error });
        }
    };
}
//# sourceMappingURL=deno.js.map