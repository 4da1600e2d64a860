/**
 * Who may call the array, and with what: users and their API tokens, login
 * sessions (`x-auth-token`), and OAuth2 access tokens (`Authorization: Bearer`).
 */
import { opaqueToken } from "../state/random.js";
/** Users, API tokens, sessions and access tokens of one mock. */
export class Credentials {
    users = new Map();
    /** API token → user name. */
    apiTokens = new Map();
    sessions = new Map();
    accessTokens = new Map();
    /** The token shown to the user (first configured, else generated). */
    primaryApiToken;
    sessionTtlMs;
    lockout;
    #now;
    /**
     * Wrong passwords in a row, per known user; unknown names share one entry, so
     * guessing names costs the same as guessing passwords and the map stays bounded.
     */
    #failures = new Map();
    constructor(options) {
        this.#now = options.now;
        this.lockout = {
            maxAttempts: options.lockout?.maxAttempts ?? 5,
            durationMs: options.lockout?.durationMs ?? 300_000,
        };
        this.sessionTtlMs = options.sessionTtlMs;
        for (const user of options.users)
            this.users.set(user.username, { role: "array_admin", ...user });
        const first = options.users[0]?.username ?? "pureuser";
        for (const entry of options.apiTokens) {
            const { token, username } = typeof entry === "string" ? { token: entry, username: first } : entry;
            if (!this.users.has(username))
                this.users.set(username, { username, role: "array_admin" });
            this.apiTokens.set(token, username);
        }
        for (const user of this.users.values()) {
            if (user.apiToken)
                this.apiTokens.set(user.apiToken, user.username);
        }
        if (this.apiTokens.size === 0)
            this.apiTokens.set(opaqueToken(), first);
        this.primaryApiToken = this.apiTokens.keys().next().value;
    }
    /** The API token of a user, made on first request (REST 1.x `auth/apitoken`). */
    apiTokenOf(username) {
        for (const [token, name] of this.apiTokens)
            if (name === username)
                return token;
        const token = opaqueToken();
        this.apiTokens.set(token, username);
        return token;
    }
    /**
     * Checks a username and password, counting wrong ones: after
     * `lockout.maxAttempts` in a row the user is locked for `lockout.durationMs`.
     */
    checkPassword(username, password) {
        const user = typeof username === "string" ? this.users.get(username) : undefined;
        const key = user ? `user:${user.username}` : "unknown";
        const now = this.#now();
        const record = this.#failures.get(key);
        if (record && record.lockedUntil > now)
            return { problem: "locked", until: record.lockedUntil };
        if (user && user.password !== undefined && user.password === password) {
            this.#failures.delete(key);
            return { user };
        }
        const count = (record && record.lockedUntil === 0 ? record.count : 0) + 1;
        const locked = count >= this.lockout.maxAttempts;
        this.#failures.set(key, {
            count: locked ? 0 : count,
            lockedUntil: locked ? now + this.lockout.durationMs : 0,
        });
        return { problem: "wrong" };
    }
    /** Opens a session for a user. */
    openSession(username) {
        const now = this.#now();
        const session = { token: opaqueToken(), username, createdAt: now, lastUsedAt: now };
        this.sessions.set(session.token, session);
        return session;
    }
    /** The live session for a token (touching it), or why there is none. */
    session(token) {
        if (!token)
            return "missing";
        const session = this.sessions.get(token);
        if (!session)
            return "unknown";
        const now = this.#now();
        if (now - session.lastUsedAt > this.sessionTtlMs) {
            this.sessions.delete(token);
            return "expired";
        }
        session.lastUsedAt = now;
        return session;
    }
    /** Ends a session; `false` when it did not exist. */
    closeSession(token) {
        return token ? this.sessions.delete(token) : false;
    }
    /** Issues an access token. */
    issueAccessToken(subject, clientId, role, ttlMs) {
        const token = {
            token: opaqueToken(),
            subject,
            clientId,
            role,
            expiresAt: this.#now() + ttlMs,
        };
        this.accessTokens.set(token.token, token);
        return token;
    }
    /** The live access token for a Bearer value, or why there is none. */
    accessToken(token) {
        if (!token)
            return "missing";
        const found = this.accessTokens.get(token);
        if (!found)
            return "unknown";
        if (this.#now() >= found.expiresAt) {
            this.accessTokens.delete(token);
            return "expired";
        }
        return found;
    }
    /** Ends every session (the next data call answers 401, as after an array restart). */
    expireSessions() {
        this.sessions.clear();
    }
    /** Revokes every access token. */
    expireAccessTokens() {
        this.accessTokens.clear();
    }
}
//# sourceMappingURL=credentials.js.map