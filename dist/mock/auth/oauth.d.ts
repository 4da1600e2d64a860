/**
 * `POST /oauth2/1.0/token`: the OAuth2 token exchange (RFC 8693) that turns a
 * signed JWT into an access token. Verification uses jose with the registered
 * public key and checks everything a real array checks: the algorithm (RS256
 * only, so `alg: none` and HMAC forgeries fail), the key id, the signature, `aud`
 * (client id), `iss`, `sub` (an existing user), `iat`/`exp`, and whether the client
 * is enabled. Pure1 identifies the application by `iss` instead of `kid`.
 *
 * Error bodies carry both the spec's OAuth2 shape (`error`, `error_description`,
 * declared by `OauthToken400`/`OauthToken401`) and the arrays' `errors[]` shape, so
 * clients reading either find the reason.
 */
import { type CryptoKey as JoseKey } from "jose";
import { MockHttpError } from "../http.js";
import type { MockApiClient, MockPure1App } from "../types.js";
import type { AccessToken, Credentials } from "./credentials.js";
/** A token-exchange failure in both error shapes. */
export declare function oauthError(status: 400 | 401, error: string, description: string, context?: string): MockHttpError;
/** Imports a public key given as SPKI PEM, an X.509 certificate PEM, or a CryptoKey. */
export declare function publicKeyOf(key: string | CryptoKey): Promise<JoseKey | CryptoKey>;
/** Checks the form body (`text`, read by the caller within its size limit) and the fixed fields of a token exchange. */
export declare function readExchange(request: Request, text: string): string;
/** FA/FB: verifies an API client's JWT and issues an access token for its `sub`. */
export declare function exchangeArrayJwt(jwt: string, clients: readonly MockApiClient[], credentials: Credentials, defaultTtlMs: number, now: number): Promise<AccessToken>;
/** Pure1: verifies an application's JWT (`iss` = application id) and issues an access token. */
export declare function exchangePure1Jwt(jwt: string, apps: readonly MockPure1App[], credentials: Credentials, ttlMs: number, now: number): Promise<AccessToken>;
/** The token endpoint's answer. */
export declare function tokenAnswer(token: AccessToken, now: number): Record<string, unknown>;
//# sourceMappingURL=oauth.d.ts.map