/**
 * Answers in the arrays' own shapes. FlashArray and FlashBlade report failures as
 * `{"errors": [{"context": …, "message": …}]}`; the gateway in front of Pure1 (403, 429)
 * answers `{"message": …}` (docs/protocol.md, "Answers").
 */

/** One entry of an `errors` array. */
export interface ApiErrorEntry {
  context?: string;
  message: string;
  location_context?: string;
}

/** A failure a handler throws; the router turns it into an answer. */
export class MockHttpError extends Error {
  override name = "MockHttpError";
  readonly status: number;
  readonly errors: ApiErrorEntry[];
  readonly headers: Record<string, string>;
  /** A body that replaces the `errors` shape (OAuth2 and gateway answers). */
  readonly body: unknown;

  constructor(
    status: number,
    errors: ApiErrorEntry[] | string,
    options: { headers?: Record<string, string>; body?: unknown } = {},
  ) {
    const list = typeof errors === "string" ? [{ message: errors }] : errors;
    super(list.map((e) => (e.context ? `${e.context}: ${e.message}` : e.message)).join("; "));
    this.status = status;
    this.errors = list;
    this.headers = options.headers ?? {};
    this.body = options.body;
  }
}

/** Shorthand for the most common failure: 400 with one `errors[]` entry. */
export function badRequest(message: string, context?: string): MockHttpError {
  return new MockHttpError(400, [context === undefined ? { message } : { context, message }]);
}

/** A JSON answer. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** An answer with no body (DELETE, logout), with an explicit `content-length: 0`. */
export function empty(status = 200, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers: { "content-length": "0", ...headers } });
}

/** The answer for a thrown {@link MockHttpError}. */
export function errorResponse(error: MockHttpError): Response {
  return json(error.body ?? { errors: error.errors }, error.status, error.headers);
}
