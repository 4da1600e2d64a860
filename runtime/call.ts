/**
 * One data call: a typed `GET`/`POST`/… through openapi-fetch and the pipeline, answered
 * as `{ data, error, errors, response }`, and `unwrap`, which throws what a result carries.
 * Pagination (`pagination.ts`) and friendly methods (`friendly.ts`) are built on it;
 * `client.ts` wires it to the pipeline; answers become errors in `answers.ts`.
 */
import type { FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import type { MediaType, PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";
import type { OperationTable } from "../spec/table.ts";
import {
  type PartialRequest,
  partialResultError,
  readFailure,
  sentRequestOf,
  toApiError,
} from "./answers.ts";
import type { PartialResultError, PureApiError, PureErrorItem } from "./errors.ts";
import { PurekitError } from "./errors.ts";
import type { WithContext } from "./fleet.ts";
import type { SendOptions } from "./http.ts";
import {
  type Downloaded,
  type IsDownload,
  prepareInit,
  type RelaxOperation,
  type RelaxPathItem,
} from "./media.ts";
import { checkPartialOptions, type PartialOptions, partialErrors } from "./partial.ts";
import { serializeQuery } from "./query.ts";
import { redactUrl, type SecretSet } from "./redact.ts";

/** The HTTP methods the tables name, as openapi-fetch's path items spell them. */
export type Lower = "get" | "put" | "post" | "delete" | "patch";

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

/** The success data of an operation; downloads (FB keytabs, logs) are files: a Blob, or what `parseAs` asks for. */
export type Data<Op, Init> =
  IsDownload<Op> extends true
    ? Downloaded<Init>
    : NonNullable<FetchResponse<Op & Record<string | number, unknown>, Init, MediaType>["data"]>;

/** One HTTP method of the client, typed by the version's paths. */
export type PureMethod<Paths extends {}, M extends Lower> = <
  P extends PathsWithMethod<Paths, M>,
  Init extends MaybeOptionalInit<RelaxPathItem<Paths[P], M>, M & keyof Paths[P]>,
>(
  path: P,
  ...init: InitParam<Init>
) => Promise<PureResult<Data<Paths[P][M & keyof Paths[P]], Init>>>;

/** The GET operation of a path item. */
export type GetOp<Paths, P extends keyof Paths> = Paths[P] extends { get: infer O } ? O : never;
/** The query parameters of an operation. */
export type QueryOf<Op> =
  RelaxOperation<Op> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

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

/** A data call by method and version-free path, its init as openapi-fetch takes it plus {@link CallOptions}. */
export type Call = (
  method: Lower,
  path: string,
  init?: Record<string, unknown>,
) => Promise<PureResult<unknown>>;

/** The data of a result, or its error thrown (a partial success too, unless `allowErrors`). */
export type Unwrap = <T>(
  result: PureResult<T> | Promise<PureResult<T>>,
  options?: PartialOptions,
) => Promise<T>;

/** The PartialResultError of a result that carried `errors[]` (`data` undefined: a whole listing). */
export type PartialError = (
  result: PureResult<unknown>,
  errors: PureErrorItem[],
  itemCount: number,
  data: unknown,
) => PartialResultError;

/**
 * A timeout option as given at run time: a positive number of milliseconds, or undefined.
 *
 * @example
 * ```ts
 * checkTimeout(options.timeoutMs, "timeoutMs") ?? 30_000;
 * ```
 */
export function checkTimeout(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || Number.isNaN(value) || value <= 0) {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `${name} must be a positive number of milliseconds (Infinity for none), got ${typeof value === "number" ? value : typeof value}.`,
    );
  }
  return value;
}

/** What a client's calls are made with. */
export interface CallSetup {
  /** openapi-fetch's client over the data fetch (its `GET`, `POST`…). */
  api: Record<Uppercase<Lower>, unknown>;
  /** The data fetch: the pipeline with the client's credentials, closed check, HTML check. */
  dataFetch: (request: Request, options?: SendOptions) => Promise<Response>;
  /** The send options of a data call (the client's auth). */
  withAuth: SendOptions;
  table: OperationTable;
  /** The client's base URL. */
  base: string;
  secrets: SecretSet;
  withContext: WithContext;
}

/**
 * A client's `call`, `unwrap` and the PartialResultError they and `pages` throw.
 *
 * @example
 * ```ts
 * const { call, unwrap } = createCall({ api, dataFetch, withAuth, table, base, secrets, withContext });
 * const volumes = await unwrap(call("get", "/volumes", { params: { query: { limit: 10 } } }));
 * ```
 */
export function createCall(setup: CallSetup): { call: Call; unwrap: Unwrap; partialError: PartialError } {
  const { api, dataFetch, withAuth, table, base, secrets, withContext } = setup;
  /** What partial answers were asked with, for their PartialResultError. */
  const partialRequests = new WeakMap<Response, PartialRequest>();

  const opsByKey = new Map(table.operations.map((op) => [`${op.method} ${op.path}`, op]));
  // Pure1's x-quoted parameters, per operation: their strings go out in single quotes.
  const quotedParams = new Map<string, ReadonlySet<string>>();
  for (const op of table.operations) {
    const names = op.query.filter((p) => p.quoted).map((p) => p.name);
    if (names.length) quotedParams.set(`${op.method} ${op.path}`, new Set(names));
  }

  const call: Call = async (method, path, init = {}) => {
    const quoted = quotedParams.get(`${method} ${path}`);
    const verb = method.toUpperCase() as Uppercase<Lower>;
    init = prepareInit(opsByKey.get(`${method} ${path}`), withContext(method, path, init), `${verb} ${path}`);
    const headers = new Headers(init.headers as HeadersInit | undefined);
    const requestId = headers.get("x-request-id") ?? crypto.randomUUID();
    headers.set("x-request-id", requestId);
    const callTimeout = checkTimeout(init.timeoutMs, "timeoutMs");
    let result: { data?: unknown; error?: unknown; response: Response };
    try {
      const fn = api[verb] as (p: string, i: unknown) => Promise<typeof result>;
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
      throw readFailure(e, verb, path, requestId, init.signal as AbortSignal | undefined);
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
    const sent = sentRequestOf(response);
    return {
      error: toApiError(
        verb,
        url,
        response,
        result.error,
        requestId,
        sent?.headers ?? headers,
        sent?.secrets ?? secrets,
      ),
      response,
    };
  };

  const partialError: PartialError = (res, errors, itemCount, data) =>
    partialResultError({
      response: res.response,
      sent: partialRequests.get(res.response),
      base,
      secrets,
      errors,
      itemCount,
      data,
    });

  const unwrap: Unwrap = async <T>(r: PureResult<T> | Promise<PureResult<T>>, opts?: PartialOptions) => {
    checkPartialOptions(opts);
    const res = await r;
    if (res.error) throw res.error;
    if (res.errors && !opts?.allowErrors) {
      const items = (res.data as { items?: unknown[] } | undefined)?.items;
      throw partialError(res as PureResult<unknown>, res.errors, items?.length ?? 0, res.data);
    }
    return res.data as T;
  };

  return { call, unwrap, partialError };
}
