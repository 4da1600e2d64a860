/**
 * The Pure1 mock: `https://api.pure1.purestorage.com`, REST 1.x data paths, OAuth2
 * only (a JWT signed by a registered application, `iss` = application id), 403 for
 * missing, invalid or expired access tokens, and `X-RateLimit-*` headers on every
 * answer (429 past the limits).
 */

import { arrayErrorBody, pure1Unauthorized } from "./errors.ts";
import type { ProductProfile } from "./profile.ts";
import { pure1Generators, pure1Semantics } from "./semantics/pure1.ts";

export const pure1Profile: ProductProfile = {
  product: "pure1",
  defaultBaseUrl: "https://api.pure1.purestorage.com",
  apiVersionKey: null,
  legacyVersions: [],
  login: null,
  loginBody: () => ({}),
  unauthorized: pure1Unauthorized,
  // Pure1 too declares `errors[]` for most failures and `{message}` (ErrorNoContext) for 403/429.
  errorBody: arrayErrorBody,
  defaultAccessTokenTtlMs: 36_000_000,
  aliases: new Map(),
  storageRoots: new Set(),
  semantics: pure1Semantics,
  generators: pure1Generators,
  recorded: null,
  fallbackSeed: { arrays: 6, volumes: 60, metrics: 1 },
};
