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
 *
 * The hot path builds each request once (docs/decisions/018-client-hot-path.md):
 * openapi-fetch makes a {@link CallRequest} (not a global Request), the pipeline sends
 * it as a plain {@link OutgoingRequest}, and a transport with a `direct` send (Node:
 * undici's dispatcher) answers with one Response whose body it guards itself. A global
 * Request is made only where something needs one: middleware, a given fetch.
 */
import { untilAborted } from "./abort.ts";
import { withSentRequest } from "./answers.ts";
import type { AuthStrategy } from "./auth/types.ts";
import { PurekitError } from "./errors.ts";
import type { Logger } from "./logger.ts";
import { type AttemptHook, middlewareErrors } from "./middleware.ts";
import { redactHeaders, redactUrl, type SecretSet, secretsInBody } from "./redact.ts";
import {
  AttemptSignal,
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
  /**
   * The same transport without a global Request in between (see {@link DirectSend}); used
   * instead of `fetch` when given.
   */
  direct?: DirectSend | undefined;
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

export type Send = (request: Request | CallRequest, options?: SendOptions) => Promise<Response>;

function describe(request: { method: string; url: string }, secrets: SecretSet): string {
  return `${request.method} ${redactUrl(request.url, secrets)}`;
}

/** One request as the pipeline sends it on one hop: the body already buffered. */
export interface OutgoingRequest {
  url: string;
  method: string;
  headers: Headers;
  body: ArrayBuffer | undefined;
  signal: AbortSignal;
  /** "follow" (default): same-origin redirects only; "manual": the 3xx as it is; "error": none. */
  redirect?: RedirectMode | undefined;
}

/**
 * What a {@link DirectSend} needs to guard an answer's body in the one stream it makes,
 * instead of the pipeline wrapping it in a second one.
 */
export interface BodyGuard {
  /** Largest body of a 2xx answer; past it the body errors with {@link tooLarge}. */
  maxBytes: number;
  tooLarge(size: string): PurekitError;
  /** The error a body fails with when the request's signal aborts after the answer came. */
  stopped(): PurekitError;
  /** Called when the body ended, failed or was cancelled (releases the attempt's timer). */
  done(): void;
  /**
   * The attempt's abort (its timeout or the caller's signal) without an AbortSignal: a
   * direct transport listens here, not on the request's `signal` (made only if read).
   */
  readonly abort: {
    readonly aborted: boolean;
    readonly reason: unknown;
    onAbort(listener: () => void): () => void;
  };
}

/**
 * A transport's send without WHATWG requests: one hop (`redirect: "manual"`), answered
 * with a {@link GuardedResponse} whose body honours `guard`. Rejections are shaped as
 * fetch's (`TypeError("fetch failed", { cause })`, the signal's reason on abort), so
 * retries, TLS and proxy errors read them the same.
 */
export type DirectSend = (request: OutgoingRequest, guard: BodyGuard) => Promise<Response>;

/**
 * A Response whose body a {@link DirectSend} already bounds and stops (see {@link BodyGuard}):
 * the pipeline passes it on without a second stream. `url` is the request's.
 *
 * @example
 * ```ts
 * const res = new GuardedResponse(stream, { status: 200, headers }, "https://array/api/2.38/volumes");
 * ```
 */
/** A fetch redirect mode, named from RequestInit (no DOM lib needed). */
type RedirectMode = NonNullable<RequestInit["redirect"]>;

export class GuardedResponse extends Response {
  // A property, as Response's own `url` is declared (an accessor here would not type-check
  // against the consumer's lib), set on the instance over Response's prototype getter.
  declare readonly url: string;
  constructor(body: ResponseBody, init: ResponseInit, url: string) {
    super(body, init);
    Object.defineProperty(this, "url", { value: url, enumerable: true });
  }
}

/** What `new Response` takes as a body; named from Response itself (no DOM lib needed). */
type ResponseBody = ConstructorParameters<typeof Response>[0];

/** Methods a Request spells in upper case whatever case it was given in (Fetch standard). */
const NORMALIZED_METHODS = new Set(["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"]);
const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

/**
 * The request openapi-fetch builds for the pipeline (its `Request` option): the URL,
 * method, headers, body and signal it was given, without the global Request's copies,
 * body stream and signal. A body other than a string or bytes (FormData, Blob,
 * URLSearchParams, a stream) goes through a global Request once, for its encoding and
 * content type.
 *
 * @example
 * ```ts
 * const api = createClient<paths>({ baseUrl, Request: CallRequest as unknown as typeof Request, fetch: send });
 * ```
 */
export class CallRequest {
  readonly url: string;
  readonly method: string;
  /** Owned by the request (openapi-fetch makes a new Headers per call): the pipeline adds to it. */
  readonly headers: Headers;
  readonly signal: AbortSignal | undefined;
  readonly redirect: RedirectMode;
  readonly #body: Uint8Array | Request | undefined;

  constructor(url: string | URL, init: RequestInit = {}) {
    // Parsed as Request does: a bad URL throws here, and `url` reads as Request's would.
    try {
      this.url = new URL(url).href;
    } catch (cause) {
      throw new TypeError(`Failed to parse URL from ${String(url)}`, { cause });
    }
    const upper = (init.method ?? "GET").toUpperCase();
    if (FORBIDDEN_METHODS.has(upper)) throw new TypeError(`'${init.method}' HTTP method is unsupported.`);
    this.method = NORMALIZED_METHODS.has(upper) ? upper : (init.method as string);
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.signal = init.signal ?? undefined;
    this.redirect = init.redirect ?? "follow";
    const body = init.body;
    if (body === undefined || body === null) return;
    if (this.method === "GET" || this.method === "HEAD")
      throw new TypeError("Request with GET/HEAD method cannot have body.");
    if (typeof body === "string") {
      this.#body = new TextEncoder().encode(body);
      if (!this.headers.has("content-type")) this.headers.set("content-type", "text/plain;charset=UTF-8");
    } else if (body instanceof ArrayBuffer) {
      this.#body = new Uint8Array(body.slice(0));
    } else if (ArrayBuffer.isView(body)) {
      this.#body = new Uint8Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength));
    } else {
      const request = new Request(this.url, {
        method: this.method,
        headers: this.headers,
        body,
        ...({ duplex: "half" } as object),
      });
      const type = request.headers.get("content-type");
      if (type !== null && !this.headers.has("content-type")) this.headers.set("content-type", type);
      this.#body = request;
    }
  }

  /** Whether a body was given. */
  get hasBody(): boolean {
    return this.#body !== undefined;
  }

  /** The body's bytes, once (a replay sends the same bytes). */
  async bytes(): Promise<ArrayBuffer | undefined> {
    const body = this.#body;
    if (body === undefined) return undefined;
    if (body instanceof Request) return body.arrayBuffer();
    return body.buffer.byteLength === body.byteLength
      ? (body.buffer as ArrayBuffer)
      : (body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
  }
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
  const direct = options.direct;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  return async function send(
    original: Request | CallRequest,
    sendOptions: SendOptions = {},
  ): Promise<Response> {
    const started = Date.now();
    const deadline =
      options.deadlineMs === undefined ? Number.POSITIVE_INFINITY : started + options.deadlineMs;
    const lean = original instanceof CallRequest;
    // A CallRequest's headers are its own (made per call): added to, not copied.
    const headers = lean ? original.headers : new Headers(original.headers);
    // Kept across retries and pages: one logical call, one id, for the array's logs.
    let requestId = headers.get("x-request-id");
    if (requestId === null) {
      requestId = crypto.randomUUID();
      headers.set("x-request-id", requestId);
    }
    headers.set("user-agent", options.userAgent);
    if (!headers.has("accept")) headers.set("accept", "application/json");
    // A global Request always has a signal; a CallRequest only when the caller gave one.
    const userSignal: AbortSignal | undefined = original.signal ?? undefined;
    // Buffered once, so a replay (retry, re-auth, 307/308) sends the same bytes.
    const body = lean
      ? original.hasBody
        ? await original.bytes()
        : undefined
      : original.body
        ? await original.arrayBuffer()
        : undefined;
    const callSecrets =
      body === undefined ? secrets : secrets.with(secretsInBody(body, headers.get("content-type")));
    const auth = sendOptions.auth;
    let reauthed = false;
    let attempt = 0;
    let tries = 0; // every attempt, retries and re-auth replays alike, for middleware and the log
    const timeoutMs = sendOptions.timeoutMs ?? options.timeoutMs;
    const what = () => describe(original, secrets);

    for (;;) {
      if (userSignal?.aborted) throw aborted(original, secrets, userSignal.reason);
      let generation = -1;
      if (auth) {
        // A login may take long (or hang until its own timeout); the caller's signal must
        // still end this call at once. The login runs on for the others waiting on it.
        const pending = auth.credentials();
        const creds = await (userSignal ? untilAborted(pending, userSignal) : pending).catch((e: unknown) => {
          throw userSignal?.aborted ? aborted(original, secrets, userSignal.reason) : e;
        });
        generation = creds.generation;
        // Set on the call's headers: every attempt sets the same names, so what an answer's
        // attempt carried is what they hold when it comes back.
        for (const k in creds.headers) {
          try {
            headers.set(k, creds.headers[k] as string);
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
      const timer = new AttemptSignal(attemptMs, userSignal);
      const timedOut = (text: string, cause?: unknown) =>
        new PurekitError(
          "ERR_TIMEOUT",
          // The attempt's own budget: the deadline may have cut it below timeoutMs.
          `${describe(original, secrets)} ${text} ${attemptMs} ms (request id ${requestId}). ` +
            (cutByDeadline
              ? "The call's deadline (deadlineMs) ran out; raise it, or the array may be busy."
              : "The array may be busy; raise timeoutMs or pass a longer signal."),
          cause === undefined ? undefined : { cause },
        );
      /** Why the body of this attempt's answer stopped: the caller, or the attempt's timeout. */
      const stopped = (): PurekitError =>
        userSignal?.aborted
          ? aborted(original, secrets, userSignal.reason)
          : timedOut("answered, but its body did not arrive within");

      let response: Response;
      try {
        tries++;
        const info = { attempt: tries, requestId };
        const around = options.around;
        const hop = direct
          ? directHop(direct, {
              maxBytes,
              tooLarge: (size) => tooLarge(what(), size, maxBytes),
              stopped,
              done: () => timer.done(),
              abort: timer,
            })
          : fetchHop(options.fetch);
        // Middleware and the request log see every hop, a same-origin redirect's too.
        response = await followWithinOrigin(
          around ? (request) => around(request, info, hop) : hop,
          {
            url: original.url,
            method: original.method,
            headers,
            body,
            // Read (and so made) only by what needs an AbortSignal: a fetch, middleware.
            get signal() {
              return timer.signal;
            },
            redirect: original.redirect,
          },
          secrets,
          logger,
        );
      } catch (error) {
        timer.done();
        if (userSignal?.aborted) throw aborted(original, secrets, userSignal.reason);
        if (timer.timedOut) throw timedOut("timed out after", error);
        // TLS, redirects and other already-explained failures; middleware's own errors as it threw them
        if (error instanceof PurekitError || middlewareErrors.has(error as object)) throw error;
        const reason = classifyError(error);
        const wait = backoffMs(attempt, retry, random);
        if (attempt < retry.retries && mayRetry(original.method, reason) && Date.now() + wait < deadline) {
          logger.debug?.(
            `${describe(original, secrets)} failed (${reason}); retry ${attempt + 1} in ${wait} ms`,
          );
          attempt++;
          await pause(wait, userSignal, original, secrets);
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
        timer.done();
        logger.debug?.(`${describe(original, secrets)} answered ${response.status}; re-authenticating once`);
        continue;
      }

      if (!response.ok) {
        // Read now, within the attempt's timeout, and only the first few KB: a hostile or
        // broken server can neither stall the error nor make it gigabytes long.
        let bytes: Uint8Array<ArrayBuffer> | null;
        try {
          bytes = await readCapped(response.body, ERROR_BODY_BYTES, timer.signal, stopped);
        } finally {
          timer.done();
        }
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
            await pause(wait, userSignal, original, secrets);
            continue;
          }
        }
        // The request travels with its answer, redacted, to the error made of it (answers.ts).
        return withSentRequest(response, {
          headers: redactHeaders(headers, secrets),
          secrets: callSecrets,
        });
      }
      return limited(response, maxBytes, timer, stopped, what, () => timer.done());
    }
  };
}

/** A hop through a fetch: the one global Request of the attempt's hop is made here. */
function fetchHop(fetchFn: (request: Request) => Promise<Response>) {
  return (request: OutgoingRequest | Request): Promise<Response> =>
    fetchFn(request instanceof Request ? request : toRequest(request));
}

/** A hop through a direct transport; a Request that middleware made is taken apart first. */
function directHop(send: DirectSend, guard: BodyGuard) {
  return async (request: OutgoingRequest | Request): Promise<Response> => {
    if (!(request instanceof Request)) return send(request, guard);
    return send(
      {
        url: request.url,
        method: request.method,
        headers: request.headers,
        body: request.body ? await request.arrayBuffer() : undefined,
        signal: request.signal,
      },
      guard,
    );
  };
}

function toRequest(request: OutgoingRequest): Request {
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
    signal: request.signal,
    redirect: "manual",
  });
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
export function fetchWithinOrigin(
  fetchFn: (request: Request) => Promise<Response>,
  request: OutgoingRequest,
  secrets: SecretSet,
  logger?: Logger,
): Promise<Response> {
  return followWithinOrigin(fetchHop(fetchFn), request, secrets, logger);
}

/** One hop of a request: its signal read from the request only when asked for (see AttemptSignal). */
class Hop implements OutgoingRequest {
  readonly redirect = "manual";
  constructor(
    readonly url: string,
    readonly method: string,
    readonly headers: Headers,
    readonly body: ArrayBuffer | undefined,
    readonly from: { readonly signal: AbortSignal },
  ) {}
  get signal(): AbortSignal {
    return this.from.signal;
  }
}

/** {@link fetchWithinOrigin} over any hop; each hop gets `redirect: "manual"` semantics. */
async function followWithinOrigin(
  hop: (request: OutgoingRequest) => Promise<Response>,
  request: OutgoingRequest,
  secrets: SecretSet,
  logger?: Logger,
): Promise<Response> {
  const label = () => `${request.method} ${redactUrl(request.url, secrets)}`;
  let url = request.url;
  let method = request.method;
  let body = request.body;
  // Copied only when a redirect changes them: the caller's headers are not touched.
  let headers = request.headers;
  for (let hops = 0; ; hops++) {
    const response = await hop(new Hop(url, method, headers, body, request));
    if (request.redirect === "manual") return response;
    // A browser hides the target of a manual redirect: nothing to check, so nothing to follow.
    if (response.type === "opaqueredirect")
      throw redirectRefused(label(), response.status, undefined, url, secrets);
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get("location") : null;
    if (location === null) return response;
    await response.body?.cancel().catch(() => {});
    let target: URL;
    try {
      target = new URL(location, url);
    } catch {
      throw new PurekitError(
        "ERR_BAD_RESPONSE",
        `${label()} answered HTTP ${response.status} with a Location header that is not a URL; check the array's address.`,
      );
    }
    if (request.redirect === "error" || target.origin !== new URL(url).origin) {
      throw redirectRefused(label(), response.status, target, url, secrets, request.redirect === "error");
    }
    if (hops >= MAX_REDIRECTS) {
      throw new PurekitError(
        "ERR_REDIRECT",
        `${label()} was redirected more than ${MAX_REDIRECTS} times within ${target.origin}; the array or a proxy in front of it redirects in a loop.`,
      );
    }
    // 303 (and 301/302 after a POST) turn into a GET without a body, as in fetch.
    if (
      (response.status === 303 && method !== "HEAD") ||
      ((response.status === 301 || response.status === 302) && method === "POST")
    ) {
      method = "GET";
      body = undefined;
      if (headers === request.headers) headers = new Headers(headers);
      headers.delete("content-type");
      headers.delete("content-length");
    }
    logger?.debug?.(
      `${label()} answered ${response.status}; following to ${redactUrl(target.href, secrets)} (same origin)`,
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
  if (response.ok) return limited(response, maxBytes, { signal }, stopped, () => what);
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

function tooLarge(what: string, size: string, max: number): PurekitError {
  return new PurekitError(
    "ERR_RESPONSE_TOO_LARGE",
    `${what} answered with ${size} bytes, more than maxResponseBytes (${max}). ` +
      "Ask for less (a smaller limit, a filter) or raise maxResponseBytes; a broken proxy or server may also send this.",
  );
}

/**
 * `response` with a body that errors with ERR_RESPONSE_TOO_LARGE past `max` bytes (checked
 * while streaming: memory stays bounded by the limit), and with `stopped()` when `signal`
 * aborts before the body ends. A Content-Length above the limit fails before reading.
 * `done()` runs when the body ended or failed. A {@link GuardedResponse} does all that in
 * its own stream already and is passed on as it is.
 */
function limited(
  response: Response,
  max: number,
  /** Read only when a stream is made here (not for a GuardedResponse). */
  attempt: { readonly signal: AbortSignal },
  stopped: () => PurekitError,
  what: () => string,
  done: () => void = () => {},
): Response {
  const length = response.headers.get("content-length");
  if (length !== null) {
    const declared = Number(length);
    if (Number.isFinite(declared) && declared > max) {
      void response.body?.cancel().catch(() => {});
      done();
      throw tooLarge(what(), String(declared), max);
    }
  }
  if (response.body === null) {
    done();
    return response;
  }
  if (response instanceof GuardedResponse) return response;
  const signal = attempt.signal;
  // Nothing to wait for: openapi-fetch does not read an empty body, so it would never end.
  if (length === "0") done();
  let seen = 0;
  let finished = false;
  let onAbort: (() => void) | undefined;
  const finish = () => {
    if (finished) return;
    finished = true;
    if (onAbort) signal.removeEventListener("abort", onAbort);
    done();
  };
  const reader = response.body.getReader();
  // A pull source rather than a TransformStream: a cancelled body (a login's, read for its
  // headers only) must end the attempt too, and only a source hears about that.
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      onAbort = () => {
        finish();
        controller.error(stopped());
        void reader.cancel().catch(() => {});
      };
      signal.addEventListener("abort", onAbort, { once: true });
    },
    async pull(controller) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (finished) return;
        finish();
        controller.error(error);
        return;
      }
      if (finished) return;
      if (chunk.done) {
        finish();
        controller.close();
        return;
      }
      seen += chunk.value.byteLength;
      if (seen > max) {
        finish();
        controller.error(tooLarge(what(), `more than ${max}`, max));
        void reader.cancel().catch(() => {});
        return;
      }
      controller.enqueue(chunk.value);
    },
    cancel(reason) {
      finish();
      return reader.cancel(reason);
    },
  });
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

/** The wait before a retry; the caller's signal aborting it ends the call. */
function pause(
  ms: number,
  signal: AbortSignal | undefined,
  request: { method: string; url: string },
  secrets: SecretSet,
): Promise<void> {
  return sleep(ms, signal).catch((reason: unknown) => {
    throw aborted(request, secrets, reason);
  });
}

function aborted(
  request: { method: string; url: string },
  secrets: SecretSet,
  reason: unknown,
): PurekitError {
  return new PurekitError("ERR_ABORTED", `${describe(request, secrets)} was aborted by the caller.`, {
    cause: reason,
  });
}
