/**
 * The request journal: every request a mock array receives, with secrets redacted,
 * so tests can assert "exactly one login happened" or "every call carried the same
 * X-Request-ID".
 */
/** One received request. */
export interface JournalEntry {
    /** Milliseconds since the epoch (the mock's clock). */
    time: number;
    /** Upper-case HTTP method. */
    method: string;
    /** Path as received, e.g. `/api/2.56/volumes`. */
    path: string;
    /** Query parameters as received (raw strings, repeated names joined by `,`), secrets redacted. */
    query: Record<string, string>;
    /** Lower-case header names; `api-token`, `x-auth-token`, `authorization`, cookies redacted. */
    headers: Record<string, string>;
    /** Status answered (0 when the connection was dropped); set once the answer is made. */
    status: number;
}
/** Redacts a header or query value by name. */
export declare function redactHeaders(headers: Headers): Record<string, string>;
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
export declare class Journal {
    #private;
    readonly entries: JournalEntry[];
    /** Oldest entries are dropped past about this many (a long-running standalone server must not grow). */
    readonly limit: number;
    constructor(now: () => number, limit?: number);
    /** Records a request; returns the entry so the status can be filled in later. */
    record(request: Request): JournalEntry;
    /** Entries matching a method and a path (exact string, or a RegExp tested on the path). */
    filter(match?: {
        method?: string;
        path?: string | RegExp;
    }): JournalEntry[];
    /** How many entries match. */
    count(match?: {
        method?: string;
        path?: string | RegExp;
    }): number;
    /** Forgets every entry. */
    clear(): void;
}
//# sourceMappingURL=journal.d.ts.map