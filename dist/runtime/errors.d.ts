/**
 * Typed errors. Every error purekit throws is a {@link PurekitError} with a
 * `code` from a closed union, so callers can `switch (err.code)` and TypeScript
 * narrows. Messages say what failed, with what input, and what to do next; they
 * never carry a secret (see `redact.ts`).
 */
/** Every error code purekit can produce. */
export type PurekitErrorCode = "ERR_SPEC_UNKNOWN_VERSION" | "ERR_SPEC_NOT_FOUND" | "ERR_SPEC_CHECKSUM" | "ERR_SPEC_INVALID" | "ERR_GENERATE" | "ERR_MISSING_DEPENDENCY" | "ERR_KEY_PASSWORD_REQUIRED" | "ERR_KEY_WRONG_PASSWORD" | "ERR_KEY_NOT_RSA" | "ERR_KEY_PUBLIC_GIVEN" | "ERR_KEY_UNSUPPORTED" | "ERR_KEY_MALFORMED" | "ERR_KEY_UNREADABLE" | "ERR_API" | "ERR_AUTH" | "ERR_AUTH_TOKEN_EXPIRED" | "ERR_AUTH_CONFIG" | "ERR_VERSION_UNSUPPORTED" | "ERR_NETWORK" | "ERR_TLS" | "ERR_TIMEOUT" | "ERR_ABORTED" | "ERR_BAD_RESPONSE" | "ERR_RESPONSE_TOO_LARGE" | "ERR_REDIRECT" | "ERR_CLOSED" | "ERR_INVALID_ARGUMENT" | "ERR_PROXY" | "ERR_PARTIAL";
/**
 * Base class of every error purekit throws.
 *
 * @example
 * ```ts
 * try { await fa.unwrap(fa.GET("/volumes")); }
 * catch (e) { if (e instanceof PurekitError && e.code === "ERR_TIMEOUT") retryLater(); }
 * ```
 */
export declare class PurekitError extends Error {
    name: string;
    readonly code: PurekitErrorCode;
    constructor(code: PurekitErrorCode, message: string, options?: {
        cause?: unknown;
    });
}
/** One entry of the arrays' `errors[]` answer. */
export interface PureErrorItem {
    /** Usually the name of the object the error is about (`vol1`). */
    context?: string;
    message: string;
    location_context?: string;
    [key: string]: unknown;
}
/** What an error may tell of the request that failed: secrets already removed. */
export interface RedactedRequest {
    method: string;
    url: string;
    headers: Record<string, string>;
}
/**
 * The array (or Pure1) answered with an HTTP error.
 *
 * `errors` holds the array's `errors[]` (or the gateway's `{message}` as one
 * entry); `requestId` is the `X-Request-ID` sent, which the array's support
 * team can look up.
 *
 * @example
 * ```ts
 * const { error } = await fa.POST("/volumes", { params: { query: { names: ["v1"] } }, body: {} });
 * if (error?.status === 400) console.log(error.errors[0]?.context, error.errors[0]?.message);
 * ```
 */
export declare class PureApiError extends PurekitError {
    name: string;
    readonly status: number;
    readonly errors: PureErrorItem[];
    readonly requestId: string | undefined;
    readonly request: RedactedRequest;
    /** The raw answer body when it was not the array's JSON error shape (e.g. an HTML page), truncated. */
    readonly body: string | undefined;
    constructor(init: {
        status: number;
        errors: PureErrorItem[];
        requestId: string | undefined;
        request: RedactedRequest;
        body?: string;
        message: string;
        code?: PurekitErrorCode;
    });
}
//# sourceMappingURL=errors.d.ts.map