/**
 * Typed errors. Every error purekit throws is a {@link PurekitError} with a
 * `code` from a closed union, so callers can `switch (err.code)` and TypeScript
 * narrows. Messages say what failed, with what input, and what to do next; they
 * never carry a secret (see `redact.ts`).
 */

/** Every error code purekit can produce. */
export type PurekitErrorCode =
  // spec registry and generator
  | "ERR_SPEC_UNKNOWN_VERSION"
  | "ERR_SPEC_NOT_FOUND"
  | "ERR_SPEC_CHECKSUM"
  | "ERR_SPEC_INVALID"
  | "ERR_GENERATE"
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
  | "ERR_CLOSED"
  | "ERR_INVALID_ARGUMENT";

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
