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
export { loadSigningKey, signArrayJwt, signPure1Jwt } from "./auth/jwt.js";
export { PUREKIT_VERSION, } from "./client.js";
export { PureApiError, PurekitError, } from "./errors.js";
export * from "./filter.js";
export { importPrivateKey } from "./keys/index.js";
export { PartialResultError } from "./partial.js";
export { PURE1_MAX_POINTS, splitTimeWindow, } from "./timeseries.js";
//# sourceMappingURL=index.js.map