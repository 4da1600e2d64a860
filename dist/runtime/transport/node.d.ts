/**
 * Node adapter: undici's fetch with an Agent that carries the CA / skips
 * verification, returning Node's *global* Response. undici's own Response is
 * another class, so `instanceof Response` (openapi-fetch, user code) would fail.
 */
import { type ResolvedTls, type TransportFetch } from "./tls.js";
export declare function createNodeFetch(tls: ResolvedTls): TransportFetch;
//# sourceMappingURL=node.d.ts.map
