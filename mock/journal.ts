/**
 * The request journal: every request a mock array receives, with secrets redacted,
 * so tests can assert "exactly one login happened" or "every call carried the same
 * X-Request-ID". Secrets are removed by the runtime's redactor (runtime/redact.ts): the
 * same header names, field names and `[REDACTED]` marker as the clients' errors and logs.
 */
import { isSecretName, REDACTED, redactHeaders } from "../runtime/redact.ts";
import type { MockHeaders, MockRequest } from "./http.ts";

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
  /** Lower-case header names; `api-token`, `x-auth-token`, `authorization`, `proxy-authorization`, cookies redacted. */
  headers: Record<string, string>;
  /** Status answered (0 when the connection was dropped); set once the answer is made. */
  status: number;
}

/** Header values by lower-case name, secrets redacted by the runtime's rules. */
function headersOf(headers: MockHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return redactHeaders(out);
}

function redactQuery(search: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (search.length <= 1) return out;
  for (const [name, value] of new URLSearchParams(search)) {
    const safe = isSecretName(name) ? REDACTED : value;
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
 * expect(array.journal.entries[0]?.headers["x-auth-token"]).toBe("[REDACTED]");
 * ```
 */
export class Journal {
  readonly entries: JournalEntry[] = [];
  #now: () => number;
  /** Oldest entries are dropped past about this many (a long-running standalone server must not grow). */
  readonly limit: number;

  constructor(now: () => number, limit = 10_000) {
    this.#now = now;
    this.limit = limit;
  }

  /** Records a request; returns the entry so the status can be filled in later. */
  record(request: MockRequest): JournalEntry {
    const entry: JournalEntry = {
      time: this.#now(),
      method: request.method,
      path: request.path,
      query: redactQuery(request.search),
      headers: headersOf(request.headers),
      status: 0,
    };
    this.entries.push(entry);
    // Trim in batches: one splice per limit/10 requests, not one per request.
    if (this.entries.length > this.limit + this.limit / 10)
      this.entries.splice(0, this.entries.length - this.limit);
    return entry;
  }

  /** Entries matching a method and a path (exact string, or a RegExp tested on the path). */
  filter(match: { method?: string; path?: string | RegExp } = {}): JournalEntry[] {
    return this.entries.filter(
      (e) =>
        (match.method === undefined || e.method === match.method.toUpperCase()) &&
        (match.path === undefined ||
          (typeof match.path === "string" ? e.path === match.path : match.path.test(e.path))),
    );
  }

  /** How many entries match. */
  count(match: { method?: string; path?: string | RegExp } = {}): number {
    return this.filter(match).length;
  }

  /** Forgets every entry. */
  clear(): void {
    this.entries.length = 0;
  }
}
