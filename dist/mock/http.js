/**
 * Answers in the arrays' own shapes. FlashArray and FlashBlade report failures as
 * `{"errors": [{"context": …, "message": …}]}`; the gateway in front of Pure1 (403, 429)
 * answers `{"message": …}` (PROTOCOL.md, "Requests and responses").
 */
/** A failure a handler throws; the router turns it into an answer. */
export class MockHttpError extends Error {
    name = "MockHttpError";
    status;
    errors;
    headers;
    /** A body that replaces the `errors` shape (OAuth2 and gateway answers). */
    body;
    constructor(status, errors, options = {}) {
        const list = typeof errors === "string" ? [{ message: errors }] : errors;
        super(list.map((e) => (e.context ? `${e.context}: ${e.message}` : e.message)).join("; "));
        this.status = status;
        this.errors = list;
        this.headers = options.headers ?? {};
        this.body = options.body;
    }
}
/** Shorthand for the most common failure: 400 with one `errors[]` entry. */
export function badRequest(message, context) {
    return new MockHttpError(400, [context === undefined ? { message } : { context, message }]);
}
/** A JSON answer. */
export function json(body, status = 200, headers = {}) {
    return new Response(JSON.stringify(body), {
        status,
        headers: { "content-type": "application/json", ...headers },
    });
}
/** An answer with no body (DELETE, logout), with an explicit `content-length: 0`. */
export function empty(status = 200, headers = {}) {
    return new Response(null, { status, headers: { "content-length": "0", ...headers } });
}
/** The answer for a thrown {@link MockHttpError}. */
export function errorResponse(error) {
    return json(error.body ?? { errors: error.errors }, error.status, error.headers);
}
//# sourceMappingURL=http.js.map