/**
 * The client all three products share: openapi-fetch for typed requests over
 * version-free paths, the pipeline for auth/retries/timeouts, the generated
 * operation table for friendly methods and pagination.
 */
import { type FetchResponse, type MaybeOptionalInit } from "openapi-fetch";
import type { MediaType, PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";
import type { OperationTable, Product } from "../spec/table.js";
import type { AuthContext, AuthStrategy } from "./auth/types.js";
import { PureApiError, type PureErrorItem } from "./errors.js";
import { type Logger } from "./logger.js";
import { type Middleware } from "./middleware.js";
import { type PartialOptions } from "./partial.js";
import { SecretSet } from "./redact.js";
import type { RetryOptions } from "./retry.js";
import { type ProxyOption, type TlsOptions } from "./transport/index.js";
import { PUREKIT_VERSION } from "./version.js";
export { PUREKIT_VERSION };
type Lower = "get" | "put" | "post" | "delete" | "patch";
/**
 * The `{ data, error }` result of a call; `error` is always a {@link PureApiError}.
 * `errors` is there when the call succeeded only in part (a 207, or any answer whose
 * `errors[]` is not empty beside its items): what failed, redacted.
 */
export type PureResult<T> = {
    data: T;
    error?: never;
    errors?: PureErrorItem[];
    response: Response;
} | {
    data?: never;
    error: PureApiError;
    errors?: never;
    response: Response;
};
type InitParam<Init> = RequiredKeysOf<Init> extends never ? [(Init & {
    [key: string]: unknown;
})?] : [Init & {
    [key: string]: unknown;
}];
type Data<Op, Init> = NonNullable<FetchResponse<Op & Record<string | number, unknown>, Init, MediaType>["data"]>;
/** One HTTP method of the client, typed by the version's paths. */
export type PureMethod<Paths extends {}, M extends Lower> = <P extends PathsWithMethod<Paths, M>, Init extends MaybeOptionalInit<Paths[P], M & keyof Paths[P]>>(path: P, ...init: InitParam<Init>) => Promise<PureResult<Data<Paths[P][M & keyof Paths[P]], Init>>>;
type GetOp<Paths, P extends keyof Paths> = Paths[P] extends {
    get: infer O;
} ? O : never;
type ItemsOf<D> = D extends {
    items?: (infer I)[];
} ? I : never;
type PageOf<Paths extends {}, P extends keyof Paths> = Data<GetOp<Paths, P>, unknown>;
type QueryOf<Op> = Op extends {
    parameters: {
        query?: infer Q;
    };
} ? NonNullable<Q> : never;
type BodyOf<Op> = Op extends {
    requestBody?: infer R;
} ? [NonNullable<R>] extends [never] ? never : NonNullable<R> extends {
    content: {
        "application/json": infer B;
    };
} ? B : never : never;
/** Per-call options of friendly methods, `paginate` and `pages`. */
export interface CallOptions extends PartialOptions {
    signal?: AbortSignal;
    headers?: Record<string, string>;
    /** This call's per-attempt timeout instead of the client's `timeoutMs`. */
    timeoutMs?: number;
}
type QueryArg<Q> = [Q] extends [never] ? [] : RequiredKeysOf<Q> extends never ? [query?: Q] : [query: Q];
type FriendlyFn<Op> = [BodyOf<Op>] extends [never] ? (...args: [...QueryArg<QueryOf<Op>>, options?: CallOptions]) => Promise<Data<Op, unknown>> : [QueryOf<Op>] extends [never] ? (body: BodyOf<Op>, options?: CallOptions) => Promise<Data<Op, unknown>> : (query: QueryOf<Op>, body: BodyOf<Op>, options?: CallOptions) => Promise<Data<Op, unknown>>;
/** `getVolumes(query)`, `postVolumes(query, body)`…: one method per operation, throwing on errors. */
export type FriendlyMethods<Paths, Ops> = {
    [N in keyof Ops]: Ops[N] extends {
        path: infer P extends keyof Paths;
    } ? Ops[N] extends {
        method: infer M extends keyof Paths[P];
    } ? FriendlyFn<Paths[P][M]> : never : never;
};
type PaginatedPath<Paths extends {}> = PathsWithMethod<Paths, "get">;
type PaginateInit<Paths extends {}, P extends keyof Paths> = {
    params?: {
        query?: QueryOf<GetOp<Paths, P>>;
    };
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
    paginate<P extends PaginatedPath<Paths>>(path: P, init?: PaginateInit<Paths, P>): AsyncGenerator<ItemsOf<PageOf<Paths, P>>, void, undefined>;
    /** Whole pages (with `total_item_count` when asked for), one request each. */
    pages<P extends PaginatedPath<Paths>>(path: P, init?: PaginateInit<Paths, P>): AsyncGenerator<PageOf<Paths, P>, void, undefined>;
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
export declare function normalizeBaseUrl(host: string): string;
/** The origin part of {@link normalizeBaseUrl}. */
export declare function normalizeOrigin(host: string): string;
/** Turns an error answer into a PureApiError whose message a person can act on. */
export declare function toApiError(method: string, requestUrl: string, response: Response, body: unknown, requestId: string, sent: Headers | Record<string, string>, secrets: SecretSet): PureApiError;
/**
 * Builds a client. Product factories (`createFlashArrayClient`…) call this.
 */
export declare function createPureClient<Paths extends {}, Ops>(options: CreateClientInternals): Promise<PureClient<Paths, Ops>>;
//# sourceMappingURL=client.d.ts.map