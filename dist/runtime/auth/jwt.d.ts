/**
 * Signing the JWTs the arrays and Pure1 exchange for access tokens (RS256,
 * jose). Lifetimes are short and tokens re-signed on demand: the official
 * Python SDK's ten-year JWTs are a standing credential if they leak.
 */
import type { CryptoKey } from "../crypto-key.js";
/** A private key given inline (PEM text, or DER/PKCS#12 bytes) or as a file path. */
export interface PrivateKeySource {
    privateKey?: string | Uint8Array | CryptoKey;
    privateKeyFile?: string;
    privateKeyPassword?: string;
}
/** Loads the signing key once; errors name the file, never the key or password. */
export declare function loadSigningKey(source: PrivateKeySource): Promise<CryptoKey>;
export interface ArrayJwtClaims {
    clientId: string;
    keyId: string;
    issuer: string;
    username: string;
}
/**
 * The ID token for a FlashArray/FlashBlade API client: header `kid`; claims
 * `aud` (client id), `sub` (array user), `iss`, `iat`, `exp`.
 *
 * @example
 * ```ts
 * const jwt = await signArrayJwt(key, { clientId, keyId, issuer, username: "pureuser" }, { lifetimeSeconds: 300 });
 * ```
 */
export declare function signArrayJwt(key: CryptoKey, claims: ArrayJwtClaims, options?: {
    lifetimeSeconds?: number;
    now?: number;
}): Promise<string>;
/**
 * The ID token for a Pure1 application: header without `kid`; claims `iss`
 * (application id), `iat`, `exp`.
 *
 * @example
 * ```ts
 * const jwt = await signPure1Jwt(key, "pure1:apikey:iRT5OwhslZVLWNGG", { lifetimeSeconds: 3600 });
 * ```
 */
export declare function signPure1Jwt(key: CryptoKey, appId: string, options?: {
    lifetimeSeconds?: number;
    now?: number;
}): Promise<string>;
/** `exp` of a JWT in ms, or undefined; a malformed token is a typed error that does not echo it. */
export declare function jwtExpiryMs(token: string, label?: string): number | undefined;
//# sourceMappingURL=jwt.d.ts.map