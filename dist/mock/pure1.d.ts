import type { ProductProfile } from "./profile.js";
import type { MockArray, Pure1MockOptions } from "./types.js";
export declare const pure1Profile: ProductProfile;
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
export declare function createPure1Mock(options?: Pure1MockOptions): MockArray;
//# sourceMappingURL=pure1.d.ts.map