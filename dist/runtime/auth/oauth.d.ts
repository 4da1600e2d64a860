/**
 * OAuth2 for FA/FB API clients and Pure1 applications: sign a short-lived
 * JWT, exchange it for an access token, send `Authorization: Bearer`.
 * Also: a pre-generated ID token (exchanged until it expires) and a plain
 * access token.
 */
import { type PrivateKeySource } from "./jwt.js";
import type { AuthContext, AuthStrategy } from "./types.js";
export interface ApiClientAuthOptions extends PrivateKeySource {
    clientId: string;
    keyId: string;
    issuer: string;
    /** The array user the access token acts as (`sub`). */
    username: string;
}
export interface Pure1AppAuthOptions extends PrivateKeySource {
    appId: string;
}
/**
 * FA/FB API client: RS256 JWT (header `kid`; `aud`, `sub`, `iss`, `iat`, `exp`) exchanged for an access token.
 *
 * @example
 * ```ts
 * createApiClientAuth({ clientId, keyId, issuer, username: "pureuser", privateKeyFile: "private.pem" }, ctx);
 * ```
 */
export declare function createApiClientAuth(options: ApiClientAuthOptions, ctx: AuthContext): AuthStrategy;
/**
 * Pure1 application: RS256 JWT (no `kid`; `iss` = application id, `iat`, `exp`) exchanged for an access token.
 *
 * @example
 * ```ts
 * createPure1AppAuth({ appId: "pure1:apikey:…", privateKeyFile: "private.pem" }, ctx);
 * ```
 */
export declare function createPure1AppAuth(options: Pure1AppAuthOptions, ctx: AuthContext): AuthStrategy;
/**
 * A pre-generated ID token (JWT): exchanged again whenever needed, until it expires.
 *
 * @example
 * ```ts
 * createIdTokenAuth({ idToken: process.env.PURE1_ID_TOKEN! }, ctx);
 * ```
 */
export declare function createIdTokenAuth(options: {
    idToken: string;
}, ctx: AuthContext): AuthStrategy;
/**
 * An access token used as it is. Nothing can renew it: when the server
 * refuses it, the call fails with the server's 401/403.
 */
export declare function createAccessTokenAuth(options: {
    accessToken: string;
}, ctx: AuthContext): AuthStrategy;
//# sourceMappingURL=oauth.d.ts.map