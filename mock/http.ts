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

/**
 * The request as the core sees it, from any platform: the adapters (msw, the in-process
 * fetch, node:http, `Deno.serve`) fill it in from what they receive, without building
 * a web `Request` where they do not have one.
 */
export interface MockRequest {
  /** Upper-case method. */
  readonly method: string;
  /** Path as received (`/api/2.56/volumes`), normalized as the URL standard does. */
  readonly path: string;
  /** Query string with its `?`, or `""`. */
  readonly search: string;
  /** Headers, looked up case-insensitively; `forEach` gives lower-case names. */
  readonly headers: MockHeaders;
  /**
   * The body as text, at most `limit` bytes: throws the 413 {@link MockHttpError} of
   * `bodyTooLarge` past it. `""` when none was sent.
   */
  text(limit: number): Promise<string>;
  /** The body as bytes (multipart uploads, binary inside), with the same limit and 413. */
  bytes(limit: number): Promise<Uint8Array>;
  /** Aborts when the client goes away (ends injected latency early). */
  readonly signal?: AbortSignal;
}

/** What the core reads of request headers; web `Headers` is one. */
export interface MockHeaders {
  get(name: string): string | null;
  forEach(callback: (value: string, name: string) => void): void;
}

/**
 * The answer as the core makes it: status, lower-case headers and the body text. JSON
 * is serialized once, when the answer is made (later changes to the state cannot leak
 * into it); adapters write the text as it is, to a socket or into a web `Response`.
 */
export interface MockAnswer {
  readonly status: number;
  /** Lower-case names; adapters write them as they are. */
  readonly headers: Record<string, string>;
  /** `null`: no body; bytes for file downloads (FB keytabs, logs), text otherwise. */
  readonly body: string | Uint8Array | null;
}

/**
 * The body's JSON value, for the few places that amend an answer (fleet merges, views).
 *
 * @example
 * ```ts
 * answerJson(json({ items: [] })); // { items: [] }
 * ```
 */
export function answerJson(answer: MockAnswer): unknown {
  const body = answer.body ?? "";
  return JSON.parse(typeof body === "string" ? body : new TextDecoder().decode(body));
}

/** A JSON answer. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): MockAnswer {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

/**
 * A text answer of a given media type.
 *
 * @example
 * ```ts
 * textAnswer("BQI=", "text/plain");
 * ```
 */
export function textAnswer(body: string, type: string, status = 200): MockAnswer {
  return { status, headers: { "content-type": type }, body };
}

/**
 * A file answer (downloads): the bytes as they are, with their media type.
 *
 * @example
 * ```ts
 * bytesAnswer(new Uint8Array([5, 2]), "application/octet-stream");
 * ```
 */
export function bytesAnswer(bytes: Uint8Array, type: string, status = 200): MockAnswer {
  return { status, headers: { "content-type": type }, body: bytes };
}

/** An answer with no body (DELETE, logout), with an explicit `content-length: 0`. */
export function empty(status = 200, headers: Record<string, string> = {}): MockAnswer {
  return { status, headers: { "content-length": "0", ...headers }, body: null };
}

/** The answer for a thrown {@link MockHttpError}. */
export function errorResponse(error: MockHttpError): MockAnswer {
  return json(error.body ?? { errors: error.errors }, error.status, error.headers);
}
