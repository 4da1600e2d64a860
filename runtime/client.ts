/**
 * Composes a client, the same for all three products: the transport and the pipeline
 * (`http.ts`), version negotiation (`negotiate.ts`), the auth strategy, openapi-fetch over
 * version-free paths, then calls (`call.ts`), pagination (`pagination.ts`) and friendly
 * methods (`friendly.ts`) over the version's operation table. What differs per product
 * comes in as its profile (`profile.ts`).
 */
import createClient from "openapi-fetch";
import type { OperationTable, Product } from "../spec/table.ts";
import { htmlInsteadOfJson } from "./answers.ts";
import type { AuthContext, AuthStrategy } from "./auth/types.ts";
import { checkTimeout, createCall, type PureMethod, type PureResult } from "./call.ts";
import { PurekitError } from "./errors.ts";
import { fleetContext, type WithContext } from "./fleet.ts";
import { type FriendlyMethods, friendlyMethods } from "./friendly.ts";
import { normalizeBaseUrl } from "./host.ts";
import {
  CallRequest,
  createPipeline,
  DEFAULT_MAX_RESPONSE_BYTES,
  type Send,
  type SendOptions,
} from "./http.ts";
import { consoleLoggerFor, type Logger } from "./logger.ts";
import { checkMiddleware, createAttemptHook, type Middleware } from "./middleware.ts";
import { negotiateVersion } from "./negotiate.ts";
import {
  createPaging,
  type ItemsOf,
  type PageOf,
  type PaginatedPath,
  type PaginateInit,
} from "./pagination.ts";
import type { PartialOptions } from "./partial.ts";
import { getPlatform } from "./platform/index.ts";
import { profileOf } from "./profile.ts";
import { serializeQuery } from "./query.ts";
import { SecretSet } from "./redact.ts";
import type { RetryOptions } from "./retry.ts";
import { createTransportFetch, type ProxyOption, proxyFor, type TlsOptions } from "./transport/index.ts";
import { PUREKIT_VERSION } from "./version.ts";

// Kept importable from here, where they were before they got modules of their own.
export type { CallOptions, PureMethod, PureResult } from "./call.ts";
export type { FriendlyMethods } from "./friendly.ts";
export { normalizeBaseUrl, normalizeOrigin } from "./host.ts";
export { PUREKIT_VERSION };

/** Variables a platform's own fetch may read (Deno does): set, they call for an explicitly direct transport. */
const PROXY_VARIABLES = ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"];

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

/**
 * Builds a client. Product factories (`createFlashArrayClient`…) call this.
 *
 * @example
 * ```ts
 * const fa = await createPureClient({ product: "flasharray", host, knownVersions, loadTable, makeAuth });
 * ```
 */
export async function createPureClient<Paths extends {}, Ops>(
  options: CreateClientInternals,
): Promise<PureClient<Paths, Ops>> {
  const profile = profileOf(options.product);
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
    reauthStatus: profile.reauthStatus,
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

  /** Version, its table, and the auth strategy made with the client's context. */
  async function negotiate() {
    const { version, offered } = await negotiateVersion({
      profile,
      send,
      base,
      origin,
      known: options.knownVersions,
      pinned: options.version,
      secrets,
    });
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
        throw htmlInsteadOfJson(request, response);
      }
      return response;
    });
  };
  const api = createClient<Paths>({
    baseUrl: `${base}${table.prefix}`,
    // Requests built once, as the pipeline sends them (docs/decisions/018-client-hot-path.md).
    Request: CallRequest as unknown as typeof Request,
    fetch: (request: Request) => dataFetch(request),
    querySerializer: (q) => serializeQuery(q as Record<string, unknown>),
  });

  let withContext: WithContext;
  try {
    withContext = fleetContext(table, options.product, version, options.context);
  } catch (e) {
    await transport.close?.();
    throw e;
  }
  const { call, unwrap, partialError } = createCall({
    api,
    dataFetch,
    withAuth,
    table,
    base,
    secrets,
    withContext,
  });
  const { pages, paginate } = createPaging({ call, partialError, table, product: options.product, version });

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
  Object.assign(client, friendlyMethods(table, call, unwrap));
  return client as unknown as PureClient<Paths, Ops>;
}
