/**
 * What a mock array holds: its collections (one per data path) and its
 * credentials. Exposed as `array.state` so tests can read and change it directly.
 */
import type { Credentials } from "../auth/credentials.ts";
import { Collection } from "./collection.ts";

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
  #collections = new Map<string, Collection>();
  #aliases: ReadonlyMap<string, string>;
  /** Users, API tokens, sessions, access tokens. */
  readonly credentials: Credentials;

  constructor(credentials: Credentials, aliases: ReadonlyMap<string, string> = new Map()) {
    this.credentials = credentials;
    this.#aliases = aliases;
  }

  /**
   * The collection behind a version-free path (`/volumes`). Paths that are two views
   * of one relation (`/hosts/host-groups` and `/host-groups/hosts`) share a collection.
   */
  collection(path: string): Collection {
    const key = this.#aliases.get(path) ?? path;
    let collection = this.#collections.get(key);
    if (!collection) {
      collection = new Collection(key);
      this.#collections.set(key, collection);
    }
    return collection;
  }

  /** Whether a collection exists and holds items. */
  has(path: string): boolean {
    return (this.#collections.get(this.#aliases.get(path) ?? path)?.size ?? 0) > 0;
  }

  /** Paths of the collections made so far. */
  get paths(): string[] {
    return [...this.#collections.keys()];
  }

  /** Number of live login sessions. */
  get sessionCount(): number {
    return this.credentials.sessions.size;
  }

  /** Ends every login session. */
  expireSessions(): void {
    this.credentials.expireSessions();
  }

  /** Revokes every OAuth2 access token. */
  expireAccessTokens(): void {
    this.credentials.expireAccessTokens();
  }
}
