/**
 * The OAuth2 token exchange (`POST /oauth2/1.0/token`, token-exchange grant) that API
 * clients, ID tokens and Pure1 apps go through, and signing again with the server's
 * clock when ours is off. A refusal becomes an `ERR_AUTH` that says what was refused
 * and what to do (answers.ts), with the server's own words, redacted, never the credential.
 * Session login is in `login.ts`, the REST 1.x password → API token call in `api-token.ts`.
 */
import { authAnswerObject, exchangeRefused } from "../answers.ts";
import { ExchangeRefused, PurekitError } from "../errors.ts";
import { readText } from "../http.ts";
import type { AuthContext } from "./types.ts";

export interface ExchangedToken {
  accessToken: string;
  /** Epoch ms, when the answer says. */
  expiresAt: number | undefined;
  /** The server's clock from its `Date` header, for skew correction. */
  serverDate: number | undefined;
}

/**
 * OAuth2 token exchange at `POST /oauth2/1.0/token` (form-encoded, token-exchange grant).
 *
 * @example
 * ```ts
 * const { accessToken, expiresAt } = await exchangeToken(ctx, idToken, "Check the ID token.");
 * ```
 */
export async function exchangeToken(
  ctx: AuthContext,
  subjectToken: string,
  hint: string,
): Promise<ExchangedToken> {
  const body = new URLSearchParams({
    grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
    subject_token: subjectToken,
    subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
  });
  const res = await ctx.send(
    new Request(`${ctx.origin}/oauth2/1.0/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    }),
  );
  const serverDate = Date.parse(res.headers.get("date") ?? "");
  if (!res.ok) throw await exchangeRefused(res, ctx, hint, Number.isNaN(serverDate) ? undefined : serverDate);
  const what = "The token exchange";
  const answer = authAnswerObject(await readText(res, `${what} at ${ctx.origin}`), res.status, what, ctx);
  // Some versions wrap the answer as items[0].
  const item = (Array.isArray(answer.items) ? answer.items[0] : answer) as
    | Record<string, unknown>
    | undefined;
  const accessToken = item?.access_token;
  if (typeof accessToken !== "string" || !accessToken) {
    throw new PurekitError(
      "ERR_BAD_RESPONSE",
      `The token exchange at ${ctx.origin} answered without an access_token.`,
    );
  }
  ctx.secrets.addTransient(accessToken);
  // Some gateways send the number as a string.
  const expiresIn = Number(item?.expires_in);
  return {
    accessToken,
    expiresAt:
      item?.expires_in !== undefined && Number.isFinite(expiresIn) ? ctx.now() + expiresIn * 1000 : undefined,
    serverDate: Number.isNaN(serverDate) ? undefined : serverDate,
  };
}

/** A server clock this far from ours makes `iat`/`exp` suspect: re-sign with its time. */
const SKEW_TOLERANCE_MS = 30_000;

/**
 * Signs a JWT and exchanges it; when a server whose clock is off refuses it, signs once more
 * with the server's time, and goes on signing with that time on later calls.
 *
 * @example
 * ```ts
 * const exchange = signedExchange(ctx, (now) => signPure1Jwt(key, appId, { now }), hint);
 * const { accessToken } = await exchange();
 * ```
 */
export function signedExchange(
  ctx: AuthContext,
  sign: (now: number) => Promise<string>,
  hint: string,
): () => Promise<ExchangedToken> {
  let skewMs = 0;
  // JWTs need no registration: redaction removes anything shaped like one.
  const signed = async (now: number) => {
    try {
      return await sign(now);
    } catch (cause) {
      if (cause instanceof PurekitError) throw cause;
      // jose's TypeError (a key of the wrong type or size) names no key material.
      throw new PurekitError(
        "ERR_KEY_UNSUPPORTED",
        `Signing the JWT for ${ctx.origin} failed: ${(cause as Error)?.message ?? String(cause)}. Give an RSA private key of at least 2048 bits.`,
        { cause },
      );
    }
  };
  const attempt = async () => exchangeToken(ctx, await signed(ctx.now() + skewMs), hint);
  return async () => {
    try {
      return await attempt();
    } catch (e) {
      if (!(e instanceof ExchangeRefused) || e.serverDate === undefined) throw e;
      const skew = e.serverDate - ctx.now();
      if (Math.abs(skew - skewMs) < SKEW_TOLERANCE_MS) throw e;
      ctx.logger.warn?.(
        `clock of ${ctx.origin} differs from ours by ${Math.round(skew / 1000)} s; signing with its time`,
      );
      skewMs = skew;
      return attempt();
    }
  };
}
