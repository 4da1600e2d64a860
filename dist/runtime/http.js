import { PurekitError } from "./errors.js";
import { redactHeaders, redactUrl } from "./redact.js";
import {
  backoffMs,
  classifyError,
  classifyStatus,
  MAX_TIMER_MS,
  mayRetry,
  RETRY_DEFAULTS,
  serverDelayMs,
  sleep,
} from "./retry.js";
/**
 * The headers each error answer's request really carried (credentials included),
 * redacted: errors show them without the caller's code seeing a token. Kept only
 * for answers that are not ok, the only ones an error is made of.
 */
export const sentHeaders = new WeakMap();
const BUSY_PEEK_BYTES = 4096;
/** Reads up to a few KB of a 500's body to see whether it says `Server is busy`. */
async function peekText(response) {
  try {
    const text = await response.clone().text();
    return text.slice(0, BUSY_PEEK_BYTES);
  } catch {
    return "";
  }
}
function describe(request, secrets) {
  return `${request.method} ${redactUrl(request.url, secrets)}`;
}
/**
 * Builds the pipeline.
 *
 * @example
 * ```ts
 * const send = createPipeline({ fetch, userAgent: "purekit/0.1.0", timeoutMs: 30_000, logger, secrets, reauthStatus: 401 });
 * const res = await send(new Request("https://array/api/2.38/volumes"), { auth });
 * ```
 */
export function createPipeline(options) {
  const retry = { ...RETRY_DEFAULTS, ...options.retry };
  const random = options.random ?? Math.random;
  const { logger, secrets } = options;
  return async function send(original, sendOptions = {}) {
    const started = Date.now();
    const deadline =
      options.deadlineMs === undefined ? Number.POSITIVE_INFINITY : started + options.deadlineMs;
    const headers = new Headers(original.headers);
    // Kept across retries and pages: one logical call, one id, for the array's logs.
    if (!headers.has("x-request-id")) headers.set("x-request-id", crypto.randomUUID());
    headers.set("user-agent", options.userAgent);
    if (!headers.has("accept")) headers.set("accept", "application/json");
    const userSignal = original.signal;
    // Buffered once, so a replay sends the same bytes.
    const body = original.body ? await original.arrayBuffer() : undefined;
    const auth = sendOptions.auth;
    let reauthed = false;
    let attempt = 0;
    for (;;) {
      if (userSignal.aborted) throw aborted(original, secrets, userSignal.reason);
      let generation = -1;
      const attemptHeaders = new Headers(headers);
      if (auth) {
        // A login may take long (or hang until its own timeout); the caller's signal must
        // still end this call at once. The login runs on for the others waiting on it.
        const creds = await untilAborted(auth.credentials(), userSignal).catch((e) => {
          throw userSignal.aborted ? aborted(original, secrets, userSignal.reason) : e;
        });
        generation = creds.generation;
        for (const [k, v] of Object.entries(creds.headers)) {
          try {
            attemptHeaders.set(k, v);
          } catch {
            // The runtime's TypeError quotes the value (`Headers.set: "<token>" is an invalid
            // header value`): it must not escape with the credential in it.
            throw new PurekitError(
              "ERR_AUTH",
              `${describe(original, secrets)}: the ${auth.kind} credentials are not a valid ${k} header value (a line break or non-ASCII character in the token?).`,
            );
          }
        }
      }
      // Clamped to what the timer takes: `timeoutMs: Infinity` (no timeout), a fractional
      // value, or one past 2^31-1 ms used to throw or to time out after 1 ms.
      const remaining = deadline - Date.now();
      const cutByDeadline = remaining < options.timeoutMs;
      const attemptMs = Math.min(
        MAX_TIMER_MS,
        Math.max(1, Math.ceil(cutByDeadline ? remaining : options.timeoutMs)),
      );
      const timeout = AbortSignal.timeout(attemptMs);
      const signal = AbortSignal.any([userSignal, timeout]);
      const request = new Request(original.url, {
        method: original.method,
        headers: attemptHeaders,
        ...(body !== undefined ? { body } : {}),
        signal,
        redirect: original.redirect,
      });
      let response;
      try {
        response = await options.fetch(request);
      } catch (error) {
        if (userSignal.aborted) throw aborted(original, secrets, userSignal.reason);
        if (timeout.aborted) {
          throw new PurekitError(
            "ERR_TIMEOUT",
            // The attempt's own budget: the deadline may have cut it below timeoutMs.
            `${describe(original, secrets)} timed out after ${attemptMs} ms (request id ${headers.get("x-request-id")}). ` +
              (cutByDeadline
                ? "The call's deadline (deadlineMs) ran out; raise it, or the array may be busy."
                : "The array may be busy; raise timeoutMs or pass a longer signal."),
            { cause: error },
          );
        }
        if (error instanceof PurekitError) throw error; // TLS and other already-explained failures
        const reason = classifyError(error);
        const wait = backoffMs(attempt, retry, random);
        if (attempt < retry.retries && mayRetry(original.method, reason) && Date.now() + wait < deadline) {
          logger.debug?.(
            `${describe(original, secrets)} failed (${reason}); retry ${attempt + 1} in ${wait} ms`,
          );
          attempt++;
          await pause(wait, original, secrets);
          continue;
        }
        const cause = error.cause;
        throw new PurekitError(
          "ERR_NETWORK",
          `${describe(original, secrets)} failed: ${secrets.redact(cause?.code ?? cause?.message ?? error.message ?? String(error))}` +
            (attempt ? ` (after ${attempt} retries)` : "") +
            ". Check the host name, port, and that the array is reachable.",
          { cause: error },
        );
      }
      if (auth && response.status === options.reauthStatus && !reauthed && auth.renewable !== false) {
        // Exactly one replay with fresh credentials; a second refusal is the caller's answer.
        reauthed = true;
        auth.invalidate(generation);
        await response.body?.cancel();
        logger.debug?.(`${describe(original, secrets)} answered ${response.status}; re-authenticating once`);
        continue;
      }
      const reason = classifyStatus(
        response.status,
        response.status === 500 ? await peekText(response) : undefined,
      );
      if (reason && attempt < retry.retries && mayRetry(original.method, reason)) {
        const asked = serverDelayMs(response.headers);
        const wait = asked !== undefined ? Math.max(asked, 0) : backoffMs(attempt, retry, random);
        if (Date.now() + wait < deadline && (asked === undefined || asked <= retry.maxRetryAfterMs)) {
          logger.debug?.(
            `${describe(original, secrets)} answered ${response.status} (${reason}); retry ${attempt + 1} in ${wait} ms`,
          );
          await response.body?.cancel();
          attempt++;
          await pause(wait, original, secrets);
          continue;
        }
      }
      if (!response.ok) sentHeaders.set(response, redactHeaders(attemptHeaders, secrets));
      return response;
    }
  };
}
/** `promise`, or a rejection as soon as `signal` aborts (the promise itself is not cancelled). */
function untilAborted(promise, signal) {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
/** The wait before a retry; the caller's signal aborting it ends the call. */
function pause(ms, request, secrets) {
  return sleep(ms, request.signal).catch((reason) => {
    throw aborted(request, secrets, reason);
  });
}
function aborted(request, secrets, reason) {
  return new PurekitError("ERR_ABORTED", `${describe(request, secrets)} was aborted by the caller.`, {
    cause: reason,
  });
}
//# sourceMappingURL=http.js.map
