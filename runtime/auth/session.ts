/** API token → session (`x-auth-token`), and username/password → API token → session. FA and FB. */
import { PurekitError } from "../errors.ts";
import { apiTokenFromPassword } from "./api-token.ts";
import { CredentialCache } from "./cache.ts";
import { login, logout } from "./login.ts";
import type { AuthContext, AuthStrategy } from "./types.ts";

export interface SessionAuthOptions {
  apiToken?: string;
  username?: string;
  password?: string;
  /**
   * Re-login proactively after this long. Arrays do not announce session
   * lifetimes; users measured ~1 h in practice. Default 50 min.
   */
  sessionTtlMs?: number;
}

/**
 * @example
 * ```ts
 * const auth = createSessionAuth({ apiToken: process.env.FA_API_TOKEN }, ctx);
 * ```
 */
export function createSessionAuth(options: SessionAuthOptions, ctx: AuthContext): AuthStrategy {
  // A token with a line break would make Request() throw a TypeError that quotes it.
  if (options.apiToken !== undefined && !/^[\x21-\x7e]+$/.test(options.apiToken)) {
    throw new PurekitError(
      "ERR_AUTH_CONFIG",
      "The API token is empty or has spaces, line breaks or non-ASCII characters; copy it again from the array.",
    );
  }
  ctx.secrets.add(options.apiToken);
  ctx.secrets.add(options.password);
  let apiToken = options.apiToken;
  const ttl = options.sessionTtlMs ?? 50 * 60_000;
  const cache = new CredentialCache<string>(
    async () => {
      apiToken ??= await apiTokenFromPassword(ctx, options.username ?? "", options.password ?? "");
      return { value: await login(ctx, apiToken), expiresAt: ctx.now() + ttl };
    },
    ctx.now,
    0,
  );
  return {
    kind: options.apiToken ? "api-token" : "password",
    async credentials() {
      const { value, generation } = await cache.get();
      return { headers: { "x-auth-token": value }, generation };
    },
    invalidate: (generation) => cache.invalidate(generation),
    async close() {
      // A login still in flight ends in a session too: wait for it, then log it out.
      const session = cache.peek() ?? (await cache.settled());
      cache.clear();
      if (session) await logout(ctx, session);
    },
  };
}
