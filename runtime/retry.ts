/**
 * When to retry, and how long to wait. Arrays under load answer 429, 503, or
 * 500 with `Server is busy` (docs/protocol.md); those and network failures are
 * retried with exponential backoff and full jitter, honouring `Retry-After`
 * (seconds or HTTP date) and `RateLimit-Reset`. 400/401/403/404/409/422 are
 * never retried (401 re-authenticates instead, elsewhere). POST and PATCH are
 * retried only when the request provably never reached the server.
 */

import { networkErrorKind } from "./network-errors.ts";

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

export const RETRY_DEFAULTS: Required<RetryOptions> = {
  retries: 5,
  minDelayMs: 250,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 60_000,
};

/** Methods that may create or change something twice if replayed after reaching the server. */
const NON_IDEMPOTENT = new Set(["POST", "PATCH"]);

/** Why a failed attempt may be retried, or null when it must not be. */
export type RetryReason = "rate-limited" | "unavailable" | "busy" | "connection-refused" | "network" | null;

/** Classifies an HTTP answer. `busy` needs the body text of a 500. */
export function classifyStatus(status: number, bodyText?: string): RetryReason {
  if (status === 429) return "rate-limited";
  if (status === 503) return "unavailable";
  if (status === 500 && bodyText && /server is busy/i.test(bodyText)) return "busy";
  return null;
}

/** Classifies a thrown fetch error: a refused connection, another network failure, or neither (network-errors.ts reads it). */
export function classifyError(error: unknown): RetryReason {
  return networkErrorKind(error);
}

/** Whether a request with this method may be replayed for this reason. */
export function mayRetry(method: string, reason: RetryReason): boolean {
  if (reason === null) return false;
  if (!NON_IDEMPOTENT.has(method.toUpperCase())) return true;
  // A 429 is answered before the request is processed; a refused connection never carried it.
  return reason === "rate-limited" || reason === "connection-refused";
}

/** The wait a server asked for, in ms, from `Retry-After` (seconds or HTTP date) or `RateLimit-Reset`. */
export function serverDelayMs(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = headers.get("retry-after");
  if (retryAfter) {
    const trimmed = retryAfter.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = headers.get("ratelimit-reset") ?? headers.get("x-ratelimit-reset");
  if (reset && /^\d+(\.\d+)?$/.test(reset.trim())) {
    const n = Number(reset.trim());
    // Some gateways send an epoch time instead of seconds to wait.
    return n > 1_000_000_000 ? Math.max(0, n * 1000 - now) : n * 1000;
  }
  return undefined;
}

/** Exponential backoff with full jitter: uniform in [0, min(max, min·2^attempt)]. */
export function backoffMs(attempt: number, options: Required<RetryOptions>, random = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.minDelayMs * 2 ** attempt);
  return Math.round(random() * ceiling);
}

/**
 * Largest delay Node's timers take: above it `AbortSignal.timeout` and `setTimeout`
 * fire after 1 ms (TimeoutOverflowWarning), and `AbortSignal.timeout` throws a
 * RangeError on a fraction or Infinity.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Sleeps, waking early (with the abort reason) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    // A far-future Retry-After date must not become an immediate retry: clamp to the
    // longest wait a timer takes.
    const timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.min(ms, MAX_TIMER_MS),
    );
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The reason an attempt's signal aborts with when its time is up, as `AbortSignal.timeout`'s. */
function timeoutReason(): DOMException {
  return new DOMException("The operation was aborted due to timeout", "TimeoutError");
}

/**
 * One attempt's abort: the attempt's timeout or the caller's signal, whichever comes
 * first, on one timer. `AbortSignal.any([signal, AbortSignal.timeout(ms)])` costs two
 * more signals, a weak registry entry and event-target bookkeeping on every call (and on
 * Node 20 each AbortSignal is made transferable, which is slow); here the AbortSignal is
 * made only when something asks for {@link signal} (a fetch, middleware, an error body),
 * and a direct transport listens through {@link onAbort} instead. Without a caller's
 * signal nothing listens to anything. {@link done} releases the timer as soon as the
 * answer is read, so a busy client holds no timers for answers long gone.
 *
 * @example
 * ```ts
 * const attempt = new AttemptSignal(30_000, request.signal ?? undefined);
 * try {
 *   const res = await fetch(url, { signal: attempt.signal });
 *   return await res.text();
 * } finally {
 *   attempt.done();
 * }
 * ```
 */
export class AttemptSignal {
  /** Whether the attempt's own time ran out (not the caller's signal). */
  timedOut = false;
  /** Whether the attempt was aborted (time up, or the caller's signal). */
  aborted = false;
  /** Why: a TimeoutError DOMException when the time ran out, else the caller's reason. */
  reason: unknown;
  #controller: AbortController | undefined;
  #listeners: (() => void)[] | undefined;
  readonly #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #caller: AbortSignal | undefined;
  readonly #onCaller: (() => void) | undefined;

  /** `ms` is clamped to what a timer takes (1 … {@link MAX_TIMER_MS}). */
  constructor(ms: number, caller?: AbortSignal) {
    if (caller?.aborted) {
      this.#abort(caller.reason);
      return;
    }
    this.#timer = setTimeout(
      () => {
        this.timedOut = true;
        this.#abort(timeoutReason());
      },
      Math.min(MAX_TIMER_MS, Math.max(1, ms)),
    );
    unref(this.#timer);
    if (caller) {
      this.#caller = caller;
      this.#onCaller = () => this.#abort(caller.reason);
      caller.addEventListener("abort", this.#onCaller, { once: true });
    }
  }

  /** An AbortSignal that aborts with the attempt (made on first use). */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.aborted) this.#controller.abort(this.reason);
    }
    return this.#controller.signal;
  }

  /** Calls `listener` once when the attempt aborts; returns what stops listening. Not called if already aborted. */
  onAbort(listener: () => void): () => void {
    if (this.#listeners === undefined) this.#listeners = [listener];
    else this.#listeners.push(listener);
    return () => {
      const at = this.#listeners?.indexOf(listener) ?? -1;
      if (at >= 0) this.#listeners?.splice(at, 1);
    };
  }

  /** The attempt is over (its answer read, failed or dropped): no timer, no listener stays. Idempotent. */
  done(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    if (this.#onCaller) this.#caller?.removeEventListener("abort", this.#onCaller);
  }

  #abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.done();
    this.#controller?.abort(reason);
    const listeners = this.#listeners;
    this.#listeners = undefined;
    if (listeners) for (const listener of listeners) listener();
  }
}

/**
 * A pending attempt timer must not keep the process alive (as `AbortSignal.timeout`'s
 * does not): Node's timers have `unref()`, Deno has `Deno.unrefTimer(id)`.
 */
function unref(timer: ReturnType<typeof setTimeout>): void {
  if (typeof timer === "object" && timer !== null && "unref" in timer) {
    (timer as { unref(): void }).unref();
    return;
  }
  const deno = (globalThis as { Deno?: { unrefTimer?: (id: number) => void } }).Deno;
  if (typeof timer === "number") deno?.unrefTimer?.(timer);
}
