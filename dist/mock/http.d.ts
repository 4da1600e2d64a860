/**
 * Answers in the arrays' own shapes. FlashArray and FlashBlade report failures as
 * `{"errors": [{"context": …, "message": …}]}`; the gateway in front of Pure1 (403, 429)
 * answers `{"message": …}` (PROTOCOL.md, "Requests and responses").
 */
/** One entry of an `errors` array. */
export interface ApiErrorEntry {
    context?: string;
    message: string;
    location_context?: string;
}
/** A failure a handler throws; the router turns it into an answer. */
export declare class MockHttpError extends Error {
    name: string;
    readonly status: number;
    readonly errors: ApiErrorEntry[];
    readonly headers: Record<string, string>;
    /** A body that replaces the `errors` shape (OAuth2 and gateway answers). */
    readonly body: unknown;
    constructor(status: number, errors: ApiErrorEntry[] | string, options?: {
        headers?: Record<string, string>;
        body?: unknown;
    });
}
/** Shorthand for the most common failure: 400 with one `errors[]` entry. */
export declare function badRequest(message: string, context?: string): MockHttpError;
/** A JSON answer. */
export declare function json(body: unknown, status?: number, headers?: Record<string, string>): Response;
/** An answer with no body (DELETE, logout), with an explicit `content-length: 0`. */
export declare function empty(status?: number, headers?: Record<string, string>): Response;
/** The answer for a thrown {@link MockHttpError}. */
export declare function errorResponse(error: MockHttpError): Response;
//# sourceMappingURL=http.d.ts.map