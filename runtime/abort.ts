/**
 * Waiting on a promise the caller may abort: the one helper for "settle with the
 * promise, or reject with the abort reason as soon as the signal aborts". The promise
 * itself is not cancelled; whoever started it decides what to do with its result.
 */

/**
 * `promise`, or a rejection with `signal.reason` as soon as `signal` aborts.
 *
 * @example
 * ```ts
 * const credentials = await untilAborted(auth.credentials(), request.signal);
 * ```
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
