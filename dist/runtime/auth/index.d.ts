import { type ApiClientAuthOptions, type Pure1AppAuthOptions } from "./oauth.js";
import type { AuthContext, AuthStrategy } from "./types.js";
export type { AuthContext, AuthStrategy, Credentials } from "./types.js";
export type { ApiClientAuthOptions, Pure1AppAuthOptions };
/** A custom strategy, built with the client's context. */
export interface CustomAuth {
    strategy: (ctx: AuthContext) => AuthStrategy;
}
/** How to authenticate to a FlashArray or FlashBlade. */
export type ArrayAuth = {
    apiToken: string;
    sessionTtlMs?: number;
} | {
    username: string;
    password: string;
    sessionTtlMs?: number;
} | ApiClientAuthOptions | {
    idToken: string;
} | {
    accessToken: string;
} | CustomAuth;
/**
 * How to authenticate to Pure1. Left out, it falls back to `PURE1_APP_ID` +
 * `PURE1_PRIVATE_KEY_FILE` (+ `PURE1_PRIVATE_KEY_PASSWORD`), or `PURE1_ID_TOKEN`.
 */
export type Pure1Auth = Pure1AppAuthOptions | {
    idToken: string;
} | {
    accessToken: string;
} | CustomAuth;
/** Builds the strategy for an array's `auth` option. */
export declare function arrayAuthStrategy(auth: ArrayAuth, ctx: AuthContext): AuthStrategy;
/** Builds the strategy for Pure1, falling back to the conventional environment variables. */
export declare function pure1AuthStrategy(auth: Pure1Auth | undefined, ctx: AuthContext): Promise<AuthStrategy>;
//# sourceMappingURL=index.d.ts.map