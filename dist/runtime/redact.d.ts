/**
 * The one place secrets are removed before anything is logged or thrown.
 * Header names are matched case-insensitively; known secret values (tokens,
 * passwords the client holds) are replaced wherever they appear in text; JWTs
 * and PEM blocks are replaced on sight.
 */
export declare const REDACTED = "[REDACTED]";
/** Secret values a client holds; redaction replaces them wherever they appear. */
export declare class SecretSet {
  private readonly limit;
  private readonly values;
  private readonly transient;
  /** Sessions and access tokens renew for as long as a client lives: keep the newest few. */
  constructor(limit?: number);
  /** A secret for the client's whole life (API token, password, key password). */
  add(value: string | undefined): void;
  /** A secret that gets replaced (a session, an access token): only the newest `limit` are kept. */
  addTransient(value: string | undefined): void;
  redact(text: string): string;
}
/** Headers as a plain object with secret headers' values replaced. */
export declare function redactHeaders(
  headers: Headers | Record<string, string>,
  secrets?: SecretSet,
): Record<string, string>;
/** A JSON-able value with secret-named fields replaced (for logging bodies). */
export declare function redactValue(value: unknown, secrets?: SecretSet): unknown;
/** A URL with secret-named query parameters replaced. */
export declare function redactUrl(url: string, secrets?: SecretSet): string;
//# sourceMappingURL=redact.d.ts.map
