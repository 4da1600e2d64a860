/**
 * The request pipeline every call goes through — data calls (from
 * openapi-fetch), pages, and the auth calls themselves:
 * request id and user agent → credentials → timeout → send → same-origin
 * redirects → re-auth once on 401 (Pure1: 403) → retry with backoff on
 * 429/503/busy/network errors → bounded answer bodies.
 * Openapi-fetch's maintainers leave retries and re-auth to the caller; this is
 * that caller.
 *
 * Redirects are handled here, not by the transport (`redirect: "manual"` on every
 * transport): a transport that follows them sends `x-auth-token`, `api-token` and
 * POST bodies (passwords, signed JWTs) wherever a redirect points. See
 * docs/decisions/007-redirects-and-limits.md.
 */
import type { AuthStrategy } from "./auth/types.js";
import { PurekitError } from "./errors.js";
import type { Logger } from "./logger.js";
import { type AttemptHook } from "./middleware.js";
import { type SecretSet } from "./redact.js";
import { type RetryOptions } from "./retry.js";
export interface PipelineOptions {
    /** The transport (TLS-aware fetch, or a mock's fetch). */
    fetch: (request: Request) => Promise<Response>;
    userAgent: string;
    /** Per attempt. */
    timeoutMs: number;
    /** Budget of one logical call including its retries and waits; retries never go past it. */
    deadlineMs?: number | undefined;
    retry?: RetryOptions | undefined;
    logger: Logger;
    secrets: SecretSet;
    /** The status that means "credentials expired": 401 on arrays, 403 on Pure1. */
    reauthStatus: number;
    random?: () => number;
    /** Largest answer body read; default {@link DEFAULT_MAX_RESPONSE_BYTES}. */
    maxResponseBytes?: number | undefined;
    /** Runs around each attempt's transport call: middleware and the request log (middleware.ts). */
    around?: AttemptHook | undefined;
}
/** 256 MiB: far above any page of a real collection (a 10,000-item page of volumes is ~10 MB). */
export declare const DEFAULT_MAX_RESPONSE_BYTES: number;
/** Error answers are read only this far: the array's `errors[]` fit in a fraction of it. */
export declare const ERROR_BODY_BYTES: number;
export interface SendOptions {
    /** Credentials to attach; absent for login and token calls. */
    auth?: AuthStrategy | undefined;
    /** This call's per-attempt timeout, instead of the client's. */
    timeoutMs?: number | undefined;
}
export type Send = (request: Request, options?: SendOptions) => Promise<Response>;
/**
 * The headers each error answer's request really carried (credentials included),
 * redacted: errors show them without the caller's code seeing a token. Kept only
 * for answers that are not ok, the only ones an error is made of.
 */
export declare const sentHeaders: WeakMap<Response, Record<string, string>>;
/**
 * The client's secrets plus the secret-named fields of the body each error answer's
 * request carried (a new admin password, a subject token): an array that echoes the
 * body must not put them in an error.
 */
export declare const sentSecrets: WeakMap<Response, SecretSet>;
/**
 * Builds the pipeline.
 *
 * @example
 * ```ts
 * const send = createPipeline({ fetch, userAgent: "purekit/0.1.0", timeoutMs: 30_000, logger, secrets, reauthStatus: 401 });
 * const res = await send(new Request("https://array/api/2.38/volumes"), { auth });
 * ```
 */
export declare function createPipeline(options: PipelineOptions): Send;
/** One request as {@link fetchWithinOrigin} sends it: the body already buffered. */
export interface OutgoingRequest {
    url: string;
    method: string;
    headers: Headers;
    body: ArrayBuffer | undefined;
    signal: AbortSignal;
    /** "follow" (default): same-origin redirects only; "manual": the 3xx as it is; "error": none. */
    redirect?: RequestRedirect | undefined;
}
/**
 * Sends a request and follows redirects that stay on its origin (same scheme, host and
 * port), with the same method and body on 307/308 as fetch does. A redirect anywhere else
 * (another host or port, or HTTPS to HTTP) is refused with ERR_REDIRECT: credentials and
 * bodies never leave the origin they were meant for. The transport sees `redirect: "manual"`.
 *
 * @example
 * ```ts
 * const res = await fetchWithinOrigin(fetch, { url, method: "POST", headers, body, signal }, secrets);
 * ```
 */
export declare function fetchWithinOrigin(fetchFn: (request: Request) => Promise<Response>, request: OutgoingRequest, secrets: SecretSet, logger?: Logger): Promise<Response>;
/**
 * An answer with bounded reading: an error answer's body read now, up to
 * {@link ERROR_BODY_BYTES}; a successful one streamed with a `maxBytes` limit. Reading
 * stops with `stopped()` when `signal` aborts.
 */
export declare function boundedAnswer(response: Response, maxBytes: number, signal: AbortSignal, stopped: () => PurekitError, what: string): Promise<Response>;
/**
 * The text of an answer the pipeline returned, every failure typed: a size or timeout
 * failure of the body is already a PurekitError; a connection that breaks mid-body becomes
 * ERR_NETWORK naming `what`.
 */
export declare function readText(response: Response, what: string): Promise<string>;
//# sourceMappingURL=http.d.ts.map