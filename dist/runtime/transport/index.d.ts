/**
 * Which `fetch` a client sends its requests with. Web `fetch` cannot take a CA
 * or skip verification, so TLS options need a platform adapter: `node.ts`
 * (undici) or `deno.ts` (`Deno.createHttpClient`). They are imported only on
 * their platform, so everything else stays on web globals.
 */
import { type ResolvedProxy } from "./proxy.js";
import { type TlsOptions, type TransportFetch } from "./tls.js";
export { type ProxyOption, proxyFor, type ResolvedProxy } from "./proxy.js";
export type { TlsOptions, TransportFetch } from "./tls.js";
export interface TransportOptions {
    /** How to verify the array's certificate. Without it, the platform's default trust store decides. */
    tls?: TlsOptions | undefined;
    /** A fetch to use as it is (a mock's fetch, an instrumented one); `tls` is then its business. */
    fetch?: typeof fetch | undefined;
    /**
     * Told once, when `tls.insecure` is on, or when `NODE_TLS_REJECT_UNAUTHORIZED=0` turns
     * verification off for the default transport. Default: `console.warn`. Never silently insecure.
     */
    onInsecure?: ((message: string) => void) | undefined;
    /** The proxy to tunnel through (see `proxyFor`); absent for a direct connection. */
    proxy?: ResolvedProxy | undefined;
    /**
     * Connect directly although the environment names a proxy (`proxy: false`, or NO_PROXY
     * matched): Deno's own fetch would read HTTPS_PROXY itself, so it needs another path.
     */
    direct?: boolean | undefined;
}
/**
 * The `fetch` a client should use for these options.
 *
 * @example
 * ```ts
 * const fetch = await createTransportFetch({ tls: { ca: await readFile("array-ca.pem", "utf8") } });
 * const res = await fetch("https://array.lab/api/api_version"); // a global Response
 * ```
 */
export declare function createTransportFetch(options?: TransportOptions): Promise<TransportFetch>;
export declare const ENV_INSECURE_WARNING: string;
//# sourceMappingURL=index.d.ts.map