/**
 * Answer → error: every place an HTTP answer, or its failure to arrive whole, becomes a
 * {@link PurekitError}, for data calls, pages, version negotiation, logins and token
 * exchanges alike. Error bodies are read here and nowhere else: {@link errorItems} for the
 * entries of a `PureApiError`, {@link refusalWords} for the one-line reason of an auth
 * refusal. The error classes themselves are in `errors.ts`; every message is redacted.
 */
import {
  ExchangeRefused,
  PartialResultError,
  PureApiError,
  type PureErrorItem,
  PurekitError,
} from "./errors.ts";
import { middlewareErrors } from "./middleware.ts";
import { describeErrors } from "./partial.ts";
import { redactHeaders, redactUrl, redactValue, type SecretSet } from "./redact.ts";

/** The request an error answer answered, as the pipeline really sent it. */
export interface SentRequest {
  /** Its headers, credentials included, redacted: errors show them without a token. */
  headers: Record<string, string>;
  /**
   * The client's secrets plus the secret-named fields of its body (a new admin password,
   * a subject token): an array that echoes the body must not put them in an error.
   */
  secrets: SecretSet;
}

const SENT = Symbol("purekit.sentRequest");

/**
 * `response` carrying the request it answers: the pipeline hands error answers on with
 * it, and {@link sentRequestOf} reads it back where the error is made.
 *
 * @example
 * ```ts
 * return withSentRequest(response, { headers: redactHeaders(sent, secrets), secrets: callSecrets });
 * ```
 */
export function withSentRequest(response: Response, sent: SentRequest): Response {
  Object.defineProperty(response, SENT, { value: sent });
  return response;
}

/**
 * The request an answer carries from the pipeline (error answers only), if any.
 *
 * @example
 * ```ts
 * const sent = sentRequestOf(response); // { headers, secrets } | undefined
 * ```
 */
export function sentRequestOf(response: Response): SentRequest | undefined {
  return (response as { [SENT]?: SentRequest })[SENT];
}

/** An answer's body as JSON when it parses, else as the text it is. */
export function parseAnswer(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The array's `errors[]` of an error body, or the gateway's `{message}` (`error_description`, `error`) as one entry. */
export function errorItems(body: unknown): PureErrorItem[] {
  if (body && typeof body === "object") {
    const b = body as { errors?: unknown; message?: unknown; error?: unknown; error_description?: unknown };
    if (Array.isArray(b.errors)) {
      return b.errors.map((e) =>
        e && typeof e === "object" ? (e as PureErrorItem) : { message: String(e) },
      );
    }
    const message = b.message ?? b.error_description ?? b.error;
    if (typeof message === "string") return [{ message }];
  }
  return [];
}

/**
 * The words of an auth refusal: `errors[].message` joined, else `error_description` (an
 * OAuth2 server's sentence), else `message`; `""` when there are none.
 */
export function refusalWords(body: unknown): string {
  if (body === null || typeof body !== "object") return "";
  const b = body as { errors?: unknown; message?: unknown; error_description?: unknown };
  const parts = Array.isArray(b.errors)
    ? b.errors.map((e) => (e && typeof e === "object" ? (e as { message?: unknown }).message : e))
    : [];
  const joined = parts.filter((m) => typeof m === "string" && m).join("; ");
  if (joined) return joined;
  for (const m of [b.error_description, b.message]) if (typeof m === "string" && m) return m;
  return "";
}

/**
 * Turns an error answer into a PureApiError whose message a person can act on.
 *
 * @example
 * ```ts
 * const error = toApiError("GET", url, response, body, requestId, sent.headers, sent.secrets);
 * ```
 */
export function toApiError(
  method: string,
  requestUrl: string,
  response: Response,
  body: unknown,
  requestId: string,
  sent: Headers | Record<string, string>,
  secrets: SecretSet,
): PureApiError {
  const url = redactUrl(requestUrl, secrets);
  const path = (() => {
    try {
      const u = new URL(url);
      return u.pathname + u.search;
    } catch {
      return url;
    }
  })();
  // Every string of every entry (location_context, fields of any name, at any depth): an array
  // may echo a token or the request's body anywhere in it.
  const errors = errorItems(body).map((e) => {
    const item = redactValue(e, secrets) as PureErrorItem;
    return { ...item, message: typeof item.message === "string" ? item.message : String(item.message ?? "") };
  });
  const text = typeof body === "string" ? secrets.redact(body) : undefined;
  const html = text !== undefined && /^\s*</.test(text);
  const what = errors.length
    ? errors.map((e) => (e.context ? `${e.context}: ${e.message}` : e.message)).join("; ")
    : html
      ? "an HTML page instead of JSON (a proxy, load balancer or web UI may be answering; check the host)"
      : text
        ? text.slice(0, 200)
        : response.statusText || "no details";
  return new PureApiError({
    status: response.status,
    errors,
    requestId,
    request: { method, url, headers: redactHeaders(sent, secrets) },
    ...(text !== undefined ? { body: text.slice(0, 2000) } : {}),
    code: html ? "ERR_BAD_RESPONSE" : "ERR_API",
    message: secrets.redact(
      `${method} ${path} failed with HTTP ${response.status}: ${what} (request id ${requestId})`,
    ),
  });
}

/**
 * A successful data answer that is an HTML page (a web UI or proxy answering 200): said
 * so, rather than left to fail as "malformed JSON".
 */
export function htmlInsteadOfJson(request: Request, response: Response): PurekitError {
  const path = new URL(request.url).pathname;
  return new PurekitError(
    "ERR_BAD_RESPONSE",
    `${request.method} ${path} answered HTTP ${response.status} with an HTML page instead of JSON (request id ${request.headers.get("x-request-id")}); a proxy or the web UI may be answering — check the host.`,
  );
}

/**
 * What a failure while a data answer's body was read means, typed: the caller's abort or
 * the attempt's timeout, JSON cut off, a broken connection. Errors already explained, and
 * those the caller's own middleware threw, come back as they are.
 */
export function readFailure(
  error: unknown,
  verb: string,
  path: string,
  requestId: string,
  signal: AbortSignal | undefined,
): unknown {
  const name = (error as { name?: string }).name;
  if (name === "TimeoutError" || name === "AbortError") {
    // The body outlived the attempt's timeout (or the caller's signal) after the headers came.
    const byCaller = signal?.aborted === true;
    return new PurekitError(
      byCaller ? "ERR_ABORTED" : "ERR_TIMEOUT",
      byCaller
        ? `${verb} ${path} was aborted by the caller while reading the answer.`
        : `${verb} ${path} timed out while reading the answer (request id ${requestId}); raise timeoutMs.`,
      { cause: error },
    );
  }
  if (error instanceof SyntaxError) {
    return new PurekitError(
      "ERR_BAD_RESPONSE",
      `${verb} ${path} answered with malformed JSON (cut off, or not JSON at all; request id ${requestId}). The array or a proxy may have dropped the connection; try again.`,
      { cause: error },
    );
  }
  if (error instanceof PurekitError || middlewareErrors.has(error as object)) return error;
  // The connection broke while the body streamed in (undici: TypeError "terminated").
  return new PurekitError(
    "ERR_NETWORK",
    `${verb} ${path}: the connection broke while the answer was read (request id ${requestId}); try again.`,
    { cause: error },
  );
}

/** What a partial answer was asked with (method, redacted URL, request id). */
export interface PartialRequest {
  method: string;
  url: string;
  requestId: string;
}

/**
 * The PartialResultError of an answer (or, from `pages`, of a whole listing) that carried
 * `errors[]` beside its items.
 */
export function partialResultError(init: {
  response: Response;
  sent: PartialRequest | undefined;
  base: string;
  secrets: SecretSet;
  errors: PureErrorItem[];
  itemCount: number;
  data: unknown;
}): PartialResultError {
  const { response, sent, base, secrets, errors } = init;
  const method = sent?.method ?? "-";
  const url = sent?.url ?? redactUrl(response.url || base, secrets);
  const path = url.startsWith(base) ? url.slice(base.length) : url;
  const what = init.data === undefined ? `the listing of ${path.replace(/\?.*$/, "")}` : `${method} ${path}`;
  return new PartialResultError({
    status: response.status,
    errors,
    requestId: sent?.requestId,
    request: { method, url, headers: {} },
    data: init.data,
    itemCount: init.itemCount,
    message: secrets.redact(
      `${what} succeeded only in part: ${errors.length} error${errors.length === 1 ? "" : "s"} beside the items (${describeErrors(errors)}). ` +
        `The error's data holds what did succeed; pass allowErrors: true (or onErrors) to take partial results without a throw${sent ? ` (request id ${sent.requestId})` : ""}.`,
    ),
  });
}

/** Pages that never end: a token given twice, the same items at the next offset, "more" without a token. */
export function endlessListing(
  path: string,
  why: string,
  requestId: string | null,
  pagesRead: number,
): PurekitError {
  return new PurekitError(
    "ERR_BAD_RESPONSE",
    `GET ${path} cannot be paged to its end: ${why} (request id ${requestId}). The array or a proxy answers pages wrongly; ${pagesRead} pages were read.`,
  );
}

/** Where an auth call was sent, for its messages: the base URL and the secrets to redact. */
export interface AuthTarget {
  origin: string;
  secrets: SecretSet;
}

/**
 * The JSON object of a successful auth answer; anything else (HTML, `null`, an array, a
 * number) is ERR_BAD_RESPONSE.
 */
export function authAnswerObject(
  text: string,
  status: number,
  what: string,
  target: AuthTarget,
): Record<string, unknown> {
  const { origin } = target;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const kind = /^\s*</.test(text) ? "an HTML page" : "something that is not JSON";
    throw new PurekitError(
      "ERR_BAD_RESPONSE",
      `${what} at ${origin} answered HTTP ${status} with ${kind}; is ${origin} the array's management address?`,
    );
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new PurekitError(
      "ERR_BAD_RESPONSE",
      `${what} at ${origin} answered HTTP ${status} with JSON that is not an object (${parsed === null ? "null" : Array.isArray(parsed) ? "an array" : typeof parsed}); is ${origin} the array's management address?`,
    );
  }
  return parsed as Record<string, unknown>;
}

/**
 * `<what> at <origin> was refused: HTTP <status> (<the array's own words>). <hint>`, the
 * words from {@link refusalWords}, redacted.
 */
async function refusal(res: Response, target: AuthTarget, what: string, hint: string): Promise<string> {
  // The pipeline read at most a few KB of it, within the attempt's timeout.
  const text = await res.text().catch(() => "");
  let message = "";
  try {
    message = refusalWords(JSON.parse(text));
  } catch {
    message = /^\s*</.test(text) ? "an HTML page instead of JSON" : text.slice(0, 200);
  }
  const why = target.secrets.redact(message);
  return `${what} at ${target.origin} was refused: HTTP ${res.status}${why ? ` (${why})` : ""}. ${hint}`;
}

/** A refused login or API token call: ERR_AUTH with the array's words and what to check. */
export async function authRefused(
  res: Response,
  target: AuthTarget,
  what: string,
  hint: string,
): Promise<PurekitError> {
  return new PurekitError("ERR_AUTH", await refusal(res, target, what, hint));
}

/** A refused token exchange, with the server's clock (`Date`) for one re-signed try. */
export async function exchangeRefused(
  res: Response,
  target: AuthTarget,
  hint: string,
  serverDate: number | undefined,
): Promise<ExchangeRefused> {
  return new ExchangeRefused(await refusal(res, target, "The token exchange", hint), res.status, serverDate);
}
