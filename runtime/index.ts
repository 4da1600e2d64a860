/**
 * purekit: what every product shares — errors, filters, keys, auth and client types.
 * The clients live in their product's entry (`purekit/flasharray`, `purekit/flashblade`,
 * `purekit/pure1`), so an app type-checks only the product it uses.
 *
 * @example
 * ```ts
 * import { f, PureApiError } from "purekit";
 * import { createFlashArrayClient } from "purekit/flasharray";
 * const fa = await createFlashArrayClient({ host: "array.example.com", auth: { apiToken: "…" } });
 * const { data, error } = await fa.GET("/volumes", { params: { query: { filter: f.gte("provisioned", 2 ** 40) } } });
 * await fa.close();
 * ```
 */

export type { GeneratedProduct, OperationInfo, OperationTable, Product } from "../spec/table.ts";
export type { ArrayAuth, AuthContext, AuthStrategy, Credentials, Pure1Auth } from "./auth/index.ts";
export { loadSigningKey, signArrayJwt, signPure1Jwt } from "./auth/jwt.ts";
export type { CallOptions, PureMethod, PureResult } from "./call.ts";
export { type BaseClientOptions, PUREKIT_VERSION, type PureClient, type PureClientCore } from "./client.ts";
export {
  PartialResultError,
  PureApiError,
  type PureErrorItem,
  PurekitError,
  type PurekitErrorCode,
  type RedactedRequest,
} from "./errors.ts";
export * from "./filter.ts";
export type { FriendlyMethods } from "./friendly.ts";
export { importPrivateKey } from "./keys/index.ts";
export type { Logger } from "./logger.ts";
export type { Downloaded, FilterParam, FormFieldValue, UploadBody } from "./media.ts";
export type { Middleware, MiddlewareParams, RequestLogRecord } from "./middleware.ts";
export type { PartialOptions } from "./partial.ts";
export type { ArrayClientOptions, Pure1ClientOptions, WithGenerated } from "./products.ts";
export type { RetryOptions } from "./retry.ts";
export {
  PURE1_MAX_POINTS,
  type SplitTimeWindowOptions,
  splitTimeWindow,
  type TimeWindow,
} from "./timeseries.ts";
export type { TlsOptions } from "./transport/index.ts";
