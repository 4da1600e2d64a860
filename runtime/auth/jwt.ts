/**
 * Signing the JWTs the arrays and Pure1 exchange for access tokens (RS256,
 * jose). Lifetimes are short and tokens re-signed on demand: the official
 * Python SDK's ten-year JWTs are a standing credential if they leak.
 */

import { decodeJwt, SignJWT } from "jose";
import type { CryptoKey } from "../crypto-key.ts";
import { PurekitError } from "../errors.ts";
import { importPrivateKey, readKeyFile } from "../keys/index.ts";
import { checkRsaKeySize } from "../keys/private-key.ts";

/** A private key given inline (PEM text, or DER/PKCS#12 bytes) or as a file path. */
export interface PrivateKeySource {
  privateKey?: string | Uint8Array | CryptoKey;
  privateKeyFile?: string;
  privateKeyPassword?: string;
}

/** Loads the signing key once; errors name the file, never the key or password. */
export async function loadSigningKey(source: PrivateKeySource): Promise<CryptoKey> {
  if (source.privateKey && typeof source.privateKey === "object" && "algorithm" in source.privateKey) {
    return checkRsaKeySize(source.privateKey, "The private key (a CryptoKey)");
  }
  let input = source.privateKey as string | Uint8Array | undefined;
  let label = "the private key";
  if (input === undefined && source.privateKeyFile) {
    label = source.privateKeyFile;
    input = await readKeyFile(source.privateKeyFile);
  }
  if (input === undefined) {
    throw new PurekitError(
      "ERR_AUTH_CONFIG",
      "No private key: give privateKey (PEM) or privateKeyFile (a path).",
    );
  }
  return importPrivateKey(input, {
    ...(source.privateKeyPassword !== undefined ? { password: source.privateKeyPassword } : {}),
    source: label,
  });
}

export interface ArrayJwtClaims {
  clientId: string;
  keyId: string;
  issuer: string;
  username: string;
}

/** Seconds since the epoch, as JWT wants (the spec's prose says ms; the arrays and vendor tools use seconds). */
const seconds = (ms: number) => Math.floor(ms / 1000);

/**
 * The ID token for a FlashArray/FlashBlade API client: header `kid`; claims
 * `aud` (client id), `sub` (array user), `iss`, `iat`, `exp`.
 *
 * @example
 * ```ts
 * const jwt = await signArrayJwt(key, { clientId, keyId, issuer, username: "pureuser" }, { lifetimeSeconds: 300 });
 * ```
 */
export function signArrayJwt(
  key: CryptoKey,
  claims: ArrayJwtClaims,
  options: { lifetimeSeconds?: number; now?: number } = {},
): Promise<string> {
  const iat = seconds(options.now ?? Date.now());
  return new SignJWT({})
    .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: claims.keyId })
    .setAudience(claims.clientId)
    .setSubject(claims.username)
    .setIssuer(claims.issuer)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.lifetimeSeconds ?? 300))
    .sign(key);
}

/**
 * The ID token for a Pure1 application: header without `kid`; claims `iss`
 * (application id), `iat`, `exp`.
 *
 * @example
 * ```ts
 * const jwt = await signPure1Jwt(key, "pure1:apikey:iRT5OwhslZVLWNGG", { lifetimeSeconds: 3600 });
 * ```
 */
export function signPure1Jwt(
  key: CryptoKey,
  appId: string,
  options: { lifetimeSeconds?: number; now?: number } = {},
): Promise<string> {
  const iat = seconds(options.now ?? Date.now());
  return new SignJWT({})
    .setProtectedHeader({ alg: "RS256", typ: "JWT" })
    .setIssuer(appId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.lifetimeSeconds ?? 300))
    .sign(key);
}

/** `exp` of a JWT in ms, or undefined; a malformed token is a typed error that does not echo it. */
export function jwtExpiryMs(token: string, label = "the ID token"): number | undefined {
  try {
    const { exp } = decodeJwt(token);
    return typeof exp === "number" ? exp * 1000 : undefined;
  } catch (cause) {
    throw new PurekitError(
      "ERR_AUTH_CONFIG",
      `${label} is not a well-formed JWT (three base64url parts, header.claims.signature). Check you copied all of it.`,
      { cause },
    );
  }
}
