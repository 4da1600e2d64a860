/**
 * The request pipeline every call goes through — data calls (from
 * openapi-fetch), pages, and the auth calls themselves:
 * request id and user agent → credentials → timeout → send → re-auth once on
 * 401 (Pure1: 403) → retry with backoff on 429/503/busy/network errors.
 * Openapi-fetch's maintainers leave retries and re-auth to the caller; this is
 * that caller.
 */
import type { AuthStrategy } from "./auth/types.ts";
import { PurekitError } from "./errors.ts";
import type { Logger } from "./logger.ts";
import { type AttemptHook, middlewareErrors } from "./middleware.ts";
import { redactHeaders, redactUrl, type SecretSet } from "./redact.ts";
import {
  backoffMs,
  classifyError,
  classifyStatus,
  MAX_TIMER_MS,
  mayRetry,
  RETRY_DEFAULTS,
  type RetryOptions,
  serverDelayMs,
  sleep,
} from "./retry.ts";

export interface PipelineOptions {
  /** The transport (TLS-aware fetch, or a mock's fetch). */
  fetch: (request: Request) => Promise<Response>;
  userAgent: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Budget of one logical call including its retries and waits; retries never go past it. */
  deadlineMs?: number | undefined;
  retry?: RetryOptions | undefined;
  logger: Logger;
  secrets: SecretSet;
  /** The status that means "credentials expired": 401 on arrays, 403 on Pure1. */
  reauthStatus: number;
  random?: () => number;
  /** Runs around each attempt's transport call: middleware and the request log (middleware.ts). */
  around?: AttemptHook | undefined;
}

export interface SendOptions {
  /** Credentials to attach; absent for login and token calls. */
  auth?: AuthStrategy | undefined;
  /** This call's per-attempt timeout, instead of the client's. */
  timeoutMs?: number | undefined;
}

export type Send = (request: Request, options?: SendOptions) => Promise<Response>;

/**
 * The headers each error answer's request really carried (credentials included),
 * redacted: errors show them without the caller's code seeing a token. Kept only
 * for answers that are not ok, the only ones an error is made of.
 */
export const sentHeaders: WeakMap<Response, Record<string, string>> = new WeakMap();

const BUSY_PEEK_BYTES = 4096;

/** Reads up to a few KB of a 500's body to see whether it says `Server is busy`. */
async function peekText(response: Response): Promise<string> {
  try {
    const text = await response.clone().text();
    return text.slice(0, BUSY_PEEK_BYTES);
  } catch {
    return "";
  }
}

function describe(request: Request, secrets: SecretSet): string {
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
export function createPipeline(options: PipelineOptions): Send {
  const retry = { ...RETRY_DEFAULTS, ...options.retry };
  const random = options.random ?? Math.random;
  const { logger, secrets } = options;

  return async function send(original: Request, sendOptions: SendOptions = {}): Promise<Response> {
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
    let tries = 0; // every attempt, retries and re-auth replays alike, for middleware and the log
    const timeoutMs = sendOptions.timeoutMs ?? options.timeoutMs;

    for (;;) {
      if (userSignal.aborted) throw aborted(original, secrets, userSignal.reason);
      let generation = -1;
      const attemptHeaders = new Headers(headers);
      if (auth) {
        // A login may take long (or hang until its own timeout); the caller's signal must
        // still end this call at once. The login runs on for the others waiting on it.
        const creds = await untilAborted(auth.credentials(), userSignal).catch((e: unknown) => {
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
      const cutByDeadline = remaining < timeoutMs;
      const attemptMs = Math.min(MAX_TIMER_MS, Math.max(1, Math.ceil(cutByDeadline ? remaining : timeoutMs)));
      const timeout = AbortSignal.timeout(attemptMs);
      const signal = AbortSignal.any([userSignal, timeout]);
      const request = new Request(original.url, {
        method: original.method,
        headers: attemptHeaders,
        ...(body !== undefined ? { body } : {}),
        signal,
        redirect: original.redirect,
      });

      let response: Response;
      try {
        tries++;
        response = options.around
          ? await options.around(
              request,
              { attempt: tries, requestId: headers.get("x-request-id") as string },
              options.fetch,
            )
          : await options.fetch(request);
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
        // TLS and other already-explained failures; middleware's own errors as it threw them
        if (error instanceof PurekitError || middlewareErrors.has(error as object)) throw error;
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
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw new PurekitError(
          "ERR_NETWORK",
          `${describe(original, secrets)} failed: ${secrets.redact(cause?.code ?? cause?.message ?? (error as Error).message ?? String(error))}` +
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
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** The wait before a retry; the caller's signal aborting it ends the call. */
function pause(ms: number, request: Request, secrets: SecretSet): Promise<void> {
  return sleep(ms, request.signal).catch((reason: unknown) => {
    throw aborted(request, secrets, reason);
  });
}

function aborted(request: Request, secrets: SecretSet, reason: unknown): PurekitError {
  return new PurekitError("ERR_ABORTED", `${describe(request, secrets)} was aborted by the caller.`, {
    cause: reason,
  });
}
