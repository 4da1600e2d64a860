/** Numeric order of REST versions: `2.9` < `2.10`. */
export declare function compareVersions(a: string, b: string): number;
/** The versions listed in an `api_version` answer, whichever key the product uses. */
export declare function listedVersions(body: unknown): string[];
/**
 * Picks the version to speak.
 *
 * @param offered what the array lists
 * @param known what purekit has generated, oldest first
 * @param pinned what the user asked for, if anything
 */
export declare function chooseVersion(product: string, origin: string, offered: readonly string[], known: readonly string[], pinned?: string): string;
//# sourceMappingURL=versions.d.ts.map