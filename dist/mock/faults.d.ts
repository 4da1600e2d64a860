/** What to inject. Everything is optional; `{ status: 503 }` is a complete fault. */
export interface FaultSpec {
    /** Only requests with this method (any case). */
    method?: string;
    /**
     * Only requests to this path: the full path (`/api/2.56/volumes`), the version-free
     * path (`/volumes`), a pattern with `*` (`/api/*\/login`), or a RegExp on the full path.
     */
    path?: string | RegExp;
    /** Fire this many times, then retire (default: until removed). */
    times?: number;
    /** Fire on this fraction of matching requests, 0..1 (default 1). */
    rate?: number;
    /** Answer with this status instead of the array. */
    status?: number;
    /** Body of that answer (JSON-encoded unless a string); default the array's error shape for the status. */
    body?: unknown;
    /** Headers of that answer, e.g. `{ "retry-after": "1", "x-ratelimit-remaining-second": "0" }`. */
    headers?: Record<string, string>;
    /** Wait this long first (then answer `status`, or let the array answer). */
    latencyMs?: number;
    /** Answer an HTML error page (status default 502), as a proxy in front of an array does. */
    html?: boolean;
    /** Cut the JSON body in half (the array's own answer, or `body`). */
    truncate?: boolean;
    /** Drop the connection: the standalone server destroys the socket; in-process `fetch` rejects with a network `TypeError`. */
    drop?: boolean;
}
/** A fault in force. */
export interface Fault {
    readonly id: number;
    readonly spec: Readonly<FaultSpec>;
    /** How often it fired. */
    readonly hits: number;
    /** Takes it out of force. */
    remove(): void;
}
/**
 * The fault list of one mock array.
 *
 * @example
 * ```ts
 * array.faults.add({ method: "GET", path: "/volumes", times: 2, status: 503 });
 * array.faults.add({ path: "/volumes", status: 429, headers: { "retry-after": "1" } });
 * array.faults.add({ path: "/volumes", latencyMs: 200 });
 * array.faults.add({ path: "/volumes", truncate: true, times: 1 });
 * array.faults.clear();
 * ```
 */
export declare class FaultInjector {
    #private;
    /** `errorBody` makes the default body for a status in the product's error shape. */
    constructor(errorBody: (status: number, message: string) => unknown, seed?: string);
    /** Faults in force, oldest first. */
    get active(): readonly Fault[];
    /** Puts a fault in force; the first matching fault in order of addition fires. */
    add(spec: FaultSpec): Fault;
    /** Takes every fault out of force. */
    clear(): void;
    /**
     * Runs `next` (the array) unless a fault fires for this request.
     * `versionFreePath` is the path without `/api/<version>` (equal to `path` for auth endpoints).
     */
    apply(request: Request, versionFreePath: string, next: () => Promise<Response>): Promise<Response>;
}
//# sourceMappingURL=faults.d.ts.map