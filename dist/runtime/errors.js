/**
 * Typed errors. Every error purekit throws is a {@link PurekitError} with a
 * `code` from a closed union, so callers can `switch (err.code)` and TypeScript
 * narrows. Messages say what failed, with what input, and what to do next; they
 * never carry a secret (see `redact.ts`).
 */
/**
 * Base class of every error purekit throws.
 *
 * @example
 * ```ts
 * try { await fa.unwrap(fa.GET("/volumes")); }
 * catch (e) { if (e instanceof PurekitError && e.code === "ERR_TIMEOUT") retryLater(); }
 * ```
 */
export class PurekitError extends Error {
    name = "PurekitError";
    code;
    constructor(code, message, options) {
        super(message, options?.cause === undefined ? undefined : { cause: options.cause });
        this.code = code;
    }
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
export class PureApiError extends PurekitError {
    name = "PureApiError";
    status;
    errors;
    requestId;
    request;
    /** The raw answer body when it was not the array's JSON error shape (e.g. an HTML page), truncated. */
    body;
    constructor(init) {
        super(init.code ?? "ERR_API", init.message);
        this.status = init.status;
        this.errors = init.errors;
        this.requestId = init.requestId;
        this.request = init.request;
        this.body = init.body;
    }
}
//# sourceMappingURL=errors.js.map