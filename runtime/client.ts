/**
 * The client all three products share: openapi-fetch for typed requests over
 * version-free paths, the pipeline for auth/retries/timeouts, the generated
 * operation table for friendly methods and pagination.
 */
import createClient, { type FetchResponse, type MaybeOptionalInit } from "openapi-fetch";
import type { MediaType, PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";
import type { OperationInfo, OperationTable, Product } from "../spec/table.ts";
import type { AuthContext, AuthStrategy } from "./auth/types.ts";
import { PureApiError, type PureErrorItem, PurekitError } from "./errors.ts";
import {
  CallRequest,
  createPipeline,
  DEFAULT_MAX_RESPONSE_BYTES,
  readText,
  type Send,
  type SendOptions,
  sentHeaders,
  sentSecrets,
} from "./http.ts";
import { consoleLoggerFor, type Logger } from "./logger.ts";
import { checkMiddleware, createAttemptHook, type Middleware, middlewareErrors } from "./middleware.ts";
import {
  checkPartialOptions,
  describeErrors,
  type PartialOptions,
  PartialResultError,
  partialErrors,
} from "./partial.ts";
import { getPlatform } from "./platform/index.ts";
import { serializeQuery } from "./query.ts";
import { redactHeaders, redactUrl, redactValue, SecretSet } from "./redact.ts";
import type { RetryOptions } from "./retry.ts";
import { createTransportFetch, type ProxyOption, proxyFor, type TlsOptions } from "./transport/index.ts";
import { PUREKIT_VERSION } from "./version.ts";
import { chooseVersion, listedVersions } from "./versions.ts";

export { PUREKIT_VERSION };

/** Variables a platform's own fetch may read (Deno does): set, they call for an explicitly direct transport. */
const PROXY_VARIABLES = ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"];

type Lower = "get" | "put" | "post" | "delete" | "patch";

/**
 * The `{ data, error }` result of a call; `error` is always a {@link PureApiError}.
 * `errors` is there when the call succeeded only in part (a 207, or any answer whose
 * `errors[]` is not empty beside its items): what failed, redacted.
 */
export type PureResult<T> =
  | { data: T; error?: never; errors?: PureErrorItem[]; response: Response }
  | { data?: never; error: PureApiError; errors?: never; response: Response };

type InitParam<Init> =
  RequiredKeysOf<Init> extends never
    ? [(Init & { [key: string]: unknown })?]
    : [Init & { [key: string]: unknown }];

type Data<Op, Init> = NonNullable<
  FetchResponse<Op & Record<string | number, unknown>, Init, MediaType>["data"]
>;

/** One HTTP method of the client, typed by the version's paths. */
export type PureMethod<Paths extends {}, M extends Lower> = <
  P extends PathsWithMethod<Paths, M>,
  Init extends MaybeOptionalInit<Paths[P], M & keyof Paths[P]>,
>(
  path: P,
  ...init: InitParam<Init>
) => Promise<PureResult<Data<Paths[P][M & keyof Paths[P]], Init>>>;

type GetOp<Paths, P extends keyof Paths> = Paths[P] extends { get: infer O } ? O : never;
type ItemsOf<D> = D extends { items?: (infer I)[] } ? I : never;
type PageOf<Paths extends {}, P extends keyof Paths> = Data<GetOp<Paths, P>, unknown>;
type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
// openapi-typescript writes `requestBody?: never` for operations without one.
type BodyOf<Op> = Op extends { requestBody?: infer R }
  ? [NonNullable<R>] extends [never]
    ? never
    : NonNullable<R> extends { content: { "application/json": infer B } }
      ? B
      : never
  : never;

/** Per-call options of friendly methods, `paginate` and `pages`. */
export interface CallOptions extends PartialOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** This call's per-attempt timeout instead of the client's `timeoutMs`. */
  timeoutMs?: number;
  /**
   * Fleets (FlashArray ≥ 2.38, FlashBlade ≥ 2.17): the member array(s) this call acts on,
   * sent as `context_names` where the operation takes it; overrides the client's `context`.
   */
  context?: string | readonly string[];
}

type QueryArg<Q> = [Q] extends [never] ? [] : RequiredKeysOf<Q> extends never ? [query?: Q] : [query: Q];
type FriendlyFn<Op> = [BodyOf<Op>] extends [never]
  ? (...args: [...QueryArg<QueryOf<Op>>, options?: CallOptions]) => Promise<Data<Op, unknown>>
  : [QueryOf<Op>] extends [never]
    ? (body: BodyOf<Op>, options?: CallOptions) => Promise<Data<Op, unknown>>
    : (query: QueryOf<Op>, body: BodyOf<Op>, options?: CallOptions) => Promise<Data<Op, unknown>>;

/** `getVolumes(query)`, `postVolumes(query, body)`…: one method per operation, throwing on errors. */
export type FriendlyMethods<Paths, Ops> = {
  [N in keyof Ops]: Ops[N] extends { path: infer P extends keyof Paths }
    ? Ops[N] extends { method: infer M extends keyof Paths[P] }
      ? FriendlyFn<Paths[P][M]>
      : never
    : never;
};

type PaginatedPath<Paths extends {}> = PathsWithMethod<Paths, "get">;
type PaginateInit<Paths extends {}, P extends keyof Paths> = {
  params?: { query?: QueryOf<GetOp<Paths, P>> };
} & CallOptions;

/** The client's own members, beside the friendly methods. */
export interface PureClientCore<Paths extends {}> {
  readonly product: Product;
  /** The REST version in use (pinned or negotiated). */
  readonly version: string;
  /** `https://host[:port]` */
  readonly origin: string;
  /** `origin` plus the gateway's base path when `host` had one (`https://gw/fa1`); every URL is built on it. */
  readonly baseUrl: string;
  /** The generated operation table of `version`. */
  readonly operations: OperationTable;
  GET: PureMethod<Paths, "get">;
  POST: PureMethod<Paths, "post">;
  PUT: PureMethod<Paths, "put">;
  PATCH: PureMethod<Paths, "patch">;
  DELETE: PureMethod<Paths, "delete">;
  /** Every item of a collection, page after page, in constant memory. */
  paginate<P extends PaginatedPath<Paths>>(
    path: P,
    init?: PaginateInit<Paths, P>,
  ): AsyncGenerator<ItemsOf<PageOf<Paths, P>>, void, undefined>;
  /** Whole pages (with `total_item_count` when asked for), one request each. */
  pages<P extends PaginatedPath<Paths>>(
    path: P,
    init?: PaginateInit<Paths, P>,
  ): AsyncGenerator<PageOf<Paths, P>, void, undefined>;
  /**
   * The data of a result, or its error thrown; a partial success throws a
   * {@link PartialResultError} unless `{ allowErrors: true }`.
   */
  unwrap<T>(result: PureResult<T> | Promise<PureResult<T>>, options?: PartialOptions): Promise<T>;
  /**
   * Adds middleware, run inside the pipeline on every attempt (retries, re-auth replays,
   * logins) with credentials redacted in what it is shown. Returns a function that removes it.
   *
   * @example
   * ```ts
   * const stop = fa.use({ onResponse: ({ request, response, attempt }) => console.log(request.method, response.status, attempt) });
   * ```
   */
  use(middleware: Middleware): () => void;
  /** Ends the session (logout where there is one); later calls fail with `ERR_CLOSED`. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

export type PureClient<Paths extends {}, Ops> = PureClientCore<Paths> & FriendlyMethods<Paths, Ops>;

/** Options every client takes. */
export interface BaseClientOptions {
  /** Per-attempt timeout. Default 30 s. */
  timeoutMs?: number;
  /** Budget for one call including retries and their waits. Default: unlimited (bounded by retries). */
  deadlineMs?: number;
  retry?: RetryOptions;
  tls?: TlsOptions;
  /**
   * An HTTP proxy, `"http://[user:password@]host:port"` (CONNECT tunnels; the array's TLS
   * goes through it end to end), or `false` for none. Default: `HTTPS_PROXY`/`https_proxy`
   * (then `HTTP_PROXY`) unless `NO_PROXY` names the host, as curl reads them.
   * Ignored when `fetch` is given.
   */
  proxy?: ProxyOption;
  /** A fetch to send with (a mock's, an instrumented one). Never the patched global by surprise. */
  fetch?: typeof fetch;
  /** Default: warnings to the console; `PUREKIT_LOG=debug` adds a line per request attempt. */
  logger?: Logger;
  /** Prepended to `purekit/<version>`. */
  userAgent?: string;
  /**
   * Largest answer body the client reads, in bytes; default 256 MiB (far above a real page
   * of any collection). Checked while the body streams in, so memory stays bounded: a larger
   * answer fails with `ERR_RESPONSE_TOO_LARGE`. Error answers are read only up to 16 KiB.
   *
   * @example
   * ```ts
   * await createFlashArrayClient({ host, auth, maxResponseBytes: 1024 * 1024 * 1024 }); // 1 GiB pages
   * ```
   */
  maxResponseBytes?: number;
  /**
   * Fleets (FlashArray ≥ 2.38, FlashBlade ≥ 2.17): the member array(s) every call acts on,
   * sent as `context_names` where an operation takes it. A call's own `context` wins.
   *
   * @example
   * ```ts
   * const fa = await createFlashArrayClient({ host: "fleet-head.example.com", auth, context: "array-2" });
   * await fa.getVolumes(); // array-2's volumes
   * ```
   */
  context?: string | readonly string[] | undefined;
}

export interface CreateClientInternals extends BaseClientOptions {
  product: Product;
  host: string;
  version?: string | undefined;
  knownVersions: readonly string[];
  loadTable: (version: string) => Promise<OperationTable>;
  makeAuth: (ctx: AuthContext) => AuthStrategy | Promise<AuthStrategy>;
}

/**
 * `host`, `host:port`, a bare IPv6 address (`::1`, `fd00::10`), `[v6]:port` or a URL →
 * base URL: the origin, plus the path when the URL has one (an array behind a gateway,
 * `https://gw.example.com/fa1`), without a trailing slash. HTTPS unless the URL says otherwise.
 */
export function normalizeBaseUrl(host: string): string {
  if (typeof host !== "string") {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `host must be a string, got ${host === null ? "null" : typeof host}.`,
    );
  }
  let trimmed = host.trim();
  if (!trimmed)
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      "host is empty: give a host name, host:port, or https:// URL.",
    );
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  // Two or more colons and no brackets: an IPv6 address without a port (a port needs [v6]:port).
  if (!hasScheme && /^[0-9a-f:.]+$/i.test(trimmed) && (trimmed.match(/:/g)?.length ?? 0) >= 2) {
    trimmed = `[${trimmed}]`;
  }
  if (/^\[?[0-9a-f:.]+%/i.test(trimmed.replace(/^https?:\/\//i, ""))) {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `host "${trimmed}" has an IPv6 zone (%…), which URLs and fetch do not take: use the array's global or unique-local address.`,
    );
  }
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(url.protocol);
  } catch {
    const v6 = /^(https?:\/\/)?[0-9a-f]*:[0-9a-f]*:[0-9a-f:.]*/i.test(trimmed)
      ? " An IPv6 address with a port goes in brackets: [fd00::10]:8443 or https://[fd00::10]:8443."
      : "";
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `host "${trimmed}" is not a host name, host:port, IPv6 address, or http(s) URL.${v6}`,
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `host "${url.origin}${url.pathname}…" carries ${url.username || url.password ? "credentials" : "a query or fragment"}: ` +
        "give only the scheme, host, port and (behind a gateway) a base path; credentials go in auth.",
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** The origin part of {@link normalizeBaseUrl}. */
export function normalizeOrigin(host: string): string {
  return new URL(normalizeBaseUrl(host)).origin;
}

function checkTimeout(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || Number.isNaN(value) || value <= 0) {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `${name} must be a positive number of milliseconds (Infinity for none), got ${typeof value === "number" ? value : typeof value}.`,
    );
  }
  return value;
}

function errorItems(body: unknown): PureErrorItem[] {
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

/** Turns an error answer into a PureApiError whose message a person can act on. */
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
 * Builds a client. Product factories (`createFlashArrayClient`…) call this.
 */
export async function createPureClient<Paths extends {}, Ops>(
  options: CreateClientInternals,
): Promise<PureClient<Paths, Ops>> {
  const base = normalizeBaseUrl(options.host);
  const origin = new URL(base).origin;
  const platform = await getPlatform();
  const logger = options.logger ?? consoleLoggerFor(platform.env("PUREKIT_LOG"));
  const timeoutMs = checkTimeout(options.timeoutMs, "timeoutMs") ?? 30_000;
  const secrets = new SecretSet();
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!(Number.isSafeInteger(maxResponseBytes) && maxResponseBytes > 0)) {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `maxResponseBytes must be a positive whole number of bytes, got ${String(maxResponseBytes)}.`,
    );
  }
  // A given fetch (a mock's) sends as it likes: no proxy is looked up for it.
  const proxy = options.fetch ? undefined : proxyFor(base, options.proxy, (name) => platform.env(name));
  for (const secret of proxy?.secrets ?? []) secrets.add(secret);
  if (proxy) logger.debug?.(`connecting to ${origin} through the proxy ${proxy.url} (from ${proxy.source})`);
  const transport = await createTransportFetch({
    tls: options.tls,
    fetch: options.fetch,
    proxy,
    direct: !options.fetch && !proxy && PROXY_VARIABLES.some((name) => platform.env(name)),
    // Called once, when the transport is made: the client warns once.
    onInsecure: (m) => logger.warn?.(m),
  });
  const middlewares: Middleware[] = [];
  const send: Send = createPipeline({
    maxResponseBytes,
    fetch: (r) => transport(r),
    direct: transport.direct,
    userAgent: `${options.userAgent ? `${options.userAgent} ` : ""}purekit/${PUREKIT_VERSION}`,
    timeoutMs,
    deadlineMs: options.deadlineMs,
    retry: options.retry,
    logger,
    secrets,
    reauthStatus: options.product === "pure1" ? 403 : 401,
    around: createAttemptHook(middlewares, logger, secrets),
  });

  let negotiated: { version: string; table: OperationTable; auth: AuthStrategy };
  try {
    negotiated = await negotiate();
  } catch (e) {
    // Nothing else will release the transport's connections (a Deno HttpClient, an undici Agent).
    await transport.close?.();
    throw e;
  }
  const { version, table, auth } = negotiated;
  let closed = false;

  /** Version (Pure1 has no api_version endpoint; arrays say what they speak), table, auth. */
  async function negotiate() {
    let offered: string[] = [];
    if (options.product !== "pure1") {
      const res = await send(new Request(`${base}/api/api_version`));
      const text = await readText(res, `GET ${base}/api/api_version`);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      if (!res.ok || typeof body !== "object" || body === null) {
        throw toApiError("GET", `${base}/api/api_version`, res, body, "-", new Headers(), secrets);
      }
      offered = listedVersions(body);
    }
    const version = chooseVersion(
      options.product,
      origin,
      options.product === "pure1" ? options.knownVersions : offered,
      options.knownVersions,
      options.version,
    );
    const table = await options.loadTable(version);
    const ctx: AuthContext = {
      product: options.product,
      origin: base,
      version: () => version,
      apiVersions: () => offered,
      send: (r) => send(r),
      secrets,
      logger,
      now: () => Date.now(),
    };
    return { version, table, auth: await options.makeAuth(ctx) };
  }

  const withAuth: SendOptions = { auth };
  /** What partial answers were asked with, for their PartialResultError. */
  const partialRequests = new WeakMap<Response, { method: string; url: string; requestId: string }>();
  /** Data calls: closed check, credentials, and HTML answers named for what they are. */
  const dataFetch = (request: Request, sendOptions: SendOptions = withAuth) => {
    if (closed) {
      return Promise.reject(
        new PurekitError("ERR_CLOSED", `This ${options.product} client was closed; create a new one.`),
      );
    }
    return send(request, sendOptions).then((response) => {
      // Checked before openapi-fetch parses: a web UI or proxy answering 200 with HTML
      // deserves a message that says so, not "malformed JSON".
      if (response.ok && /html/i.test(response.headers.get("content-type") ?? "")) {
        void response.body?.cancel();
        const path = new URL(request.url).pathname;
        throw new PurekitError(
          "ERR_BAD_RESPONSE",
          `${request.method} ${path} answered HTTP ${response.status} with an HTML page instead of JSON (request id ${request.headers.get("x-request-id")}); a proxy or the web UI may be answering — check the host.`,
        );
      }
      return response;
    });
  };
  const api = createClient<Paths>({
    baseUrl: `${base}${table.prefix}`,
    // Requests built once, as the pipeline sends them (docs/decisions/013-client-hot-path.md).
    Request: CallRequest as unknown as typeof Request,
    fetch: (request: Request) => dataFetch(request),
    querySerializer: (q) => serializeQuery(q as Record<string, unknown>),
  });

  // Fleets: which operations take `context_names`, and whether this version has fleets at all.
  const contextOps = new Set(
    table.operations
      .filter((op) => op.query.some((p) => p.name === "context_names"))
      .map((op) => `${op.method} ${op.path}`),
  );
  const checkContext = (value: unknown, where: string): string[] | undefined => {
    if (value === undefined) return undefined;
    const names = typeof value === "string" ? [value] : Array.isArray(value) ? [...value] : null;
    if (!names || names.length === 0 || names.some((n) => typeof n !== "string" || n.trim() === "")) {
      throw new PurekitError(
        "ERR_INVALID_ARGUMENT",
        `${where} must be a fleet member's name or a non-empty list of names, got ${JSON.stringify(value)}.`,
      );
    }
    if (contextOps.size === 0) {
      throw new PurekitError(
        "ERR_VERSION_UNSUPPORTED",
        `${where} needs fleets (context_names), which ${options.product} REST ${version} does not have ` +
          "(FlashArray 2.38 and FlashBlade 2.17 on): pin a newer version, or leave context out.",
      );
    }
    return names as string[];
  };
  let clientContext: string[] | undefined;
  try {
    clientContext = checkContext(options.context, "context");
  } catch (e) {
    await transport.close?.();
    throw e;
  }
  /** Adds `context_names` where the operation takes it and the caller did not set it. */
  const withContext = (
    method: string,
    path: string,
    init: Record<string, unknown>,
  ): Record<string, unknown> => {
    const names = checkContext(init.context, "the call's context") ?? clientContext;
    if (!names || !contextOps.has(`${method} ${path}`)) return init;
    const params = (init.params ?? {}) as { query?: Record<string, unknown> };
    if (params.query?.context_names !== undefined) return init;
    return { ...init, params: { ...params, query: { ...params.query, context_names: names } } };
  };

  // Pure1's x-quoted parameters, per operation: their strings go out in single quotes.
  const quotedParams = new Map<string, ReadonlySet<string>>();
  for (const op of table.operations) {
    const names = op.query.filter((p) => p.quoted).map((p) => p.name);
    if (names.length) quotedParams.set(`${op.method} ${op.path}`, new Set(names));
  }

  const call = async (
    method: Lower,
    path: string,
    init: Record<string, unknown> = {},
  ): Promise<PureResult<unknown>> => {
    const quoted = quotedParams.get(`${method} ${path}`);
    init = withContext(method, path, init);
    const verb = method.toUpperCase() as Uppercase<Lower>;
    const headers = new Headers(init.headers as HeadersInit | undefined);
    const requestId = headers.get("x-request-id") ?? crypto.randomUUID();
    headers.set("x-request-id", requestId);
    const callTimeout = checkTimeout(init.timeoutMs, "timeoutMs");
    let result: { data?: unknown; error?: unknown; response: Response };
    try {
      const fn = api[verb] as unknown as (p: string, i: unknown) => Promise<typeof result>;
      const { timeoutMs: _t, allowErrors: _a, onErrors: _o, context: _c, ...rest } = init;
      result = await fn(path, {
        // Before the caller's init: a caller's own querySerializer wins.
        ...(quoted ? { querySerializer: (q: Record<string, unknown>) => serializeQuery(q, quoted) } : {}),
        ...rest,
        headers,
        ...(callTimeout !== undefined
          ? { fetch: (r: Request) => dataFetch(r, { ...withAuth, timeoutMs: callTimeout }) }
          : {}),
      });
    } catch (e) {
      const name = (e as { name?: string }).name;
      if (name === "TimeoutError" || name === "AbortError") {
        // The body outlived the attempt's timeout (or the caller's signal) after the headers came.
        const byCaller = (init.signal as AbortSignal | undefined)?.aborted === true;
        throw new PurekitError(
          byCaller ? "ERR_ABORTED" : "ERR_TIMEOUT",
          byCaller
            ? `${verb} ${path} was aborted by the caller while reading the answer.`
            : `${verb} ${path} timed out while reading the answer (request id ${requestId}); raise timeoutMs.`,
          { cause: e },
        );
      }
      if (e instanceof SyntaxError) {
        throw new PurekitError(
          "ERR_BAD_RESPONSE",
          `${verb} ${path} answered with malformed JSON (cut off, or not JSON at all; request id ${requestId}). The array or a proxy may have dropped the connection; try again.`,
          { cause: e },
        );
      }
      // Already explained, or thrown by the caller's own middleware: passed on as it is.
      if (e instanceof PurekitError || middlewareErrors.has(e as object)) throw e;
      // The connection broke while the body streamed in (undici: TypeError "terminated").
      throw new PurekitError(
        "ERR_NETWORK",
        `${verb} ${path}: the connection broke while the answer was read (request id ${requestId}); try again.`,
        { cause: e },
      );
    }
    const { response } = result;
    const query = serializeQuery(
      (init.params as { query?: Record<string, unknown> } | undefined)?.query,
      quoted,
    );
    const url = `${base}${table.prefix}${path}${query ? `?${query}` : ""}`;
    if (response.ok) {
      const errors = partialErrors(result.data, secrets);
      if (!errors) return { data: result.data, response };
      partialRequests.set(response, { method: verb, url: redactUrl(url, secrets), requestId });
      return { data: result.data, errors, response };
    }
    return {
      error: toApiError(
        verb,
        url,
        response,
        result.error,
        requestId,
        sentHeaders.get(response) ?? headers,
        sentSecrets.get(response) ?? secrets,
      ),
      response,
    };
  };

  /** The PartialResultError of a result that carried `errors[]`. */
  const partialError = (
    res: PureResult<unknown>,
    errors: PureErrorItem[],
    itemCount: number,
    data: unknown,
  ) => {
    const sent = partialRequests.get(res.response);
    const method = sent?.method ?? "-";
    const url = sent?.url ?? redactUrl(res.response.url || base, secrets);
    const path = url.startsWith(base) ? url.slice(base.length) : url;
    const what = data === undefined ? `the listing of ${path.replace(/\?.*$/, "")}` : `${method} ${path}`;
    return new PartialResultError({
      status: res.response.status,
      errors,
      requestId: sent?.requestId,
      request: { method, url, headers: {} },
      data,
      itemCount,
      message: secrets.redact(
        `${what} succeeded only in part: ${errors.length} error${errors.length === 1 ? "" : "s"} beside the items (${describeErrors(errors)}). ` +
          `The error's data holds what did succeed; pass allowErrors: true (or onErrors) to take partial results without a throw${sent ? ` (request id ${sent.requestId})` : ""}.`,
      ),
    });
  };

  const unwrap = async <T>(r: PureResult<T> | Promise<PureResult<T>>, opts?: PartialOptions): Promise<T> => {
    checkPartialOptions(opts);
    const res = await r;
    if (res.error) throw res.error;
    if (res.errors && !opts?.allowErrors) {
      const items = (res.data as { items?: unknown[] } | undefined)?.items;
      throw partialError(res as PureResult<unknown>, res.errors, items?.length ?? 0, res.data);
    }
    return res.data as T;
  };

  const opsByPath = new Map<string, OperationInfo>();
  for (const op of table.operations) if (op.method === "get") opsByPath.set(op.path, op);

  async function* pages(
    path: string,
    init: { params?: { query?: Record<string, unknown> } } & CallOptions = {},
  ) {
    const op = opsByPath.get(path);
    if (!op?.pagination) {
      throw new PurekitError(
        "ERR_INVALID_ARGUMENT",
        `GET ${path} does not paginate in ${options.product} REST ${version}; call GET instead.`,
      );
    }
    checkPartialOptions(init);
    const baseQuery = { ...(init.params?.query ?? {}) };
    // One logical call: the same request id on every page (the caller's, if given).
    const headers = new Headers(init.headers);
    if (!headers.has("x-request-id")) headers.set("x-request-id", crypto.randomUUID());
    let token: string | undefined;
    let offset = typeof baseQuery.offset === "number" ? baseQuery.offset : 0;
    // A server that repeats or cycles tokens, or claims more items without letting us get
    // them, would otherwise be paged forever.
    const tokensSeen = new Set<string>();
    let lastPage: string | undefined;
    let pagesRead = 0;
    const endless = (why: string) =>
      new PurekitError(
        "ERR_BAD_RESPONSE",
        `GET ${path} cannot be paged to its end: ${why} (request id ${headers.get("x-request-id")}). The array or a proxy answers pages wrongly; ${pagesRead} pages were read.`,
      );
    const pending: PureErrorItem[] = [];
    let lastPartial: PureResult<unknown> | undefined;
    let seenItems = 0;
    for (;;) {
      const query: Record<string, unknown> = { ...baseQuery };
      if (token !== undefined) {
        query.continuation_token = token;
        delete query.offset;
      } else if (offset > 0) {
        query.offset = offset;
      }
      const result = await call("get", path, {
        params: { query },
        headers,
        ...(init.signal ? { signal: init.signal } : {}),
        ...(init.timeoutMs !== undefined ? { timeoutMs: init.timeoutMs } : {}),
        ...(init.context !== undefined ? { context: init.context } : {}),
      });
      if (result.error) throw result.error;
      if (result.errors) {
        if (init.onErrors) init.onErrors(result.errors, result.data);
        else if (!init.allowErrors) {
          pending.push(...result.errors);
          lastPartial = result;
        }
      }
      const page = result.data as {
        items?: unknown[];
        continuation_token?: string | null;
        more_items_remaining?: boolean;
        total_item_count?: number;
      };
      pagesRead++;
      const count = Array.isArray(page.items) ? page.items.length : 0;
      seenItems += count;
      yield page as never;
      // The token comes in the body, or in the x-next-token header.
      const next = op.pagination.token
        ? (page.continuation_token ?? result.response.headers.get("x-next-token") ?? undefined)
        : undefined;
      if (page.more_items_remaining === false || count === 0) break;
      if (next) {
        if (tokensSeen.has(next)) throw endless("it answered a continuation token it had already given");
        tokensSeen.add(next);
        token = next;
      } else if (op.pagination.offset) {
        if (
          page.more_items_remaining !== true &&
          (page.total_item_count === undefined || offset + count >= page.total_item_count)
        ) {
          break;
        }
        // An array that ignores `offset` answers the same page again: no progress.
        const fingerprint = `${count}:${JSON.stringify(page.items?.[0])}:${JSON.stringify(page.items?.at(-1))}`;
        if (fingerprint === lastPage) throw endless("the next offset answered the same items again");
        lastPage = fingerprint;
        token = undefined;
        offset += count;
      } else if (page.more_items_remaining === true) {
        throw endless("it says more_items_remaining: true but gives no continuation_token");
      } else {
        break;
      }
    }
    // After the last page, so every item that did come was yielded first.
    if (lastPartial && pending.length > 0) throw partialError(lastPartial, pending, seenItems, undefined);
  }

  async function* paginate(
    path: string,
    init?: { params?: { query?: Record<string, unknown> } } & CallOptions,
  ) {
    for await (const page of pages(path, init)) {
      for (const item of (page as { items?: unknown[] }).items ?? []) yield item as never;
    }
  }

  const close = async () => {
    if (closed) return;
    closed = true;
    try {
      await auth.close();
    } finally {
      await transport.close?.();
    }
  };

  const client: Record<string | symbol, unknown> = {
    product: options.product,
    version,
    origin,
    baseUrl: base,
    operations: table,
    GET: (p: string, i?: Record<string, unknown>) => call("get", p, i),
    POST: (p: string, i?: Record<string, unknown>) => call("post", p, i),
    PUT: (p: string, i?: Record<string, unknown>) => call("put", p, i),
    PATCH: (p: string, i?: Record<string, unknown>) => call("patch", p, i),
    DELETE: (p: string, i?: Record<string, unknown>) => call("delete", p, i),
    paginate,
    pages,
    unwrap,
    use: (middleware: Middleware) => {
      const checked = checkMiddleware(middleware, (m) => new PurekitError("ERR_INVALID_ARGUMENT", m));
      middlewares.push(checked);
      return () => {
        const i = middlewares.indexOf(checked);
        if (i >= 0) middlewares.splice(i, 1);
      };
    },
    close,
    [Symbol.asyncDispose]: close,
  };
  for (const op of table.operations) {
    // Arguments: [query] [body] [options], each present only where the operation has it.
    const hasQuery = op.query.length > 0;
    client[op.name] = (...args: unknown[]) => {
      const query = (hasQuery ? args.shift() : undefined) as Record<string, unknown> | undefined;
      const body = op.body ? args.shift() : undefined;
      const opts = args.shift() as CallOptions | undefined;
      return unwrap(
        call(op.method, op.path, {
          params: { query: query ?? {} },
          ...(body !== undefined ? { body } : {}),
          ...(opts?.headers ? { headers: opts.headers } : {}),
          ...(opts?.signal ? { signal: opts.signal } : {}),
          ...(opts?.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
          ...(opts?.context !== undefined ? { context: opts.context } : {}),
        }),
        opts,
      );
    };
  }
  return client as unknown as PureClient<Paths, Ops>;
}
