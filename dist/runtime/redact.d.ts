/**
 * The one place secrets are removed before anything is logged or thrown.
 * Header names are matched case-insensitively; known secret values (tokens,
 * passwords the client holds) are replaced wherever they appear in text; JWTs
 * and PEM blocks are replaced on sight.
 *
 * Everything here runs in time linear in the text: it runs on bodies a hostile
 * server chose, so no backtracking regular expression ever sees a whole body
 * (a lazy or unanchored JWT pattern on 90 KB of `eyJeyJ…` blocked the event
 * loop for seconds).
 */
export declare const REDACTED = "[REDACTED]";
/** Whether a JSON field or query parameter of this name holds a secret. */
export declare function isSecretName(name: string): boolean;
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
    /** A view that redacts what this set holds (now and later) and also `extra` (the secret fields of one request's body). */
    with(extra: readonly string[]): SecretSet;
    private parent;
    private known;
    redact(text: string): string;
}
/**
 * Replaces JWT-shaped text (`eyJ` + ≥4 chars, `.`, ≥4 chars, `.`, signature) in one pass. A
 * failed candidate never rescans its first segment: every `eyJ` inside it ends at the same
 * place and fails the same way, so each character is looked at a bounded number of times.
 */
export declare function redactJwts(text: string): string;
/**
 * Replaces PEM blocks (`-----BEGIN X-----` … `-----END Y-----`, or to the end of the text when
 * the END line is missing: a truncated key is still a key) in one pass.
 */
export declare function redactPem(text: string): string;
/** Headers as a plain object with secret headers' values replaced. */
export declare function redactHeaders(headers: Headers | Record<string, string>, secrets?: SecretSet): Record<string, string>;
/**
 * A JSON-able value with secret-named fields replaced and every string redacted, at any depth
 * (for logging bodies and for the `errors[]` of an error).
 */
export declare function redactValue(value: unknown, secrets?: SecretSet, depth?: number): unknown;
/**
 * The values of secret-named fields in a request body (JSON or form-encoded): `password`,
 * `api_token`, `subject_token`, `private_key`… An array that echoes the body back in an
 * error must not put them in front of the user.
 */
export declare function secretsInBody(body: ArrayBuffer | undefined, contentType: string | null): string[];
/** A URL with secret-named query parameters replaced. */
export declare function redactUrl(url: string, secrets?: SecretSet): string;
//# sourceMappingURL=redact.d.ts.map