/**
 * When to retry, and how long to wait. Arrays under load answer 429, 503, or
 * 500 with `Server is busy` (PROTOCOL.md); those and network failures are
 * retried with exponential backoff and full jitter, honouring `Retry-After`
 * (seconds or HTTP date) and `RateLimit-Reset`. 400/401/403/404/409/422 are
 * never retried (401 re-authenticates instead, elsewhere). POST and PATCH are
 * retried only when the request provably never reached the server.
 */
/** Retry settings of a client. */
export interface RetryOptions {
    /** Retries after the first attempt. Default 5; 0 turns retries off. */
    retries?: number;
    /** First backoff step. Default 250 ms. */
    minDelayMs?: number;
    /** Cap of one wait. Default 20 s. */
    maxDelayMs?: number;
    /**
     * Longest server-requested wait (`Retry-After`, `RateLimit-Reset`) to honour.
     * A longer one returns the 429/503 to the caller instead of stalling. Default 60 s.
     */
    maxRetryAfterMs?: number;
}
export declare const RETRY_DEFAULTS: Required<RetryOptions>;
/** Why a failed attempt may be retried, or null when it must not be. */
export type RetryReason = "rate-limited" | "unavailable" | "busy" | "connection-refused" | "network" | null;
/** Classifies an HTTP answer. `busy` needs the body text of a 500. */
export declare function classifyStatus(status: number, bodyText?: string): RetryReason;
/** Classifies a thrown fetch error (undici wraps the system error as `cause`; Deno puts it in the message). */
export declare function classifyError(error: unknown): RetryReason;
/** Whether a request with this method may be replayed for this reason. */
export declare function mayRetry(method: string, reason: RetryReason): boolean;
/** The wait a server asked for, in ms, from `Retry-After` (seconds or HTTP date) or `RateLimit-Reset`. */
export declare function serverDelayMs(headers: Headers, now?: number): number | undefined;
/** Exponential backoff with full jitter: uniform in [0, min(max, min·2^attempt)]. */
export declare function backoffMs(attempt: number, options: Required<RetryOptions>, random?: () => number): number;
/**
 * Largest delay Node's timers take: above it `AbortSignal.timeout` and `setTimeout`
 * fire after 1 ms (TimeoutOverflowWarning), and `AbortSignal.timeout` throws a
 * RangeError on a fraction or Infinity.
 */
export declare const MAX_TIMER_MS: number;
/** Sleeps, waking early (with the abort reason) when the signal aborts. */
export declare function sleep(ms: number, signal?: AbortSignal): Promise<void>;
//# sourceMappingURL=retry.d.ts.map