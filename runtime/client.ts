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
  createPipeline,
  DEFAULT_MAX_RESPONSE_BYTES,
  readText,
  type Send,
  type SendOptions,
  sentHeaders,
  sentSecrets,
} from "./http.ts";
import { consoleLogger, type Logger } from "./logger.ts";
import { serializeQuery } from "./query.ts";
import { redactHeaders, redactUrl, redactValue, SecretSet } from "./redact.ts";
import type { RetryOptions } from "./retry.ts";
import { createTransportFetch, type TlsOptions } from "./transport/index.ts";
import { PUREKIT_VERSION } from "./version.ts";
import { chooseVersion, listedVersions } from "./versions.ts";

export { PUREKIT_VERSION };

type Lower = "get" | "put" | "post" | "delete" | "patch";

/** The `{ data, error }` result of a call; `error` is always a {@link PureApiError}. */
export type PureResult<T> =
  | { data: T; error?: never; response: Response }
  | { data?: never; error: PureApiError; response: Response };

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
export interface CallOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
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
  /** The data of a result, or its error thrown. */
  unwrap<T>(result: PureResult<T> | Promise<PureResult<T>>): Promise<T>;
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
  /** A fetch to send with (a mock's, an instrumented one). Never the patched global by surprise. */
  fetch?: typeof fetch;
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
}

export interface CreateClientInternals extends BaseClientOptions {
  product: Product;
  host: string;
  version?: string | undefined;
  knownVersions: readonly string[];
  loadTable: (version: string) => Promise<OperationTable>;
  makeAuth: (ctx: AuthContext) => AuthStrategy | Promise<AuthStrategy>;
}

/** `host`, `host:port` or a URL → origin; HTTPS unless the URL says otherwise. */
export function normalizeOrigin(host: string): string {
  const trimmed = host.trim();
  if (!trimmed)
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      "host is empty: give a host name, host:port, or https:// URL.",
    );
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(url.protocol);
    return url.origin;
  } catch {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `host "${trimmed}" is not a host name, host:port, or http(s) URL.`,
    );
  }
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
  const origin = normalizeOrigin(options.host);
  const logger = options.logger ?? consoleLogger;
  const secrets = new SecretSet();
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!(Number.isSafeInteger(maxResponseBytes) && maxResponseBytes > 0)) {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `maxResponseBytes must be a positive whole number of bytes, got ${String(maxResponseBytes)}.`,
    );
  }
  const transport = await createTransportFetch({
    tls: options.tls,
    fetch: options.fetch,
    // Called once, when the transport is made: the client warns once.
    onInsecure: (m) => logger.warn?.(m),
  });
  const send: Send = createPipeline({
    maxResponseBytes,
    fetch: (r) => transport(r),
    userAgent: `${options.userAgent ? `${options.userAgent} ` : ""}purekit/${PUREKIT_VERSION}`,
    timeoutMs: options.timeoutMs ?? 30_000,
    deadlineMs: options.deadlineMs,
    retry: options.retry,
    logger,
    secrets,
    reauthStatus: options.product === "pure1" ? 403 : 401,
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
      const res = await send(new Request(`${origin}/api/api_version`));
      const text = await readText(res, `GET ${origin}/api/api_version`);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      if (!res.ok || typeof body !== "object" || body === null) {
        throw toApiError("GET", `${origin}/api/api_version`, res, body, "-", new Headers(), secrets);
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
      origin,
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
  const api = createClient<Paths>({
    baseUrl: `${origin}${table.prefix}`,
    fetch: (request: Request) => {
      if (closed) {
        return Promise.reject(
          new PurekitError("ERR_CLOSED", `This ${options.product} client was closed; create a new one.`),
        );
      }
      return send(request, withAuth).then((response) => {
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
    },
    querySerializer: (q) => serializeQuery(q as Record<string, unknown>),
  });

  const call = async (
    method: Lower,
    path: string,
    init: Record<string, unknown> = {},
  ): Promise<PureResult<unknown>> => {
    const verb = method.toUpperCase() as Uppercase<Lower>;
    const headers = new Headers(init.headers as HeadersInit | undefined);
    const requestId = headers.get("x-request-id") ?? crypto.randomUUID();
    headers.set("x-request-id", requestId);
    let result: { data?: unknown; error?: unknown; response: Response };
    try {
      const fn = api[verb] as unknown as (p: string, i: unknown) => Promise<typeof result>;
      result = await fn(path, { ...init, headers });
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
      if (e instanceof PurekitError) throw e;
      // The connection broke while the body streamed in (undici: TypeError "terminated").
      throw new PurekitError(
        "ERR_NETWORK",
        `${verb} ${path}: the connection broke while the answer was read (request id ${requestId}); try again.`,
        { cause: e },
      );
    }
    const { response } = result;
    if (response.ok) return { data: result.data, response };
    const query = serializeQuery((init.params as { query?: Record<string, unknown> } | undefined)?.query);
    const url = `${origin}${table.prefix}${path}${query ? `?${query}` : ""}`;
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

  const unwrap = async <T>(r: PureResult<T> | Promise<PureResult<T>>): Promise<T> => {
    const res = await r;
    if (res.error) throw res.error;
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
      });
      const page = (await unwrap(result)) as {
        items?: unknown[];
        continuation_token?: string | null;
        more_items_remaining?: boolean;
        total_item_count?: number;
      };
      pagesRead++;
      yield page as never;
      const count = Array.isArray(page.items) ? page.items.length : 0;
      // The token comes in the body, or in the x-next-token header.
      const next = op.pagination.token
        ? (page.continuation_token ?? result.response.headers.get("x-next-token") ?? undefined)
        : undefined;
      if (page.more_items_remaining === false || count === 0) return;
      if (next) {
        if (tokensSeen.has(next)) throw endless("it answered a continuation token it had already given");
        tokensSeen.add(next);
        token = next;
      } else if (op.pagination.offset) {
        if (
          page.more_items_remaining !== true &&
          (page.total_item_count === undefined || offset + count >= page.total_item_count)
        ) {
          return;
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
        return;
      }
    }
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
    operations: table,
    GET: (p: string, i?: Record<string, unknown>) => call("get", p, i),
    POST: (p: string, i?: Record<string, unknown>) => call("post", p, i),
    PUT: (p: string, i?: Record<string, unknown>) => call("put", p, i),
    PATCH: (p: string, i?: Record<string, unknown>) => call("patch", p, i),
    DELETE: (p: string, i?: Record<string, unknown>) => call("delete", p, i),
    paginate,
    pages,
    unwrap,
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
        }),
      );
    };
  }
  return client as unknown as PureClient<Paths, Ops>;
}
