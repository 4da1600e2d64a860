/**
 * Typed errors: the one place where purekit's error classes and codes are defined.
 * Every error purekit throws is a {@link PurekitError} with a `code` from a closed
 * union, so callers can `switch (err.code)` and TypeScript narrows. Messages say what
 * failed, with what input, and what to do next; they never carry a secret (see
 * `redact.ts`). HTTP answers become these errors in `answers.ts`.
 */

/** Every error code purekit can produce. */
export type PurekitErrorCode =
  // spec registry and generator
  | "ERR_SPEC_UNKNOWN_VERSION"
  | "ERR_SPEC_NOT_FOUND"
  | "ERR_SPEC_CHECKSUM"
  | "ERR_SPEC_INVALID"
  | "ERR_GENERATE"
  // an optional peer dependency (openapi-typescript for generate, msw for the mocks) is not installed
  | "ERR_MISSING_DEPENDENCY"
  // keys
  | "ERR_KEY_PASSWORD_REQUIRED"
  | "ERR_KEY_WRONG_PASSWORD"
  | "ERR_KEY_NOT_RSA"
  | "ERR_KEY_PUBLIC_GIVEN"
  | "ERR_KEY_UNSUPPORTED"
  | "ERR_KEY_MALFORMED"
  | "ERR_KEY_UNREADABLE"
  // runtime
  | "ERR_API"
  | "ERR_AUTH"
  | "ERR_AUTH_TOKEN_EXPIRED"
  | "ERR_AUTH_CONFIG"
  | "ERR_VERSION_UNSUPPORTED"
  | "ERR_NETWORK"
  | "ERR_TLS"
  | "ERR_TIMEOUT"
  | "ERR_ABORTED"
  | "ERR_BAD_RESPONSE"
  | "ERR_RESPONSE_TOO_LARGE"
  | "ERR_REDIRECT"
  | "ERR_CLOSED"
  | "ERR_INVALID_ARGUMENT"
  // network: a proxy refused or could not be reached; an answer that partly failed (207)
  | "ERR_PROXY"
  | "ERR_PARTIAL";

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
  override name = "PurekitError";
  readonly code: PurekitErrorCode;
  constructor(code: PurekitErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
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
export class PureApiError extends PurekitError {
  override name = "PureApiError";
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
  }) {
    super(init.code ?? "ERR_API", init.message);
    this.status = init.status;
    this.errors = init.errors;
    this.requestId = init.requestId;
    this.request = init.request;
    this.body = init.body;
  }
}

/**
 * An answer that succeeded only in part: `data` holds what worked (for `paginate`,
 * nothing: the items were already yielded), `errors` what did not. See `partial.ts`.
 *
 * @example
 * ```ts
 * try {
 *   await fa.postVolumes({ names: ["v1", "v2"] }, { provisioned: 1 << 30 });
 * } catch (e) {
 *   if (e instanceof PartialResultError) {
 *     console.log("created", e.data?.items?.length, "failed", e.errors.map((x) => x.context));
 *   } else throw e;
 * }
 * ```
 */
export class PartialResultError<T = unknown> extends PureApiError {
  override name = "PartialResultError";
  /** What the array did return (the whole answer body); undefined from `paginate`. */
  readonly data: T | undefined;
  /** Items `paginate` yielded (or pages' items) before this was thrown. */
  readonly itemCount: number;

  constructor(init: {
    status: number;
    errors: PureErrorItem[];
    requestId: string | undefined;
    request: RedactedRequest;
    data: T | undefined;
    itemCount: number;
    message: string;
  }) {
    super({ ...init, code: "ERR_PARTIAL" });
    this.data = init.data;
    this.itemCount = init.itemCount;
  }
}

/**
 * @internal A refused OAuth2 token exchange (`ERR_AUTH`); `serverDate` (the answer's
 * `Date`) lets the caller sign once more with the server's clock.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof ExchangeRefused && e.serverDate !== undefined) resignWith(e.serverDate); }
 * ```
 */
export class ExchangeRefused extends PurekitError {
  constructor(
    message: string,
    readonly status: number,
    readonly serverDate: number | undefined,
  ) {
    super("ERR_AUTH", message);
  }
}
