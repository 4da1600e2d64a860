/**
 * `tls.insecure` on Deno: a small fetch over Deno's `node:https` with
 * `rejectUnauthorized: false`, the one per-connection way Deno offers to skip
 * verification (Deno's own HttpClient has none; see `deno.ts`). Loaded only then.
 * Also, verifying, the way to connect directly while HTTPS_PROXY is set (`proxy: false`):
 * Deno's fetch reads that variable itself, its `node:https` does not.
 *
 * It keeps fetch's contract where a client relies on it: a global Response,
 * redirects followed (credentials dropped across origins), abort via `signal`,
 * and network failures as `TypeError("fetch failed", { cause })` like undici's.
 */
export declare function createInsecureFetch(tls?: {
    rejectUnauthorized: boolean;
    ca?: string[];
    cert?: string;
    key?: string;
}): typeof fetch & {
    close: () => Promise<void>;
};
//# sourceMappingURL=deno-insecure.d.ts.map