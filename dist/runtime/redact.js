/**
 * The one place secrets are removed before anything is logged or thrown.
 * Header names are matched case-insensitively; known secret values (tokens,
 * passwords the client holds) are replaced wherever they appear in text; JWTs
 * and PEM blocks are replaced on sight.
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
const SECRET_FIELDS =
  /^(password|api_token|access_token|refresh_token|id_token|subject_token|private_?key|client_secret|token)$/i;
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const PEM = /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(-----END [A-Z0-9 ]+-----|$)/g;
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
    if (worthRedacting(value)) this.values.add(value);
  }
  /** A secret that gets replaced (a session, an access token): only the newest `limit` are kept. */
  addTransient(value) {
    if (!worthRedacting(value)) return;
    this.transient.delete(value);
    this.transient.add(value);
    if (this.transient.size > this.limit) this.transient.delete(this.transient.values().next().value);
  }
  redact(text) {
    let out = text.replace(PEM, REDACTED).replace(JWT, REDACTED);
    for (const v of [...this.values, ...this.transient]) {
      if (out.includes(v)) out = out.split(v).join(REDACTED);
      const encoded = encodeURIComponent(v);
      if (encoded !== v && out.includes(encoded)) out = out.split(encoded).join(REDACTED);
    }
    return out;
  }
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
/** A JSON-able value with secret-named fields replaced (for logging bodies). */
export function redactValue(value, secrets) {
  if (typeof value === "string") return secrets ? secrets.redact(value) : value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_FIELDS.test(k) ? REDACTED : redactValue(v, secrets)]),
    );
  }
  return value;
}
/** A URL with secret-named query parameters replaced. */
export function redactUrl(url, secrets) {
  try {
    const u = new URL(url);
    for (const k of [...u.searchParams.keys()]) if (SECRET_FIELDS.test(k)) u.searchParams.set(k, REDACTED);
    const s = u.toString();
    return secrets ? secrets.redact(s) : s;
  } catch {
    return secrets ? secrets.redact(url) : url;
  }
}
//# sourceMappingURL=redact.js.map
