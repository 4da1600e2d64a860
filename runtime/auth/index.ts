/**
 * Which strategy an `auth` option means. Each is a small factory; a custom
 * one can be passed as `{ strategy }`.
 */
import { PurekitError } from "../errors.ts";
import { getPlatform } from "../platform/index.ts";
import { type AuthEnvironment, profileOf } from "../profile.ts";
import {
  type ApiClientAuthOptions,
  createAccessTokenAuth,
  createApiClientAuth,
  createIdTokenAuth,
  createPure1AppAuth,
  type Pure1AppAuthOptions,
} from "./oauth.ts";
import { createSessionAuth } from "./session.ts";
import type { AuthContext, AuthStrategy } from "./types.ts";

export type { AuthContext, AuthStrategy, Credentials } from "./types.ts";
export type { ApiClientAuthOptions, Pure1AppAuthOptions };

/** A custom strategy, built with the client's context. */
export interface CustomAuth {
  strategy: (ctx: AuthContext) => AuthStrategy;
}

/** How to authenticate to a FlashArray or FlashBlade. */
export type ArrayAuth =
  | { apiToken: string; sessionTtlMs?: number }
  | { username: string; password: string; sessionTtlMs?: number }
  | ApiClientAuthOptions
  | { idToken: string }
  | { accessToken: string }
  | CustomAuth;

/**
 * How to authenticate to Pure1. Left out, it falls back to `PURE1_APP_ID` +
 * `PURE1_PRIVATE_KEY_FILE` (+ `PURE1_PRIVATE_KEY_PASSWORD`), or `PURE1_ID_TOKEN`.
 */
export type Pure1Auth = Pure1AppAuthOptions | { idToken: string } | { accessToken: string } | CustomAuth;

const has = <K extends string>(o: object, k: K): o is Record<K, unknown> =>
  k in o && (o as Record<K, unknown>)[k] !== undefined;

/** Builds the strategy for an array's `auth` option. */
export function arrayAuthStrategy(auth: ArrayAuth, ctx: AuthContext): AuthStrategy {
  if (has(auth, "strategy")) return (auth as CustomAuth).strategy(ctx);
  if (has(auth, "clientId")) {
    const a = auth as ApiClientAuthOptions;
    for (const k of ["keyId", "issuer", "username"] as const) {
      if (!a[k])
        throw new PurekitError(
          "ERR_AUTH_CONFIG",
          `API client auth needs ${k} (with clientId, keyId, issuer, username and a private key).`,
        );
    }
    return createApiClientAuth(a, ctx);
  }
  if (has(auth, "apiToken")) return createSessionAuth(auth as { apiToken: string }, ctx);
  if (has(auth, "password")) {
    const a = auth as { username: string; password: string };
    if (!a.username) throw new PurekitError("ERR_AUTH_CONFIG", "Password auth needs a username.");
    return createSessionAuth(a, ctx);
  }
  if (has(auth, "idToken")) return createIdTokenAuth(auth as { idToken: string }, ctx);
  if (has(auth, "accessToken")) return createAccessTokenAuth(auth as { accessToken: string }, ctx);
  throw new PurekitError(
    "ERR_AUTH_CONFIG",
    "No usable auth: give { apiToken }, { username, password }, { clientId, keyId, issuer, username, privateKey }, { idToken } or { accessToken }.",
  );
}

/** Builds the strategy for Pure1, falling back to the environment variables of its profile. */
export async function pure1AuthStrategy(
  auth: Pure1Auth | undefined,
  ctx: AuthContext,
): Promise<AuthStrategy> {
  if (auth) {
    if (has(auth, "strategy")) return (auth as CustomAuth).strategy(ctx);
    if (has(auth, "appId")) return createPure1AppAuth(auth as Pure1AppAuthOptions, ctx);
    if (has(auth, "idToken")) return createIdTokenAuth(auth as { idToken: string }, ctx);
    if (has(auth, "accessToken")) return createAccessTokenAuth(auth as { accessToken: string }, ctx);
  }
  const names = profileOf(ctx.product).authEnvironment;
  const fromEnvironment = names ? await environmentAuth(names, ctx) : undefined;
  if (fromEnvironment) return fromEnvironment;
  throw new PurekitError(
    "ERR_AUTH_CONFIG",
    "No Pure1 credentials: give auth { appId, privateKey | privateKeyFile } or { idToken }, or set PURE1_APP_ID and PURE1_PRIVATE_KEY_FILE (or PURE1_ID_TOKEN).",
  );
}

/**
 * The strategy the environment names (the profile's `authEnvironment`): an app id with
 * its key file (and the key's password), else an ID token; `undefined` when neither is set.
 */
async function environmentAuth(names: AuthEnvironment, ctx: AuthContext): Promise<AuthStrategy | undefined> {
  const { env } = await getPlatform();
  const appId = env(names.appId);
  const keyFile = env(names.privateKeyFile);
  if (appId && keyFile) {
    const password = env(names.privateKeyPassword);
    return createPure1AppAuth(
      { appId, privateKeyFile: keyFile, ...(password !== undefined ? { privateKeyPassword: password } : {}) },
      ctx,
    );
  }
  const idToken = env(names.idToken);
  if (idToken) return createIdTokenAuth({ idToken }, ctx);
  return undefined;
}
