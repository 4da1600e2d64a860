/**
 * OAuth2 for FA/FB API clients and Pure1 applications: sign a short-lived
 * JWT, exchange it for an access token, send `Authorization: Bearer`.
 * Also: a pre-generated ID token (exchanged until it expires) and a plain
 * access token.
 */

import type { CryptoKey } from "../crypto-key.ts";
import { PurekitError } from "../errors.ts";
import { profileOf } from "../profile.ts";
import { type Acquired, CredentialCache } from "./cache.ts";
import { type ExchangedToken, exchangeToken, signedExchange } from "./exchange.ts";
import { jwtExpiryMs, loadSigningKey, type PrivateKeySource, signArrayJwt, signPure1Jwt } from "./jwt.ts";
import type { AuthContext, AuthStrategy } from "./types.ts";

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

/** JWTs live 5 minutes: they only need to survive the exchange. */
const JWT_LIFETIME_S = 300;

function bearer(cache: CredentialCache<string>, kind: string, renewable = true): AuthStrategy {
  return {
    kind,
    renewable,
    async credentials() {
      const { value, generation } = await cache.get();
      return { headers: { authorization: `Bearer ${value}` }, generation };
    },
    invalidate: (generation) => cache.invalidate(generation),
    async close() {
      cache.clear();
    },
  };
}

/** An exchanged access token as the cache holds it. */
function acquired(got: ExchangedToken): Acquired<string> {
  return { value: got.accessToken, expiresAt: got.expiresAt };
}

/** Bearer auth whose JWTs `signWith` signs with the private key of `options` (loaded once, when first needed). */
function signingKeyAuth(
  options: PrivateKeySource,
  ctx: AuthContext,
  kind: string,
  hint: string,
  signWith: (key: CryptoKey, now: number) => Promise<string>,
): AuthStrategy {
  ctx.secrets.add(options.privateKeyPassword);
  let key: Promise<CryptoKey> | undefined;
  const exchange = signedExchange(
    ctx,
    async (now) => {
      key ??= loadSigningKey(options);
      return signWith(await key, now);
    },
    hint,
  );
  return bearer(new CredentialCache(async () => acquired(await exchange()), ctx.now), kind);
}

/**
 * FA/FB API client: RS256 JWT (header `kid`; `aud`, `sub`, `iss`, `iat`, `exp`) exchanged for an access token.
 *
 * @example
 * ```ts
 * createApiClientAuth({ clientId, keyId, issuer, username: "pureuser", privateKeyFile: "private.pem" }, ctx);
 * ```
 */
export function createApiClientAuth(options: ApiClientAuthOptions, ctx: AuthContext): AuthStrategy {
  return signingKeyAuth(
    options,
    ctx,
    "api-client",
    `Check that API client ${options.clientId} is enabled on the array, that key id, issuer and public key match, and that user "${options.username}" exists.`,
    (key, now) => signArrayJwt(key, options, { lifetimeSeconds: JWT_LIFETIME_S, now }),
  );
}

/**
 * Pure1 application: RS256 JWT (no `kid`; `iss` = application id, `iat`, `exp`) exchanged for an access token.
 *
 * @example
 * ```ts
 * createPure1AppAuth({ appId: "pure1:apikey:…", privateKeyFile: "private.pem" }, ctx);
 * ```
 */
export function createPure1AppAuth(options: Pure1AppAuthOptions, ctx: AuthContext): AuthStrategy {
  return signingKeyAuth(
    options,
    ctx,
    "pure1-app",
    `Check that application ${options.appId} is registered in Pure1 with the public key of this private key.`,
    (key, now) => signPure1Jwt(key, options.appId, { lifetimeSeconds: JWT_LIFETIME_S, now }),
  );
}

/**
 * A pre-generated ID token (JWT): exchanged again whenever needed, until it expires.
 *
 * @example
 * ```ts
 * createIdTokenAuth({ idToken: process.env.PURE1_ID_TOKEN! }, ctx);
 * ```
 */
export function createIdTokenAuth(options: { idToken: string }, ctx: AuthContext): AuthStrategy {
  ctx.secrets.add(options.idToken);
  const exp = jwtExpiryMs(options.idToken);
  const renew = profileOf(ctx.product).renewIdToken;
  const cache = new CredentialCache(async () => {
    if (exp !== undefined && ctx.now() >= exp) {
      throw new PurekitError(
        "ERR_AUTH_TOKEN_EXPIRED",
        `The ID token expired at ${new Date(exp).toISOString()}, so it can no longer be exchanged for an access token: ${renew}.`,
      );
    }
    return acquired(await exchangeToken(ctx, options.idToken, `The ID token was not accepted; ${renew}.`));
  }, ctx.now);
  return bearer(cache, "id-token");
}

/**
 * An access token used as it is. Nothing can renew it: when the server
 * refuses it, the call fails with the server's 401/403.
 */
export function createAccessTokenAuth(options: { accessToken: string }, ctx: AuthContext): AuthStrategy {
  ctx.secrets.add(options.accessToken);
  const cache = new CredentialCache(async () => ({ value: options.accessToken }), ctx.now);
  return bearer(cache, "access-token", false);
}
