/**
 * Node adapter: undici's fetch with a dispatcher that carries the CA / skips
 * verification / presents a client certificate, through an HTTP CONNECT proxy when
 * one applies (undici's ProxyAgent, TLS options on the tunnelled connection),
 * returning Node's *global* Response. undici's own Response is another class, so
 * `instanceof Response` (openapi-fetch, user code) would fail.
 */
import type { ResolvedProxy } from "./proxy.js";
import { type ResolvedTls, type TransportFetch } from "./tls.js";
export declare function createNodeFetch(tls: ResolvedTls, proxy?: ResolvedProxy): TransportFetch;
//# sourceMappingURL=node.d.ts.map