export { loadSigningKey, signArrayJwt, signPure1Jwt } from "./auth/jwt.js";
export { PUREKIT_VERSION } from "./client.js";
export { PureApiError, PurekitError } from "./errors.js";
export * from "./filter.js";
export { importPrivateKey } from "./keys/index.js";
//# sourceMappingURL=index.js.map
