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
export class MockState {
    #collections = new Map();
    #aliases;
    /** Users, API tokens, sessions, access tokens. */
    credentials;
    constructor(credentials, aliases = new Map()) {
        this.credentials = credentials;
        this.#aliases = aliases;
    }
    /**
     * The collection behind a version-free path (`/volumes`). Paths that are two views
     * of one relation (`/hosts/host-groups` and `/host-groups/hosts`) share a collection.
     */
    collection(path) {
        const key = this.#aliases.get(path) ?? path;
        let collection = this.#collections.get(key);
        if (!collection) {
            collection = new Collection(key);
            this.#collections.set(key, collection);
        }
        return collection;
    }
    /** Whether a collection exists and holds items. */
    has(path) {
        return (this.#collections.get(this.#aliases.get(path) ?? path)?.size ?? 0) > 0;
    }
    /** Paths of the collections made so far. */
    get paths() {
        return [...this.#collections.keys()];
    }
    /** Number of live login sessions. */
    get sessionCount() {
        return this.credentials.sessions.size;
    }
    /** Ends every login session. */
    expireSessions() {
        this.credentials.expireSessions();
    }
    /** Revokes every OAuth2 access token. */
    expireAccessTokens() {
        this.credentials.expireAccessTokens();
    }
}
//# sourceMappingURL=store.js.map