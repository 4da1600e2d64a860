/**
 * The request pipeline every call goes through — data calls (from
 * openapi-fetch), pages, and the auth calls themselves:
 * request id and user agent → credentials → timeout → send → same-origin
 * redirects → re-auth once on 401 (Pure1: 403) → retry with backoff on
 * 429/503/busy/network errors → bounded answer bodies.
 * Openapi-fetch's maintainers leave retries and re-auth to the caller; this is
 * that caller.
 *
 * Redirects are handled here, not by the transport (`redirect: "manual"` on every
 * transport): a transport that follows them sends `x-auth-token`, `api-token` and
 * POST bodies (passwords, signed JWTs) wherever a redirect points. See
 * docs/decisions/007-redirects-and-limits.md.
 */
import { withSentRequest } from "./answers.ts";
import type { AuthStrategy } from "./auth/types.ts";
import { PurekitError } from "./errors.ts";
import type { Logger } from "./logger.ts";
import { type AttemptHook, middlewareErrors } from "./middleware.ts";
import { redactHeaders, redactUrl, type SecretSet, secretsInBody } from "./redact.ts";
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
  /** Largest answer body read; default {@link DEFAULT_MAX_RESPONSE_BYTES}. */
  maxResponseBytes?: number | undefined;
  /** Runs around each attempt's transport call: middleware and the request log (middleware.ts). */
  around?: AttemptHook | undefined;
}

/** 256 MiB: far above any page of a real collection (a 10,000-item page of volumes is ~10 MB). */
export const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024;

/** Error answers are read only this far: the array's `errors[]` fit in a fraction of it. */
export const ERROR_BODY_BYTES = 16 * 1024;

/** Same-origin redirects followed in one attempt before giving up (fetch's own limit). */
const MAX_REDIRECTS = 20;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface SendOptions {
  /** Credentials to attach; absent for login and token calls. */
  auth?: AuthStrategy | undefined;
  /** This call's per-attempt timeout, instead of the client's. */
  timeoutMs?: number | undefined;
}

export type Send = (request: Request, options?: SendOptions) => Promise<Response>;

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

  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

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
    // Buffered once, so a replay (retry, re-auth, 307/308) sends the same bytes.
    const body = original.body ? await original.arrayBuffer() : undefined;
    const callSecrets = secrets.with(secretsInBody(body, headers.get("content-type")));
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
      const timedOut = (what: string, cause?: unknown) =>
        new PurekitError(
          "ERR_TIMEOUT",
          // The attempt's own budget: the deadline may have cut it below timeoutMs.
          `${describe(original, secrets)} ${what} ${attemptMs} ms (request id ${headers.get("x-request-id")}). ` +
            (cutByDeadline
              ? "The call's deadline (deadlineMs) ran out; raise it, or the array may be busy."
              : "The array may be busy; raise timeoutMs or pass a longer signal."),
          cause === undefined ? undefined : { cause },
        );
      /** Why the body of this attempt's answer stopped: the caller, or the attempt's timeout. */
      const stopped = (): PurekitError =>
        userSignal.aborted
          ? aborted(original, secrets, userSignal.reason)
          : timedOut("answered, but its body did not arrive within");

      let response: Response;
      try {
        tries++;
        const info = { attempt: tries, requestId: headers.get("x-request-id") as string };
        const around = options.around;
        // Middleware and the request log see every hop, a same-origin redirect's too.
        const transport = around ? (request: Request) => around(request, info, options.fetch) : options.fetch;
        response = await fetchWithinOrigin(
          transport,
          {
            url: original.url,
            method: original.method,
            headers: attemptHeaders,
            body,
            signal,
            redirect: original.redirect,
          },
          secrets,
          logger,
        );
      } catch (error) {
        if (userSignal.aborted) throw aborted(original, secrets, userSignal.reason);
        if (timeout.aborted) throw timedOut("timed out after", error);
        // TLS, redirects and other already-explained failures; middleware's own errors as it threw them
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
        await response.body?.cancel().catch(() => {});
        logger.debug?.(`${describe(original, secrets)} answered ${response.status}; re-authenticating once`);
        continue;
      }

      if (!response.ok) {
        // Read now, within the attempt's timeout, and only the first few KB: a hostile or
        // broken server can neither stall the error nor make it gigabytes long.
        const bytes = await readCapped(response.body, ERROR_BODY_BYTES, signal, stopped);
        const text = bytes ? new TextDecoder().decode(bytes) : "";
        response = rebuilt(response, bytes);
        const reason = classifyStatus(response.status, response.status === 500 ? text : undefined);
        if (reason && attempt < retry.retries && mayRetry(original.method, reason)) {
          const asked = serverDelayMs(response.headers);
          const wait = asked !== undefined ? Math.max(asked, 0) : backoffMs(attempt, retry, random);
          if (Date.now() + wait < deadline && (asked === undefined || asked <= retry.maxRetryAfterMs)) {
            logger.debug?.(
              `${describe(original, secrets)} answered ${response.status} (${reason}); retry ${attempt + 1} in ${wait} ms`,
            );
            attempt++;
            await pause(wait, original, secrets);
            continue;
          }
        }
        // The request travels with its answer, redacted, to the error made of it (answers.ts).
        return withSentRequest(response, {
          headers: redactHeaders(attemptHeaders, secrets),
          secrets: callSecrets,
        });
      }
      return limited(response, maxBytes, signal, stopped, () => describe(original, secrets));
    }
  };
}

/** One request as {@link fetchWithinOrigin} sends it: the body already buffered. */
export interface OutgoingRequest {
  url: string;
  method: string;
  headers: Headers;
  body: ArrayBuffer | undefined;
  signal: AbortSignal;
  /** "follow" (default): same-origin redirects only; "manual": the 3xx as it is; "error": none. */
  redirect?: RequestRedirect | undefined;
}

/**
 * Sends a request and follows redirects that stay on its origin (same scheme, host and
 * port), with the same method and body on 307/308 as fetch does. A redirect anywhere else
 * (another host or port, or HTTPS to HTTP) is refused with ERR_REDIRECT: credentials and
 * bodies never leave the origin they were meant for. The transport sees `redirect: "manual"`.
 *
 * @example
 * ```ts
 * const res = await fetchWithinOrigin(fetch, { url, method: "POST", headers, body, signal }, secrets);
 * ```
 */
export async function fetchWithinOrigin(
  fetchFn: (request: Request) => Promise<Response>,
  request: OutgoingRequest,
  secrets: SecretSet,
  logger?: Logger,
): Promise<Response> {
  const label = `${request.method} ${redactUrl(request.url, secrets)}`;
  let url = request.url;
  let method = request.method;
  let body = request.body;
  const headers = new Headers(request.headers);
  for (let hops = 0; ; hops++) {
    const response = await fetchFn(
      new Request(url, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
        signal: request.signal,
        redirect: "manual",
      }),
    );
    if (request.redirect === "manual") return response;
    // A browser hides the target of a manual redirect: nothing to check, so nothing to follow.
    if (response.type === "opaqueredirect")
      throw redirectRefused(label, response.status, undefined, url, secrets);
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get("location") : null;
    if (location === null) return response;
    await response.body?.cancel().catch(() => {});
    let target: URL;
    try {
      target = new URL(location, url);
    } catch {
      throw new PurekitError(
        "ERR_BAD_RESPONSE",
        `${label} answered HTTP ${response.status} with a Location header that is not a URL; check the array's address.`,
      );
    }
    if (request.redirect === "error" || target.origin !== new URL(url).origin) {
      throw redirectRefused(label, response.status, target, url, secrets, request.redirect === "error");
    }
    if (hops >= MAX_REDIRECTS) {
      throw new PurekitError(
        "ERR_REDIRECT",
        `${label} was redirected more than ${MAX_REDIRECTS} times within ${target.origin}; the array or a proxy in front of it redirects in a loop.`,
      );
    }
    // 303 (and 301/302 after a POST) turn into a GET without a body, as in fetch.
    if (
      (response.status === 303 && method !== "HEAD") ||
      ((response.status === 301 || response.status === 302) && method === "POST")
    ) {
      method = "GET";
      body = undefined;
      headers.delete("content-type");
      headers.delete("content-length");
    }
    logger?.debug?.(
      `${label} answered ${response.status}; following to ${redactUrl(target.href, secrets)} (same origin)`,
    );
    url = target.href;
  }
}

function redirectRefused(
  label: string,
  status: number,
  target: URL | undefined,
  from: string,
  secrets: SecretSet,
  redirectsOff = false,
): PurekitError {
  const origin = new URL(from).origin;
  // Only the origin: a Location's path or query may carry anything.
  const where = target
    ? secrets.redact(target.origin === "null" ? `a ${target.protocol} URL` : target.origin)
    : "a target the browser hides";
  const clear =
    target?.protocol === "http:" && new URL(from).protocol === "https:"
      ? " (from HTTPS to plain HTTP, which would send credentials in clear text)"
      : "";
  const why = redirectsOff
    ? 'redirects are off for this request (redirect: "error").'
    : `purekit follows redirects only within ${origin}, so credentials and request bodies never go elsewhere.`;
  return new PurekitError(
    "ERR_REDIRECT",
    `${label} answered HTTP ${status} redirecting to ${where}${clear}; refused: ${why} ` +
      "Check the array's address (give the address the array itself answers on, with https://), or fix the proxy or load balancer that redirects.",
  );
}

/**
 * An answer with bounded reading: an error answer's body read now, up to
 * {@link ERROR_BODY_BYTES}; a successful one streamed with a `maxBytes` limit. Reading
 * stops with `stopped()` when `signal` aborts.
 */
export async function boundedAnswer(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
  stopped: () => PurekitError,
  what: string,
): Promise<Response> {
  if (response.ok) return limited(response, maxBytes, signal, stopped, () => what);
  return rebuilt(response, await readCapped(response.body, ERROR_BODY_BYTES, signal, stopped));
}

/** A Response like `response` whose body is `bytes` (url and redirected kept for messages). */
function rebuilt(response: Response, bytes: Uint8Array<ArrayBuffer> | null): Response {
  const nullBody = bytes === null || [101, 103, 204, 205, 304].includes(response.status);
  return keepUrl(
    new Response(nullBody ? null : bytes, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    }),
    response,
  );
}

function keepUrl(copy: Response, from: Response): Response {
  // `url` and `redirected` are read-only getters the constructor cannot set.
  Object.defineProperties(copy, { url: { value: from.url }, redirected: { value: from.redirected } });
  return copy;
}

/**
 * Reads at most `cap` bytes of `body`, then cancels the rest; stops with `stopped()` when
 * `signal` aborts, whether or not the transport ends the stream itself. A connection that
 * breaks mid-body leaves what arrived.
 */
async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  cap: number,
  signal: AbortSignal,
  stopped: () => PurekitError,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (body === null) return null;
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let onAbort: (() => void) | undefined;
  const abort = new Promise<never>((_, reject) => {
    onAbort = () => reject(stopped());
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  abort.catch(() => {});
  try {
    while (size < cap) {
      const { done, value } = await Promise.race([reader.read(), abort]);
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch (error) {
    if (signal.aborted) {
      void reader.cancel().catch(() => {});
      throw error instanceof PurekitError ? error : stopped();
    }
  } finally {
    if (onAbort) signal.removeEventListener("abort", onAbort);
  }
  if (size >= cap) void reader.cancel().catch(() => {});
  const out = new Uint8Array(Math.min(size, cap));
  let at = 0;
  for (const c of chunks) {
    const part = c.subarray(0, out.length - at);
    out.set(part, at);
    at += part.length;
    if (at >= out.length) break;
  }
  return out;
}

/**
 * `response` with a body that errors with ERR_RESPONSE_TOO_LARGE past `max` bytes (checked
 * while streaming: memory stays bounded by the limit), and with `stopped()` when `signal`
 * aborts before the body ends. A Content-Length above the limit fails before reading.
 */
function limited(
  response: Response,
  max: number,
  signal: AbortSignal,
  stopped: () => PurekitError,
  what: () => string,
): Response {
  const tooLarge = (size: string) =>
    new PurekitError(
      "ERR_RESPONSE_TOO_LARGE",
      `${what()} answered with ${size} bytes, more than maxResponseBytes (${max}). ` +
        "Ask for less (a smaller limit, a filter) or raise maxResponseBytes; a broken proxy or server may also send this.",
    );
  const declared = Number(response.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > max) {
    void response.body?.cancel().catch(() => {});
    throw tooLarge(String(declared));
  }
  if (response.body === null) return response;
  let seen = 0;
  let onAbort: (() => void) | undefined;
  const guard = new TransformStream<Uint8Array, Uint8Array>({
    start(controller) {
      onAbort = () => controller.error(stopped());
      signal.addEventListener("abort", onAbort, { once: true });
    },
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > max) {
        controller.error(tooLarge(`more than ${max}`));
        if (onAbort) signal.removeEventListener("abort", onAbort);
      } else controller.enqueue(chunk);
    },
    flush() {
      if (onAbort) signal.removeEventListener("abort", onAbort);
    },
  });
  const body = response.body.pipeThrough(guard);
  return keepUrl(
    new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    }),
    response,
  );
}

/**
 * The text of an answer the pipeline returned, every failure typed: a size or timeout
 * failure of the body is already a PurekitError; a connection that breaks mid-body becomes
 * ERR_NETWORK naming `what`.
 */
export async function readText(response: Response, what: string): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    if (error instanceof PurekitError) throw error;
    const name = (error as { name?: string }).name;
    if (name === "TimeoutError" || name === "AbortError") {
      throw new PurekitError("ERR_TIMEOUT", `${what}: the answer did not arrive in time; raise timeoutMs.`, {
        cause: error,
      });
    }
    throw new PurekitError(
      "ERR_NETWORK",
      `${what}: the connection broke while the answer was read; try again.`,
      {
        cause: error,
      },
    );
  }
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
