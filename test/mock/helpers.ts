/**
 * Shared test helpers: logging in, calling a mock, and signing JWTs.
 */
import { exportSPKI, generateKeyPair, SignJWT } from "jose";
import type { MockArray } from "../../mock/index.ts";

// biome-ignore lint/suspicious/noExplicitAny: answers are read loosely in tests, checked by expect
export type Json = Record<string, any>;

/** Logs in with the mock's API token and returns the session token. */
export async function login(
  array: MockArray,
  version = array.versions[array.versions.length - 1],
): Promise<string> {
  const path = array.product === "flashblade" ? "/api/login" : `/api/${version}/login`;
  const res = await array.fetch(`${array.baseUrl}${path}`, {
    method: "POST",
    headers: { "api-token": array.apiToken },
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return res.headers.get("x-auth-token") as string;
}

/** A data call with a session: `call(array, session, "GET", "/volumes?limit=2")`. */
export async function call(
  array: MockArray,
  session: string,
  method: string,
  path: string,
  body?: unknown,
  version = array.versions[array.versions.length - 1],
): Promise<{ status: number; body: Json; headers: Headers }> {
  const headers: Record<string, string> = { "x-auth-token": session };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await array.fetch(`${array.baseUrl}/api/${version}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : {}, headers: res.headers };
}

/** A session-bound caller. */
export async function session(array: MockArray) {
  const token = await login(array);
  return (method: string, path: string, body?: unknown) => call(array, token, method, path, body);
}

/** An RSA key pair with its public half as SPKI PEM. */
export async function rsaKeys(): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey; publicPem: string }> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  return { privateKey, publicKey, publicPem: await exportSPKI(publicKey) };
}

/** Signs an API-client JWT; `claims` and `header` override the defaults. */
export async function signJwt(
  privateKey: CryptoKey,
  options: {
    kid?: string | undefined;
    aud?: string;
    iss: string;
    sub?: string;
    iat?: number;
    exp?: number;
    alg?: string;
  },
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { iat: options.iat ?? now, exp: options.exp ?? now + 300 };
  if (options.aud !== undefined) claims.aud = options.aud;
  if (options.sub !== undefined) claims.sub = options.sub;
  const header: { alg: string; typ: string; kid?: string } = { alg: options.alg ?? "RS256", typ: "JWT" };
  if (options.kid !== undefined) header.kid = options.kid;
  return new SignJWT(claims).setProtectedHeader(header).setIssuer(options.iss).sign(privateKey);
}

/** Exchanges a JWT at the token endpoint. */
export async function exchange(array: MockArray, jwt: string): Promise<{ status: number; body: Json }> {
  const res = await array.fetch(`${array.baseUrl}/oauth2/1.0/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: jwt,
      subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
    }),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

/** base64url of a string. */
export function b64url(text: string): string {
  return Buffer.from(text).toString("base64url");
}
