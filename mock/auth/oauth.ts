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
import {
  decodeJwt,
  decodeProtectedHeader,
  errors,
  importSPKI,
  importX509,
  type CryptoKey as JoseKey,
  jwtVerify,
} from "jose";
import { MockHttpError, type MockRequest } from "../http.ts";
import type { MockApiClient, MockPure1App } from "../types.ts";
import type { AccessToken, Credentials } from "./credentials.ts";
import { intersectRoles } from "./roles.ts";

const GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
const SUBJECT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";
const ISSUED_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

/** A token-exchange failure in both error shapes. */
export function oauthError(
  status: 400 | 401,
  error: string,
  description: string,
  context = "subject_token",
): MockHttpError {
  return new MockHttpError(status, [{ context, message: description }], {
    body: { error, error_description: description, errors: [{ context, message: description }] },
  });
}

const pemCache = new Map<string, Promise<JoseKey | CryptoKey>>();

/** Imports a public key given as SPKI PEM, an X.509 certificate PEM, or a CryptoKey. */
export function publicKeyOf(key: string | CryptoKey): Promise<JoseKey | CryptoKey> {
  if (typeof key !== "string") return Promise.resolve(key);
  let pending = pemCache.get(key);
  if (!pending) {
    if (key.includes("BEGIN RSA PUBLIC KEY")) {
      pending = Promise.reject(
        new Error(
          "PKCS#1 public keys are not supported; convert with `openssl rsa -RSAPublicKey_in -pubout`",
        ),
      );
    } else {
      pending = key.includes("BEGIN CERTIFICATE") ? importX509(key, "RS256") : importSPKI(key, "RS256");
    }
    pemCache.set(key, pending);
  }
  return pending;
}

/** Checks the form body (`text`, read by the caller within its size limit) and the fixed fields of a token exchange. */
export function readExchange(request: MockRequest, text: string): string {
  const type = request.headers.get("content-type") ?? "";
  if (!/application\/x-www-form-urlencoded/i.test(type)) {
    throw oauthError(
      400,
      "invalid_request",
      `Expected Content-Type application/x-www-form-urlencoded, got '${type || "none"}'.`,
      "content-type",
    );
  }
  const form = new URLSearchParams(text);
  const grantType = form.get("grant_type");
  if (grantType !== GRANT_TYPE) {
    throw oauthError(
      400,
      "unsupported_grant_type",
      `Unsupported grant_type: ${grantType ?? "(missing)"}; expected ${GRANT_TYPE}.`,
      "grant_type",
    );
  }
  const subjectTokenType = form.get("subject_token_type");
  if (subjectTokenType !== SUBJECT_TOKEN_TYPE) {
    throw oauthError(
      400,
      "invalid_request",
      `Unsupported subject_token_type: ${subjectTokenType ?? "(missing)"}; expected ${SUBJECT_TOKEN_TYPE}.`,
      "subject_token_type",
    );
  }
  const subjectToken = form.get("subject_token");
  if (!subjectToken) throw oauthError(400, "invalid_request", "Missing subject_token.");
  return subjectToken;
}

function invalid(description: string): MockHttpError {
  return oauthError(401, "invalid_client", `Invalid identity: ${description}`);
}

/** The JWT's header, refused unless it is a JWT signed with RS256 (the only algorithm the arrays accept). */
function rs256HeaderOf(jwt: string): { alg?: string; kid?: string } {
  let header: { alg?: string; kid?: string };
  try {
    header = decodeProtectedHeader(jwt) as typeof header;
  } catch {
    throw invalid("the subject_token is not a JWT (expected header.payload.signature, base64url).");
  }
  if (header.alg !== "RS256") {
    throw invalid(
      `JWT validation failed: algorithm '${header.alg ?? "(none)"}' is not accepted; sign with RS256.`,
    );
  }
  return header;
}

async function verify(
  jwt: string,
  key: string | CryptoKey,
  checks: { audience?: string; issuer: string; now: number; required: string[] },
): Promise<Record<string, unknown>> {
  let publicKey: JoseKey | CryptoKey;
  try {
    publicKey = await publicKeyOf(key);
  } catch (e) {
    throw invalid(`the registered public key cannot be used: ${(e as Error).message}`);
  }
  try {
    const { payload } = await jwtVerify(jwt, publicKey, {
      algorithms: ["RS256"],
      issuer: checks.issuer,
      ...(checks.audience === undefined ? {} : { audience: checks.audience }),
      currentDate: new Date(checks.now),
      requiredClaims: checks.required,
      clockTolerance: 30,
    });
    return payload as Record<string, unknown>;
  } catch (e) {
    if (e instanceof errors.JWTExpired) throw invalid("JWT validation failed: the JWT has expired (exp).");
    if (e instanceof errors.JWSSignatureVerificationFailed) {
      throw invalid("JWT validation failed: signature verification failed for the registered public key.");
    }
    if (e instanceof errors.JWTClaimValidationFailed) {
      throw invalid(
        `JWT validation failed: claim '${e.claim}' ${e.reason === "missing" ? "is missing" : `check failed (${e.message})`}.`,
      );
    }
    if (e instanceof errors.JOSEAlgNotAllowed)
      throw invalid("JWT validation failed: only RS256 is accepted.");
    throw invalid(`JWT validation failed: ${(e as Error).message}`);
  }
}

/** FA/FB: verifies an API client's JWT and issues an access token for its `sub`. */
export async function exchangeArrayJwt(
  jwt: string,
  clients: readonly MockApiClient[],
  credentials: Credentials,
  defaultTtlMs: number,
  now: number,
): Promise<AccessToken> {
  const header = rs256HeaderOf(jwt);
  if (!header.kid) throw invalid("JWT validation failed: the header has no 'kid' (the API client's key id).");
  const client = clients.find((c) => c.keyId === header.kid);
  if (!client) throw invalid(`JWT validation failed: no API client has key id '${header.kid}'.`);
  if (client.enabled === false) {
    throw invalid(`API client '${client.clientId}' is disabled; enable it with \`pureapiclient enable\`.`);
  }
  const claims = await verify(jwt, client.publicKey, {
    audience: client.clientId,
    issuer: client.issuer,
    now,
    required: ["iat", "exp", "sub"],
  });
  const sub = claims.sub as string;
  const user = credentials.users.get(sub);
  if (!user)
    throw invalid(`JWT validation failed: 'sub' names user '${sub}', who does not exist on the array.`);
  const role = intersectRoles(user.role ?? "array_admin", client.maxRole ?? "array_admin");
  return credentials.issueAccessToken(sub, client.clientId, role, client.accessTokenTtlMs ?? defaultTtlMs);
}

/** Pure1: verifies an application's JWT (`iss` = application id) and issues an access token. */
export async function exchangePure1Jwt(
  jwt: string,
  apps: readonly MockPure1App[],
  credentials: Credentials,
  ttlMs: number,
  now: number,
): Promise<AccessToken> {
  rs256HeaderOf(jwt);
  let iss: unknown;
  try {
    iss = decodeJwt(jwt).iss;
  } catch {
    throw invalid("the subject_token is not a JWT.");
  }
  const app = apps.find((a) => a.appId === iss);
  if (!app) throw invalid(`JWT validation failed: no application has id '${String(iss)}' (the JWT's 'iss').`);
  if (app.enabled === false) throw invalid(`application '${app.appId}' is disabled.`);
  await verify(jwt, app.publicKey, { issuer: app.appId, now, required: ["iat", "exp"] });
  return credentials.issueAccessToken(app.appId, app.appId, "readonly", ttlMs);
}

/** The token endpoint's answer. */
export function tokenAnswer(token: AccessToken, now: number): Record<string, unknown> {
  return {
    access_token: token.token,
    issued_token_type: ISSUED_TOKEN_TYPE,
    token_type: "Bearer",
    // Rounded up: a 200 ms token answering `expires_in: 0` would make clients renew on every call.
    expires_in: Math.max(0, Math.ceil((token.expiresAt - now) / 1000)),
  };
}
