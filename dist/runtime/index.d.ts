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
 * const { data, error } = await fa.GET("/volumes", { params: { query: { filter: String(f.gte("provisioned", 2 ** 40)) } } });
 * await fa.close();
 * ```
 */
export type { GeneratedProduct, OperationInfo, OperationTable, Product } from "../spec/table.js";
export type { ArrayAuth, AuthContext, AuthStrategy, Credentials, Pure1Auth } from "./auth/index.js";
export { loadSigningKey, signArrayJwt, signPure1Jwt } from "./auth/jwt.js";
export { type BaseClientOptions, type CallOptions, type FriendlyMethods, PUREKIT_VERSION, type PureClient, type PureClientCore, type PureMethod, type PureResult, } from "./client.js";
export { PureApiError, type PureErrorItem, PurekitError, type PurekitErrorCode, type RedactedRequest, } from "./errors.js";
export * from "./filter.js";
export { importPrivateKey } from "./keys/index.js";
export type { Logger } from "./logger.js";
export type { Middleware, MiddlewareParams, RequestLogRecord } from "./middleware.js";
export { type PartialOptions, PartialResultError } from "./partial.js";
export type { ArrayClientOptions, Pure1ClientOptions, WithGenerated } from "./products.js";
export type { RetryOptions } from "./retry.js";
export { PURE1_MAX_POINTS, type SplitTimeWindowOptions, splitTimeWindow, type TimeWindow, } from "./timeseries.js";
export type { TlsOptions } from "./transport/index.js";
//# sourceMappingURL=index.d.ts.map