/**
 * REST 1.x `POST /api/1.N/auth/apitoken`: a username and password → the user's API token,
 * which session login (`login.ts`) then trades for a session. FlashArray and FlashBlade.
 */
import { authAnswerObject, authRefused } from "../answers.ts";
import { PurekitError } from "../errors.ts";
import { readText } from "../http.ts";
import { compareVersions } from "../versions.ts";
import type { AuthContext } from "./types.ts";

/**
 * Highest REST 1.x the array lists (the 1.x token call lives there); 1.19 when it lists none.
 *
 * @example
 * ```ts
 * highestRest1(["1.0", "1.19", "2.38"]); // "1.19"
 * ```
 */
export function highestRest1(versions: readonly string[]): string {
  const ones = versions.filter((v) => /^1\.\d+$/.test(v)).sort(compareVersions);
  return ones.at(-1) ?? "1.19";
}

/**
 * REST 1.x `POST /api/1.N/auth/apitoken` with username and password → the user's API token.
 *
 * @example
 * ```ts
 * const apiToken = await apiTokenFromPassword(ctx, "pureuser", password);
 * ```
 */
export async function apiTokenFromPassword(
  ctx: AuthContext,
  username: string,
  password: string,
): Promise<string> {
  const url = `${ctx.origin}/api/${highestRest1(ctx.apiVersions())}/auth/apitoken`;
  const res = await ctx.send(
    new Request(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    }),
  );
  if (!res.ok) {
    throw await authRefused(
      res,
      ctx,
      `Getting an API token for user "${username}"`,
      "Check the username and password.",
    );
  }
  const what = "The REST 1.x API token call";
  const body = authAnswerObject(await readText(res, `${what} at ${ctx.origin}`), res.status, what, ctx);
  const token = body.api_token;
  if (typeof token !== "string" || !token) {
    throw new PurekitError(
      "ERR_BAD_RESPONSE",
      `The REST 1.x API token call at ${ctx.origin} answered without an api_token.`,
    );
  }
  ctx.secrets.add(token);
  return token;
}
