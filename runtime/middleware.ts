/**
 * Middleware and the request log: openapi-fetch's `{ onRequest, onResponse, onError }`
 * shape, but run *inside* the pipeline (runtime/http.ts), once per attempt: a retry,
 * a re-auth replay and the login calls are each seen. What middleware is shown is a
 * redacted copy: credential headers read `[REDACTED]`, secret query parameters and
 * JSON fields too; a header it sets is sent, a `[REDACTED]` value it leaves is put
 * back to the real one. The same hook writes one structured log record per attempt.
 */

import type { OutgoingRequest } from "./http.ts";
import type { Logger } from "./logger.ts";
import { REDACTED, redactHeaders, redactUrl, redactValue, type SecretSet } from "./redact.ts";

/** What each middleware callback gets. */
export interface MiddlewareParams {
  /**
   * The request of this attempt, credentials redacted. `onRequest` may change its headers
   * in place, or return another Request or a Response (answering without the network).
   */
  request: Request;
  /** 1 for the first attempt of a call, 2 for its retry or re-auth replay, … */
  attempt: number;
  /** The call's `X-Request-ID`: the same on every attempt and page. */
  requestId: string;
}

/**
 * Hooks for logging, metrics and tracing.
 *
 * @example
 * ```ts
 * fa.use({
 *   onRequest: ({ request, attempt }) => console.log("→", request.method, request.url, attempt),
 *   onResponse: ({ response, requestId }) => console.log("←", response.status, requestId),
 *   onError: ({ error }) => console.error("✗", error),
 * });
 * ```
 */
// Callbacks may be `async () => {}`: their Promise<void> must fit, hence `void` in the unions.
// biome-ignore-start lint/suspicious/noConfusingVoidType: see above
export interface Middleware {
  onRequest?(params: MiddlewareParams): void | Request | Response | Promise<void | Request | Response>;
  onResponse?(params: MiddlewareParams & { response: Response }): void | Response | Promise<void | Response>;
  /** A failure of the attempt (network, TLS, proxy, timeout): return a Response to answer instead, or an Error to throw instead. */
  onError?(
    params: MiddlewareParams & { error: unknown },
  ): void | Response | Error | Promise<void | Response | Error>;
}
// biome-ignore-end lint/suspicious/noConfusingVoidType: see above

/** One record per attempt, given to `logger.debug(message, record)`. */
export interface RequestLogRecord {
  method: string;
  /** Redacted (secret query parameters and known secrets replaced). */
  url: string;
  /** 0 when no answer came (network, TLS, proxy, timeout). */
  status: number;
  durationMs: number;
  attempt: number;
  requestId: string;
  /** Why no answer came, redacted. */
  error?: string;
}

/**
 * Errors middleware threw (or returned from `onError`): the pipeline passes them to the
 * caller as they are, neither retried nor dressed as a network failure.
 */
export const middlewareErrors: WeakSet<object> = new WeakSet();

/** Runs one callback; what it throws is marked as the middleware's own. */
async function guarded<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error !== null && typeof error === "object") middlewareErrors.add(error);
    throw error;
  }
}

/**
 * The pipeline's per-attempt hook (see `PipelineOptions.around`): gets each hop as the
 * pipeline sends it, and passes it (or a Request middleware made) on to `next`.
 */
export type AttemptHook = (
  request: OutgoingRequest,
  info: { attempt: number; requestId: string },
  next: (request: OutgoingRequest | Request) => Promise<Response>,
) => Promise<Response>;

/** Checks one `use()` argument; a typed error says what was wrong. */
export function checkMiddleware(middleware: unknown, fail: (message: string) => Error): Middleware {
  if (!middleware || typeof middleware !== "object") {
    throw fail(
      `use() takes an object { onRequest?, onResponse?, onError? }, got ${middleware === null ? "null" : typeof middleware}.`,
    );
  }
  const m = middleware as Record<string, unknown>;
  const hooks = ["onRequest", "onResponse", "onError"].filter((k) => m[k] !== undefined);
  if (hooks.length === 0) throw fail("use() got an object with none of onRequest, onResponse, onError.");
  for (const k of hooks) {
    if (typeof m[k] !== "function") throw fail(`use(): ${k} must be a function, got ${typeof m[k]}.`);
  }
  return middleware as Middleware;
}

/**
 * The hook that runs `middlewares` (read at each attempt, so `use()` applies at once)
 * around the transport and logs each attempt to `logger.debug`.
 */
export function createAttemptHook(
  middlewares: readonly Middleware[],
  logger: Logger,
  secrets: SecretSet,
): AttemptHook {
  return async (outgoing, info, next) => {
    // Without middleware nothing needs a Request: the hop goes on as it is, logged if asked.
    if (middlewares.length === 0) {
      if (!logger.debug) return next(outgoing);
      const started = performance.now();
      try {
        const response = await next(outgoing);
        log(logger, secrets, outgoing, info, started, response.status);
        return response;
      } catch (error) {
        log(logger, secrets, outgoing, info, started, 0, error);
        throw error;
      }
    }
    const started = performance.now();
    const real = new Request(outgoing.url, {
      method: outgoing.method,
      headers: outgoing.headers,
      ...(outgoing.body !== undefined ? { body: outgoing.body } : {}),
      signal: outgoing.signal,
      redirect: "manual",
    });
    const params = { attempt: info.attempt, requestId: info.requestId };
    const shown = middlewares.length > 0 ? await redactedCopy(real, secrets) : undefined;
    let request = real;
    let response: Response | undefined;
    try {
      for (const m of middlewares) {
        if (!m.onRequest || !shown) continue;
        const onRequest = m.onRequest.bind(m);
        const out = await guarded(() => onRequest({ request: shown, ...params }));
        if (out instanceof Response) {
          response = out;
          break;
        }
        if (out instanceof Request && out !== shown) request = await adopt(out, real, secrets);
      }
      if (shown && request === real) request = applyHeaders(shown, real, secrets);
      if (!response) {
        try {
          response = await next(request);
        } catch (error) {
          let recovered: Response | undefined;
          let thrown = error;
          for (const m of middlewares) {
            if (!m.onError || !shown) continue;
            const onError = m.onError.bind(m);
            const current = thrown;
            const out = await guarded(() => onError({ request: shown, error: current, ...params }));
            if (out instanceof Response) {
              recovered = out;
              break;
            }
            if (out instanceof Error) {
              middlewareErrors.add(out);
              thrown = out;
            }
          }
          if (!recovered) throw thrown;
          response = recovered;
        }
      }
      // Last added sees the answer first, as in openapi-fetch.
      for (let i = middlewares.length - 1; i >= 0; i--) {
        const m = middlewares[i];
        if (!m?.onResponse || !shown) continue;
        const onResponse = m.onResponse.bind(m);
        const current: Response = response;
        const out: unknown = await guarded(() =>
          onResponse({ request: shown, response: current, ...params }),
        );
        if (out instanceof Response) response = out;
      }
      log(logger, secrets, real, info, started, response.status);
      return response;
    } catch (error) {
      log(logger, secrets, real, info, started, 0, error);
      throw error;
    }
  };
}

function log(
  logger: Logger,
  secrets: SecretSet,
  request: { method: string; url: string },
  info: { attempt: number; requestId: string },
  started: number,
  status: number,
  error?: unknown,
): void {
  if (!logger.debug) return;
  const record: RequestLogRecord = {
    method: request.method,
    url: redactUrl(request.url, secrets),
    status,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    attempt: info.attempt,
    requestId: info.requestId,
    ...(error !== undefined ? { error: secrets.redact(String((error as Error)?.message ?? error)) } : {}),
  };
  logger.debug(
    `${record.method} ${record.url} → ${status || `failed (${record.error})`} in ${record.durationMs} ms ` +
      `(attempt ${record.attempt}, request id ${record.requestId})`,
    record,
  );
}

/** A copy safe to show: secret headers, query parameters, JSON fields and known secrets replaced. */
async function redactedCopy(request: Request, secrets: SecretSet): Promise<Request> {
  let body: string | undefined;
  if (request.body) {
    const text = await request.clone().text();
    const type = request.headers.get("content-type") ?? "";
    if (/json/i.test(type)) {
      try {
        body = JSON.stringify(redactValue(JSON.parse(text), secrets));
      } catch {
        body = secrets.redact(text);
      }
    } else if (/x-www-form-urlencoded/i.test(type)) {
      const form = new URLSearchParams(text);
      for (const [k, v] of [...form])
        form.set(k, /token|password|secret|assertion/i.test(k) ? REDACTED : secrets.redact(v));
      body = form.toString();
    } else {
      body = secrets.redact(text);
    }
  }
  return new Request(redactUrl(request.url, secrets), {
    method: request.method,
    headers: redactHeaders(request.headers, secrets),
    ...(body !== undefined ? { body } : {}),
  });
}

/** The real request with the header changes middleware made on the shown copy. */
function applyHeaders(shown: Request, real: Request, secrets: SecretSet): Request {
  const headers = mergedHeaders(shown.headers, real.headers, secrets);
  if (headers === undefined) return real;
  return new Request(real, { headers });
}

/**
 * `changed` (a redacted copy, perhaps edited) applied to `real`: a value still equal to its
 * redacted form keeps the real value; anything else is the middleware's. Undefined when
 * nothing changed.
 */
function mergedHeaders(changed: Headers, real: Headers, secrets: SecretSet): Headers | undefined {
  const shownReal = redactHeaders(real, secrets);
  const out = new Headers();
  let differs = false;
  for (const [k, v] of changed) {
    const original = real.get(k);
    if (original !== null && v === shownReal[k]) out.set(k, original);
    else {
      out.set(k, v);
      differs = true;
    }
  }
  for (const k of real.keys()) if (!changed.has(k)) differs = true;
  return differs ? out : undefined;
}

/** A Request middleware returned in place of the shown one: its URL, method, headers, body. */
async function adopt(given: Request, real: Request, secrets: SecretSet): Promise<Request> {
  const headers = mergedHeaders(given.headers, real.headers, secrets) ?? real.headers;
  const sameUrl = given.url === redactUrl(real.url, secrets);
  // A body equal to the redacted copy's is the real one, unchanged (`new Request(request, …)`):
  // sending the copy would send `[REDACTED]` where a password was.
  const givenBody = given.body ? await given.text() : undefined;
  const shownBody = real.body ? await (await redactedCopy(real, secrets)).text() : undefined;
  const body =
    givenBody === shownBody ? (real.body ? await real.clone().arrayBuffer() : undefined) : givenBody;
  return new Request(sameUrl ? real.url : given.url, {
    method: given.method,
    headers,
    ...(body !== undefined ? { body } : {}),
    signal: real.signal,
    redirect: real.redirect,
  });
}
