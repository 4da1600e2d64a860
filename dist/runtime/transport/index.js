/**
 * Which `fetch` a client sends its requests with. Web `fetch` cannot take a CA
 * or skip verification, so TLS options need a platform adapter: `node.ts`
 * (undici) or `deno.ts` (`Deno.createHttpClient`). They are imported only on
 * their platform, so everything else stays on web globals.
 */
import { PurekitError } from "../errors.js";
import { withProxyErrors } from "./proxy.js";
import { INSECURE_WARNING, resolveTls, withTlsErrors, } from "./tls.js";
export { proxyFor } from "./proxy.js";
/**
 * The `fetch` a client should use for these options.
 *
 * @example
 * ```ts
 * const fetch = await createTransportFetch({ tls: { ca: await readFile("array-ca.pem", "utf8") } });
 * const res = await fetch("https://array.lab/api/api_version"); // a global Response
 * ```
 */
export async function createTransportFetch(options = {}) {
    if (options.fetch)
        return options.fetch;
    const tls = resolveTls(options.tls ?? {});
    const proxy = options.proxy;
    if (tls.ca.length === 0 && !tls.insecure && verificationOffByEnvironment()) {
        const warn = options.onInsecure ?? ((message) => console.warn(`purekit: ${message}`));
        warn(ENV_INSECURE_WARNING);
    }
    if (tls.ca.length === 0 && !tls.insecure && !tls.client && !proxy && !options.direct) {
        // Looked up at call time: msw and test doubles replace globalThis.fetch after clients exist.
        return withTlsErrors((input, init) => globalThis.fetch(input, init), tls);
    }
    const platform = await platformFetch(tls, proxy, options.direct === true);
    const transportFetch = proxy
        ? Object.assign(withProxyErrors(platform, proxy), platform.close ? { close: platform.close } : {})
        : platform;
    if (tls.insecure) {
        const warn = options.onInsecure ?? ((message) => console.warn(`purekit: ${message}`));
        warn(INSECURE_WARNING);
    }
    return transportFetch;
}
export const ENV_INSECURE_WARNING = "TLS certificate verification is OFF for this whole process (NODE_TLS_REJECT_UNAUTHORIZED=0): anyone on " +
    "the network path can impersonate the array and read its credentials. Unset it and give the array's CA " +
    "with tls.ca; for a lab array say so explicitly with tls.insecure.";
/**
 * Node's `NODE_TLS_REJECT_UNAUTHORIZED=0` silently turns verification off for the global
 * fetch. Read through `globalThis.process`, so nothing here imports node:*; a runtime that
 * guards its environment (Deno without --allow-env) simply has nothing to say.
 */
function verificationOffByEnvironment() {
    try {
        const env = globalThis.process?.env;
        return env?.NODE_TLS_REJECT_UNAUTHORIZED === "0";
    }
    catch {
        return false;
    }
}
async function platformFetch(tls, proxy, direct) {
    if ("Deno" in globalThis) {
        const { createDenoFetch } = await import("./deno.js");
        return createDenoFetch(tls, proxy, direct);
    }
    const versions = globalThis.process?.versions;
    if (versions?.node !== undefined) {
        const { createNodeFetch } = await import("./node.js");
        return createNodeFetch(tls, proxy);
    }
    throw new PurekitError(proxy ? "ERR_PROXY" : "ERR_TLS", "tls options and proxies need Node or Deno: in a browser the browser's own trust store and proxy settings decide. " +
        "Configure them there, or leave tls and proxy out.");
}
//# sourceMappingURL=index.js.map