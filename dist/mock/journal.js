/**
 * The request journal: every request a mock array receives, with secrets redacted,
 * so tests can assert "exactly one login happened" or "every call carried the same
 * X-Request-ID".
 */
/** Headers whose values never reach the journal. */
const SECRET_HEADERS = new Set(["api-token", "x-auth-token", "authorization", "cookie", "set-cookie"]);
/** Query parameters whose values never reach the journal. */
const SECRET_QUERY = /pass(word)?|secret|token$|^subject_token|private/i;
const REDACTED = "[redacted]";
/** Redacts a header or query value by name. */
export function redactHeaders(headers) {
    const out = {};
    headers.forEach((value, name) => {
        out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value;
    });
    return out;
}
function redactQuery(url) {
    const out = {};
    for (const [name, value] of url.searchParams) {
        const safe = SECRET_QUERY.test(name) && name !== "continuation_token" ? REDACTED : value;
        out[name] = name in out ? `${out[name]},${safe}` : safe;
    }
    return out;
}
/**
 * The log of requests.
 *
 * @example
 * ```ts
 * await client.listVolumes();
 * expect(array.journal.count({ method: "POST", path: /\/login$/ })).toBe(1);
 * expect(array.journal.entries[0]?.headers["x-auth-token"]).toBe("[redacted]");
 * ```
 */
export class Journal {
    entries = [];
    #now;
    /** Oldest entries are dropped past about this many (a long-running standalone server must not grow). */
    limit;
    constructor(now, limit = 10_000) {
        this.#now = now;
        this.limit = limit;
    }
    /** Records a request; returns the entry so the status can be filled in later. */
    record(request) {
        const url = new URL(request.url);
        const entry = {
            time: this.#now(),
            method: request.method.toUpperCase(),
            path: url.pathname,
            query: redactQuery(url),
            headers: redactHeaders(request.headers),
            status: 0,
        };
        this.entries.push(entry);
        // Trim in batches: one splice per limit/10 requests, not one per request.
        if (this.entries.length > this.limit + this.limit / 10)
            this.entries.splice(0, this.entries.length - this.limit);
        return entry;
    }
    /** Entries matching a method and a path (exact string, or a RegExp tested on the path). */
    filter(match = {}) {
        return this.entries.filter((e) => (match.method === undefined || e.method === match.method.toUpperCase()) &&
            (match.path === undefined ||
                (typeof match.path === "string" ? e.path === match.path : match.path.test(e.path))));
    }
    /** How many entries match. */
    count(match = {}) {
        return this.filter(match).length;
    }
    /** Forgets every entry. */
    clear() {
        this.entries.length = 0;
    }
}
//# sourceMappingURL=journal.js.map