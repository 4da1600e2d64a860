import { compareVersions } from "../runtime/versions.js";
import type { Product } from "./table.js";
export type { Product };
export { compareVersions };
/** One published spec file. */
export interface SpecEntry {
    product: Product;
    /** REST version, `2.56` or `1.6`. */
    version: string;
    /** File name upstream and in `../shared/specs`. */
    file: string;
    /** Hex SHA-256 of the file's bytes. */
    sha256: string;
    /** Where to download it from when no local copy exists. */
    url: string;
}
export interface Manifest {
    upstream: {
        repository: string;
        commit: string;
        license: string;
    };
    specs: SpecEntry[];
}
export declare const PRODUCTS: readonly Product[];
/** Repository root (this file lives in `<root>/spec/`). */
export declare const REPO_ROOT: string;
export declare const MANIFEST_PATH: string;
export declare const manifest: Manifest;
/** Every spec of a product (or of all products), oldest first. */
export declare function listSpecs(product?: Product, from?: Manifest): SpecEntry[];
export declare function isProduct(value: string): value is Product;
/**
 * The manifest entry for a product and version (`latest` for the newest).
 *
 * @example
 * ```ts
 * findSpec("flasharray", "2.38").url; // https://raw.githubusercontent.com/…/FA2.38.spec.yaml
 * ```
 */
export declare function findSpec(product: Product, version: string, from?: Manifest): SpecEntry;
export declare function sha256Hex(bytes: Uint8Array): string;
export interface ResolveOptions {
    /** Overrides `process.env.PURE_SPECS_DIR`. */
    specsDir?: string | undefined;
    /** Where downloads are cached. Default: `$XDG_CACHE_HOME/purekit/specs` or `~/.cache/purekit/specs`. */
    cacheDir?: string;
    /** Never download. */
    offline?: boolean;
    /** Used to download; defaults to the global fetch. */
    fetch?: typeof fetch;
}
/** Where a spec was found. */
export interface ResolvedSpec {
    entry: SpecEntry;
    path: string;
    bytes: Uint8Array;
    source: "PURE_SPECS_DIR" | "shared" | "cache" | "download";
}
export declare function defaultCacheDir(): string;
/** The places looked at, in order, for one spec. */
export declare function candidatePaths(entry: SpecEntry, options?: ResolveOptions): {
    source: ResolvedSpec["source"];
    path: string;
}[];
/**
 * Finds a spec file: `PURE_SPECS_DIR`, then `../shared/specs` beside the
 * repository, then the download cache, then the upstream URL. The checksum is
 * verified in every case; a mismatch is an error, never a silent use.
 *
 * @example
 * ```ts
 * const { path, bytes } = await resolveSpec(findSpec("flashblade", "latest"));
 * ```
 */
export declare function resolveSpec(entry: SpecEntry, options?: ResolveOptions): Promise<ResolvedSpec>;
/**
 * A spec file of your own as a manifest entry: product and version from the file
 * name (`FA2.57.spec.yaml`, `FB2.29.spec.yaml`, `Pure1-1.7.spec.yaml`) unless given,
 * and its checksum.
 *
 * @example
 * ```ts
 * const entry = await describeSpecFile("./FA2.57.spec.yaml"); // { product: "flasharray", version: "2.57", … }
 * ```
 */
export declare function describeSpecFile(file: string, options?: {
    product?: Product | undefined;
    version?: string | undefined;
    url?: string | undefined;
}): Promise<SpecEntry>;
/**
 * Adds (or updates) a manifest entry for a spec file, computing its checksum.
 * Product and version come from the file name (`FA2.57.spec.yaml`,
 * `FB2.29.spec.yaml`, `Pure1-1.7.spec.yaml`) unless given.
 */
export declare function addSpecToManifest(file: string, options?: {
    product?: Product;
    version?: string;
    url?: string;
    manifestPath?: string;
}): Promise<SpecEntry>;
//# sourceMappingURL=index.d.ts.map