/**
 * Who may call the array, and with what: users and their API tokens, login
 * sessions (`x-auth-token`), and OAuth2 access tokens (`Authorization: Bearer`).
 */
import type { MockUser } from "../types.js";
/** A login session. */
export interface Session {
    token: string;
    username: string;
    createdAt: number;
    /** Sessions expire `ttlMs` after their last use (idle timeout). */
    lastUsedAt: number;
}
/** An OAuth2 access token issued by `POST /oauth2/1.0/token`. */
export interface AccessToken {
    token: string;
    /** Array user (`sub`) or Pure1 application id. */
    subject: string;
    /** API client id (FA/FB) or application id (Pure1). */
    clientId: string;
    role: string;
    expiresAt: number;
}
/** What is wrong with a presented credential. */
export type CredentialProblem = "missing" | "unknown" | "expired";
/** What a password check found. */
export type PasswordCheck = {
    user: MockUser;
} | {
    problem: "wrong";
}
/** Too many wrong passwords in a row: refused until `until` (the mock's clock), even the right one. */
 | {
    problem: "locked";
    until: number;
};
/** Wrong passwords in a row before a user is locked out, and for how long (the arrays' `admins/settings`). */
export interface LoginLockout {
    /** Default 5 (the arrays' `max_login_attempts`, 1–100). */
    maxAttempts: number;
    /** Default 5 minutes (the arrays' `lockout_duration`, in ms). */
    durationMs: number;
}
/** Users, API tokens, sessions and access tokens of one mock. */
export declare class Credentials {
    #private;
    readonly users: Map<string, MockUser>;
    /** API token → user name. */
    readonly apiTokens: Map<string, string>;
    readonly sessions: Map<string, Session>;
    readonly accessTokens: Map<string, AccessToken>;
    /** The token shown to the user (first configured, else generated). */
    readonly primaryApiToken: string;
    sessionTtlMs: number;
    readonly lockout: LoginLockout;
    constructor(options: {
        users: readonly MockUser[];
        apiTokens: readonly (string | {
            token: string;
            username: string;
        })[];
        sessionTtlMs: number;
        now: () => number;
        lockout?: Partial<LoginLockout>;
    });
    /** The API token of a user, made on first request (REST 1.x `auth/apitoken`). */
    apiTokenOf(username: string): string;
    /**
     * Checks a username and password, counting wrong ones: after
     * `lockout.maxAttempts` in a row the user is locked for `lockout.durationMs`.
     */
    checkPassword(username: unknown, password: unknown): PasswordCheck;
    /** Opens a session for a user. */
    openSession(username: string): Session;
    /** The live session for a token (touching it), or why there is none. */
    session(token: string | null): Session | CredentialProblem;
    /** Ends a session; `false` when it did not exist. */
    closeSession(token: string | null): boolean;
    /** Issues an access token. */
    issueAccessToken(subject: string, clientId: string, role: string, ttlMs: number): AccessToken;
    /** The live access token for a Bearer value, or why there is none. */
    accessToken(token: string | null): AccessToken | CredentialProblem;
    /** Ends every session (the next data call answers 401, as after an array restart). */
    expireSessions(): void;
    /** Revokes every access token. */
    expireAccessTokens(): void;
}
//# sourceMappingURL=credentials.d.ts.map