/**
 * The auth calls themselves: REST 1.x API token from a password, session
 * login/logout, and the OAuth2 token exchange. Each turns a refusal into an
 * `ERR_AUTH` that says what was refused and what to do — with the array's own
 * message, redacted, and never the credential.
 */
import { PurekitError } from "../errors.js";
import type { AuthContext } from "./types.js";
/** Highest REST 1.x the array lists (the 1.x token call lives there); 1.19 when it lists none. */
export declare function highestRest1(versions: readonly string[]): string;
/** REST 1.x `POST /api/1.N/auth/apitoken` with username and password → the user's API token. */
export declare function apiTokenFromPassword(ctx: AuthContext, username: string, password: string): Promise<string>;
/** Login path: FlashBlade's is unversioned, FlashArray's carries the version. */
export declare function sessionPath(ctx: AuthContext, action: "login" | "logout"): string;
/** `POST …/login` with the `api-token` header → the session token from the `x-auth-token` answer header. */
export declare function login(ctx: AuthContext, apiToken: string): Promise<string>;
/** `POST …/logout`; a failure is logged, not thrown (the session lapses anyway). */
export declare function logout(ctx: AuthContext, session: string): Promise<void>;
export interface ExchangedToken {
    accessToken: string;
    /** Epoch ms, when the answer says. */
    expiresAt: number | undefined;
    /** The server's clock from its `Date` header, for skew correction. */
    serverDate: number | undefined;
}
/** A refused exchange; `serverDate` lets the caller retry once with a corrected clock. */
export declare class ExchangeRefused extends PurekitError {
    readonly status: number;
    readonly serverDate: number | undefined;
    constructor(message: string, status: number, serverDate: number | undefined);
}
/** OAuth2 token exchange at `POST /oauth2/1.0/token` (form-encoded, token-exchange grant). */
export declare function exchangeToken(ctx: AuthContext, subjectToken: string, hint: string): Promise<ExchangedToken>;
/**
 * Signs a JWT and exchanges it; when a server whose clock is off refuses it, signs once more
 * with the server's time, and goes on signing with that time on later calls.
 */
export declare function signedExchange(ctx: AuthContext, sign: (now: number) => Promise<string>, hint: string): () => Promise<ExchangedToken>;
//# sourceMappingURL=exchange.d.ts.map