/**
 * Which `fetch` a client sends its requests with. Web `fetch` cannot take a CA
 * or skip verification, so TLS options need a platform adapter: `node.ts`
 * (undici) or `deno.ts` (`Deno.createHttpClient`). They are imported only on
 * their platform, so everything else stays on web globals.
 */

import { PurekitError } from "../errors.ts";
import type { DirectSend } from "../http.ts";
import { asProxyError, type ResolvedProxy, withProxyErrors } from "./proxy.ts";
import {
  INSECURE_WARNING,
  type ResolvedTls,
  resolveTls,
  type TlsOptions,
  type TransportFetch,
  withTlsErrors,
} from "./tls.ts";

export { type ProxyOption, proxyFor, type ResolvedProxy } from "./proxy.ts";
export type { TlsOptions, TransportFetch } from "./tls.ts";

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
 * A transport: a fetch, and on Node a `direct` send for the client's pipeline that skips
 * fetch's WHATWG objects (runtime/http.ts `DirectSend`).
 */
export type Transport = TransportFetch & { direct?: DirectSend | undefined };

/**
 * The `fetch` a client should use for these options.
 *
 * @example
 * ```ts
 * const fetch = await createTransportFetch({ tls: { ca: await readFile("array-ca.pem", "utf8") } });
 * const res = await fetch("https://array.lab/api/api_version"); // a global Response
 * ```
 */
export async function createTransportFetch(options: TransportOptions = {}): Promise<Transport> {
  if (options.fetch) return options.fetch;
  const tls = resolveTls(options.tls ?? {});
  const proxy = options.proxy;
  if (tls.ca.length === 0 && !tls.insecure && verificationOffByEnvironment()) {
    const warn = options.onInsecure ?? ((message: string) => console.warn(`purekit: ${message}`));
    warn(ENV_INSECURE_WARNING);
  }
  if (tls.ca.length === 0 && !tls.insecure && !tls.client && !proxy && !options.direct) {
    // Looked up at call time: msw and test doubles replace globalThis.fetch after clients exist.
    return withTlsErrors((input, init) => globalThis.fetch(input, init), tls);
  }
  const platform = await platformFetch(tls, proxy, options.direct === true);
  const direct = platform.direct;
  const transportFetch: Transport = proxy
    ? Object.assign(
        withProxyErrors(platform, proxy),
        platform.close ? { close: platform.close } : {},
        direct ? { direct: withProxyErrorsDirect(direct, proxy) } : {},
      )
    : platform;
  if (tls.insecure) {
    const warn = options.onInsecure ?? ((message: string) => console.warn(`purekit: ${message}`));
    warn(INSECURE_WARNING);
  }
  return transportFetch;
}

export const ENV_INSECURE_WARNING =
  "TLS certificate verification is OFF for this whole process (NODE_TLS_REJECT_UNAUTHORIZED=0): anyone on " +
  "the network path can impersonate the array and read its credentials. Unset it and give the array's CA " +
  "with tls.ca; for a lab array say so explicitly with tls.insecure.";

/**
 * Node's `NODE_TLS_REJECT_UNAUTHORIZED=0` silently turns verification off for the global
 * fetch. Read through `globalThis.process`, so nothing here imports node:*; a runtime that
 * guards its environment (Deno without --allow-env) simply has nothing to say.
 */
function verificationOffByEnvironment(): boolean {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    return env?.NODE_TLS_REJECT_UNAUTHORIZED === "0";
  } catch {
    return false;
  }
}

/** What `withProxyErrors` does for a fetch, for a direct send. */
function withProxyErrorsDirect(send: DirectSend, proxy: ResolvedProxy): DirectSend {
  return async (request, guard) => {
    try {
      return await send(request, guard);
    } catch (error) {
      throw asProxyError(error, request.url, proxy);
    }
  };
}

async function platformFetch(
  tls: ResolvedTls,
  proxy: ResolvedProxy | undefined,
  direct: boolean,
): Promise<Transport> {
  if ("Deno" in globalThis) {
    const { createDenoFetch } = await import("./deno.ts");
    return createDenoFetch(tls, proxy, direct);
  }
  const versions = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions;
  if (versions?.node !== undefined) {
    const { createNodeFetch } = await import("./node.ts");
    return createNodeFetch(tls, proxy);
  }
  throw new PurekitError(
    proxy ? "ERR_PROXY" : "ERR_TLS",
    "tls options and proxies need Node or Deno: in a browser the browser's own trust store and proxy settings decide. " +
      "Configure them there, or leave tls and proxy out.",
  );
}
