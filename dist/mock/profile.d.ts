/**
 * What differs between FlashArray, FlashBlade and Pure1, as data: where login
 * lives, what `api_version` answers, how an unauthenticated call is refused, which
 * paths get real semantics, and how a seed is made. `array.ts` runs any profile.
 */
import type { Product } from "../spec/table.js";
import type { DataHandler } from "./collections.js";
import type { MockHttpError } from "./http.js";
import type { VersionSpec } from "./spec.js";
import type { MockState } from "./state/store.js";
/** Makes the items of one collection for a `{ <name>: count }` seed. */
export type SeedGenerator = (state: MockState, spec: VersionSpec, count: number) => void;
export interface ProductProfile {
    product: Product;
    defaultBaseUrl: string;
    /** Key of `GET /api/api_version` (`version` on FA, `versions` on FB); `null`: no such endpoint. */
    apiVersionKey: "version" | "versions" | null;
    /** REST 1.x versions listed by `api_version` and answering `POST /api/1.x/auth/apitoken`. */
    legacyVersions: readonly string[];
    /** Whether login/logout carry the version (`/api/2.N/login`, FA) or not (`/api/login`, FB); `null`: no login. */
    login: "versioned" | "unversioned" | null;
    /** Login answer body for a user (FA `{items:[{username}]}`, FB `{username}`). */
    loginBody(username: string): unknown;
    /** The refusal of a data call without valid credentials. */
    unauthorized(problem: "missing" | "unknown" | "expired", via: "session" | "bearer"): MockHttpError;
    /** Default body of an injected fault with this status. */
    errorBody(status: number, message: string): unknown;
    /** Access-token lifetime when the options give none. */
    defaultAccessTokenTtlMs: number;
    /** Paths that are two views of one relation → the collection they share. */
    aliases: ReadonlyMap<string, string>;
    /**
     * First path segments of storage objects (`volumes`, `file-systems`…): what the
     * `storage_admin` role may change (mock/auth/roles.ts). Empty for Pure1 (no roles).
     */
    storageRoots: ReadonlySet<string>;
    /**
     * First version whose GET answers 207 (partial success) when `allow_errors=true`
     * and some named objects are missing: the specs declare 207 from FA 2.49 and FB 2.22
     * on (the tables carry no response codes). Before it the answer is 200 with `errors`.
     */
    partialSuccessSince?: string;
    /** Handlers by `METHOD /path` that replace the generic one. */
    semantics: Readonly<Record<string, DataHandler>>;
    /** Seed generators by collection path (`/volumes`); others get generic items. */
    generators: Readonly<Record<string, SeedGenerator>>;
    /** Recorded fixture folder (under the fixtures dir) and file → path map; `null`: none. */
    recorded: {
        folder: string;
        files: Readonly<Record<string, string>>;
    } | null;
    /** Adds what the recordings lack but a real array of this kind holds (FA: a connected array to replicate to). */
    afterRecorded?: (state: MockState, spec: VersionSpec) => void;
    /** What `seed: "recorded"` means when there is no recording (Pure1): a generated seed. */
    fallbackSeed?: Record<string, number>;
}
//# sourceMappingURL=profile.d.ts.map