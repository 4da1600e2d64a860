import type { AuthContext, AuthStrategy } from "./types.js";
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
export declare function createSessionAuth(options: SessionAuthOptions, ctx: AuthContext): AuthStrategy;
//# sourceMappingURL=session.d.ts.map