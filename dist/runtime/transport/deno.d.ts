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
import type { ResolvedProxy } from "./proxy.js";
import { type ResolvedTls, type TransportFetch } from "./tls.js";
export declare function createDenoFetch(tls: ResolvedTls, proxy?: ResolvedProxy, direct?: boolean): Promise<TransportFetch>;
//# sourceMappingURL=deno.d.ts.map