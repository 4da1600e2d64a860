/**
 * `tls.insecure` on Deno: a small fetch over Deno's `node:https` with
 * `rejectUnauthorized: false`, the one per-connection way Deno offers to skip
 * verification (Deno's own HttpClient has none; see `deno.ts`). Loaded only then.
 *
 * It keeps fetch's contract where a client relies on it: a global Response,
 * redirects followed (credentials dropped across origins), abort via `signal`,
 * and network failures as `TypeError("fetch failed", { cause })` like undici's.
 */
export declare function createInsecureFetch(): typeof fetch & {
  close: () => Promise<void>;
};
//# sourceMappingURL=deno-insecure.d.ts.map
