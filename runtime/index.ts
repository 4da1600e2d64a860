/**
 * purekit: typed clients for Pure Storage FlashArray, FlashBlade and Pure1.
 *
 * @example
 * ```ts
 * import { createFlashArrayClient } from "purekit";
 * const fa = await createFlashArrayClient({ host: "array.example.com", auth: { apiToken: "…" } });
 * const { data, error } = await fa.GET("/volumes", { params: { query: { names: ["v1"] } } });
 * await fa.close();
 * ```
 */
export type { ArrayAuth, AuthContext, AuthStrategy, Credentials, Pure1Auth } from "./auth/index.ts";
export { loadSigningKey, signArrayJwt, signPure1Jwt } from "./auth/jwt.ts";
export {
  type BaseClientOptions,
  type CallOptions,
  type FriendlyMethods,
  PUREKIT_VERSION,
  type PureClient,
  type PureClientCore,
  type PureMethod,
  type PureResult,
} from "./client.ts";
export {
  PureApiError,
  type PureErrorItem,
  PurekitError,
  type PurekitErrorCode,
  type RedactedRequest,
} from "./errors.ts";
export * from "./filter.ts";
export { importPrivateKey } from "./keys/index.ts";
export type { Logger } from "./logger.ts";
export {
  type ArrayClientOptions,
  createFlashArrayClient,
  createFlashBladeClient,
  createPure1Client,
  type FlashArrayClient,
  type FlashBladeClient,
  type Pure1Client,
  type Pure1ClientOptions,
} from "./products.ts";
export type { RetryOptions } from "./retry.ts";
export {
  PURE1_MAX_POINTS,
  type SplitTimeWindowOptions,
  splitTimeWindow,
  type TimeWindow,
} from "./timeseries.ts";
export type { TlsOptions } from "./transport/index.ts";
