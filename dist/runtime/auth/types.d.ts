import type { Logger } from "../logger.js";
import type { SecretSet } from "../redact.js";
/** What an auth strategy may use of its client. */
export interface AuthContext {
    product: "flasharray" | "flashblade" | "pure1";
    /**
     * Base URL of the array or Pure1, e.g. `https://array.example.com`, or with the
     * gateway's path (`https://gw.example.com/fa1`): every URL is built on it.
     */
    origin: string;
    /** The negotiated REST version (for FA's versioned login path). */
    version(): string;
    /** The array's `api_version` list (for the REST 1.x token call). */
    apiVersions(): readonly string[];
    /** Sends without auth, with retries and timeouts: for login and token calls. */
    send(request: Request): Promise<Response>;
    secrets: SecretSet;
    logger: Logger;
    now(): number;
}
/** Credentials for one attempt, tagged with the generation they belong to. */
export interface Credentials {
    headers: Record<string, string>;
    generation: number;
}
/**
 * An auth strategy: small, swappable, state in a closure (octokit's shape).
 * `credentials()` logs in when needed — once, however many callers wait;
 * `invalidate(generation)` drops credentials the server rejected, unless a
 * newer login already replaced them.
 */
export interface AuthStrategy {
    readonly kind: string;
    /** False when nothing can renew the credential (a plain access token): a 401 is then final. */
    readonly renewable?: boolean;
    credentials(): Promise<Credentials>;
    invalidate(generation: number): void;
    close(): Promise<void>;
}
//# sourceMappingURL=types.d.ts.map