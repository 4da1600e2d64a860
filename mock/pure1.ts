/**
 * The Pure1 mock: `https://api.pure1.purestorage.com`, REST 1.x data paths, OAuth2
 * only (a JWT signed by a registered application, `iss` = application id), 403 for
 * missing, invalid or expired access tokens, and `X-RateLimit-*` headers on every
 * answer (429 past the limits).
 */

import { arrayErrorBody, pure1Unauthorized } from "./errors.ts";
import { createMockArray } from "./msw.ts";
import type { ProductProfile } from "./profile.ts";
import { pure1Generators, pure1Semantics } from "./semantics/pure1.ts";
import type { MockArray, Pure1MockOptions } from "./types.ts";

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

/**
 * A Pure1 REST API mock.
 *
 * @example
 * ```ts
 * import { createPure1Mock } from "purekit/mock";
 * import { SignJWT, generateKeyPair, exportSPKI } from "jose";
 *
 * const { publicKey, privateKey } = await generateKeyPair("RS256");
 * const pure1 = createPure1Mock({ apps: [{ appId: "pure1:apikey:test", publicKey }] });
 * const jwt = await new SignJWT({}).setProtectedHeader({ alg: "RS256", typ: "JWT" })
 *   .setIssuer("pure1:apikey:test").setIssuedAt().setExpirationTime("1h").sign(privateKey);
 * const res = await pure1.fetch(`${pure1.baseUrl}/oauth2/1.0/token`, {
 *   method: "POST",
 *   body: new URLSearchParams({
 *     grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
 *     subject_token: jwt,
 *     subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
 *   }),
 * });
 * const { access_token } = await res.json();
 * ```
 */
export function createPure1Mock(options: Pure1MockOptions = {}): MockArray {
  return createMockArray(pure1Profile, options);
}
