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
export const REDACTED = "[REDACTED]";
const SECRET_HEADERS = new Set([
    "api-token",
    "x-auth-token",
    "authorization",
    "cookie",
    "set-cookie",
    "proxy-authorization",
]);
/**
 * Field and query-parameter names that hold secrets: `password`, `old_password`, `api_token`,
 * `subject_token`, `private_key`, `client_secret`, `passphrase`… A continuation token is not
 * one (it is in every paginated URL). Names are matched only up to {@link MAX_NAME} characters.
 */
const SECRET_FIELDS = /^(?!continuation_token$)(?:[a-z0-9]+[_-])*(?:password|passwd|passphrase|secret|token|private_?key|api_?key)$/i;
const MAX_NAME = 128;
/** Whether a JSON field or query parameter of this name holds a secret. */
export function isSecretName(name) {
    return name.length <= MAX_NAME && SECRET_FIELDS.test(name);
}
/** Very short values would redact ordinary words; no real credential is that short. */
const worthRedacting = (value) => value !== undefined && value.length >= 6;
/** Secret values a client holds; redaction replaces them wherever they appear. */
export class SecretSet {
    limit;
    values = new Set();
    transient = new Set();
    /** Sessions and access tokens renew for as long as a client lives: keep the newest few. */
    constructor(limit = 64) {
        this.limit = limit;
    }
    /** A secret for the client's whole life (API token, password, key password). */
    add(value) {
        if (worthRedacting(value))
            this.values.add(value);
    }
    /** A secret that gets replaced (a session, an access token): only the newest `limit` are kept. */
    addTransient(value) {
        if (!worthRedacting(value))
            return;
        this.transient.delete(value);
        this.transient.add(value);
        if (this.transient.size > this.limit)
            this.transient.delete(this.transient.values().next().value);
    }
    /** A view that redacts what this set holds (now and later) and also `extra` (the secret fields of one request's body). */
    with(extra) {
        if (extra.length === 0)
            return this;
        const view = new SecretSet(this.limit);
        for (const v of extra)
            view.add(v);
        view.parent = this;
        return view;
    }
    parent;
    known() {
        return [...this.values, ...this.transient, ...(this.parent?.known() ?? [])];
    }
    redact(text) {
        let out = redactJwts(redactPem(text));
        // Longest first: a secret that contains another is replaced whole.
        const known = this.known().sort((a, b) => b.length - a.length);
        for (const v of known) {
            if (out.includes(v))
                out = out.split(v).join(REDACTED);
            const encoded = encodeURIComponent(v);
            if (encoded !== v && out.includes(encoded))
                out = out.split(encoded).join(REDACTED);
        }
        return out;
    }
}
/** base64url alphabet: A–Z a–z 0–9 - _ */
function isBase64Url(c) {
    return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95;
}
/** The end of the base64url run starting at `from`. */
function runEnd(text, from) {
    let i = from;
    while (i < text.length && isBase64Url(text.charCodeAt(i)))
        i++;
    return i;
}
/**
 * Replaces JWT-shaped text (`eyJ` + ≥4 chars, `.`, ≥4 chars, `.`, signature) in one pass. A
 * failed candidate never rescans its first segment: every `eyJ` inside it ends at the same
 * place and fails the same way, so each character is looked at a bounded number of times.
 */
export function redactJwts(text) {
    let out = "";
    let copied = 0;
    let from = 0;
    for (;;) {
        const start = text.indexOf("eyJ", from);
        if (start < 0)
            break;
        const end1 = runEnd(text, start + 3);
        if (end1 - start < 7 || text.charCodeAt(end1) !== 46) {
            from = Math.max(end1, start + 3);
            continue;
        }
        const end2 = runEnd(text, end1 + 1);
        if (end2 - end1 - 1 < 4 || text.charCodeAt(end2) !== 46) {
            // An `eyJ` in the second segment may still start a token.
            from = end1 + 1;
            continue;
        }
        const end3 = runEnd(text, end2 + 1);
        out += text.slice(copied, start) + REDACTED;
        copied = from = end3;
    }
    return copied === 0 ? text : out + text.slice(copied);
}
const BEGIN = "-----BEGIN ";
const DASHES = "-----";
/** Index just past `-----<LABEL>-----` at `at` ([A-Z0-9 ]+ label), or -1. */
function pemLabelEnd(text, at) {
    let i = at;
    while (i < text.length) {
        const c = text.charCodeAt(i);
        if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 32)
            i++;
        else
            break;
    }
    return i > at && text.startsWith(DASHES, i) ? i + DASHES.length : -1;
}
/**
 * Replaces PEM blocks (`-----BEGIN X-----` … `-----END Y-----`, or to the end of the text when
 * the END line is missing: a truncated key is still a key) in one pass.
 */
export function redactPem(text) {
    let out = "";
    let copied = 0;
    let from = 0;
    for (;;) {
        const start = text.indexOf(BEGIN, from);
        if (start < 0)
            break;
        const bodyStart = pemLabelEnd(text, start + BEGIN.length);
        if (bodyStart < 0) {
            from = start + 1;
            continue;
        }
        let end = text.length;
        for (let at = text.indexOf("-----END ", bodyStart); at >= 0; at = text.indexOf("-----END ", at + 1)) {
            const after = pemLabelEnd(text, at + "-----END ".length);
            if (after >= 0) {
                end = after;
                break;
            }
        }
        out += text.slice(copied, start) + REDACTED;
        copied = from = end;
    }
    return copied === 0 ? text : out + text.slice(copied);
}
/** Headers as a plain object with secret headers' values replaced. */
export function redactHeaders(headers, secrets) {
    const out = {};
    const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
    for (const [k, v] of entries) {
        out[k] = SECRET_HEADERS.has(k.toLowerCase()) ? REDACTED : secrets ? secrets.redact(v) : v;
    }
    return out;
}
/** Deeper than any real answer; a hostile one must not exhaust the stack. */
const MAX_DEPTH = 32;
/**
 * A JSON-able value with secret-named fields replaced and every string redacted, at any depth
 * (for logging bodies and for the `errors[]` of an error).
 */
export function redactValue(value, secrets, depth = 0) {
    if (typeof value === "string")
        return secrets ? secrets.redact(value) : redactJwts(redactPem(value));
    if (value === null || typeof value !== "object")
        return value;
    if (depth >= MAX_DEPTH)
        return "[nested too deep]";
    if (Array.isArray(value))
        return value.map((v) => redactValue(v, secrets, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [
        secrets ? secrets.redact(k) : k,
        isSecretName(k) ? REDACTED : redactValue(v, secrets, depth + 1),
    ]));
}
/** Request bodies larger than this are not searched for secret fields (API bodies are small). */
const MAX_SCANNED_BODY = 1 << 20;
/**
 * The values of secret-named fields in a request body (JSON or form-encoded): `password`,
 * `api_token`, `subject_token`, `private_key`… An array that echoes the body back in an
 * error must not put them in front of the user.
 */
export function secretsInBody(body, contentType) {
    if (body === undefined || body.byteLength === 0 || body.byteLength > MAX_SCANNED_BODY)
        return [];
    const text = new TextDecoder().decode(body);
    const found = [];
    if (/application\/x-www-form-urlencoded/i.test(contentType ?? "")) {
        for (const [k, v] of new URLSearchParams(text))
            if (isSecretName(k))
                found.push(v);
        return found;
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return found;
    }
    const walk = (value, depth) => {
        if (value === null || typeof value !== "object" || depth >= MAX_DEPTH)
            return;
        for (const [k, v] of Object.entries(value)) {
            if (isSecretName(k) && (typeof v === "string" || typeof v === "number"))
                found.push(String(v));
            else
                walk(v, depth + 1);
        }
    };
    walk(parsed, 0);
    return found;
}
/** A URL with secret-named query parameters replaced. */
export function redactUrl(url, secrets) {
    try {
        const u = new URL(url);
        for (const k of [...u.searchParams.keys()])
            if (isSecretName(k))
                u.searchParams.set(k, REDACTED);
        const s = u.toString();
        return secrets ? secrets.redact(s) : s;
    }
    catch {
        return secrets ? secrets.redact(url) : url;
    }
}
//# sourceMappingURL=redact.js.map