/**
 * What a mock array holds: its collections (one per data path) and its
 * credentials. Exposed as `array.state` so tests can read and change it directly.
 */
import type { Credentials } from "../auth/credentials.js";
import { Collection } from "./collection.js";
/**
 * @example
 * ```ts
 * const array = createFlashArrayMock({ seed: "empty" });
 * array.state.collection("/hosts").add({ name: "h1", iqns: [] });
 * array.state.collection("/volumes").size;   // 0
 * array.state.expireSessions();              // next data call answers 401
 * ```
 */
export declare class MockState {
    #private;
    /** Users, API tokens, sessions, access tokens. */
    readonly credentials: Credentials;
    constructor(credentials: Credentials, aliases?: ReadonlyMap<string, string>);
    /**
     * The collection behind a version-free path (`/volumes`). Paths that are two views
     * of one relation (`/hosts/host-groups` and `/host-groups/hosts`) share a collection.
     */
    collection(path: string): Collection;
    /** Whether a collection exists and holds items. */
    has(path: string): boolean;
    /** Paths of the collections made so far. */
    get paths(): string[];
    /** Number of live login sessions. */
    get sessionCount(): number;
    /** Ends every login session. */
    expireSessions(): void;
    /** Revokes every OAuth2 access token. */
    expireAccessTokens(): void;
}
//# sourceMappingURL=store.d.ts.map