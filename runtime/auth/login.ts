/**
 * Session login and logout of FlashArray and FlashBlade: `POST …/login` with the
 * `api-token` header answers the session in `x-auth-token`; `POST …/logout` ends it.
 * Where they live per product is the profile's `login` (`profile.ts`).
 */
import { authRefused } from "../answers.ts";
import { PurekitError } from "../errors.ts";
import { loginPath, profileOf } from "../profile.ts";
import type { AuthContext } from "./types.ts";

/**
 * The login or logout path: FlashBlade's is unversioned, FlashArray's carries the version.
 *
 * @example
 * ```ts
 * sessionPath(ctx, "login"); // "/api/2.38/login" on a FlashArray
 * ```
 */
export function sessionPath(ctx: AuthContext, action: "login" | "logout"): string {
  return loginPath(profileOf(ctx.product), ctx.version(), action);
}

/**
 * `POST …/login` with the `api-token` header → the session token from the `x-auth-token` answer header.
 *
 * @example
 * ```ts
 * const session = await login(ctx, apiToken);
 * ```
 */
export async function login(ctx: AuthContext, apiToken: string): Promise<string> {
  const res = await ctx.send(
    new Request(`${ctx.origin}${sessionPath(ctx, "login")}`, {
      method: "POST",
      headers: { "api-token": apiToken },
    }),
  );
  if (!res.ok) {
    throw await authRefused(
      res,
      ctx,
      "Login with the API token",
      "Check the API token is valid and not expired (on the array: pureadmin list --api-token --expose), or that its user still exists.",
    );
  }
  await res.body?.cancel();
  const session = res.headers.get("x-auth-token");
  if (!session) {
    throw new PurekitError(
      "ERR_BAD_RESPONSE",
      `Login at ${ctx.origin} succeeded but the answer carried no x-auth-token header; is a proxy stripping it?`,
    );
  }
  ctx.secrets.addTransient(session);
  return session;
}

/**
 * `POST …/logout`; a failure is logged, not thrown (the session lapses anyway).
 *
 * @example
 * ```ts
 * await logout(ctx, session);
 * ```
 */
export async function logout(ctx: AuthContext, session: string): Promise<void> {
  try {
    const res = await ctx.send(
      new Request(`${ctx.origin}${sessionPath(ctx, "logout")}`, {
        method: "POST",
        headers: { "x-auth-token": session },
      }),
    );
    await res.body?.cancel();
    if (!res.ok) ctx.logger.debug?.(`logout at ${ctx.origin} answered HTTP ${res.status}`);
  } catch (e) {
    ctx.logger.debug?.(`logout at ${ctx.origin} failed: ${ctx.secrets.redact(String((e as Error).message))}`);
  }
}
