/** One entry of one version: where it sits, and its text (already free of version-specific references). */
export interface Entry {
    /** What identifies it within a version, for ordering and error messages (`schemas.Volume`, `/volumes`). */
    key: string;
    /** The text that makes it distinct (type text, or JSON). */
    content: string;
}
/** A pooled entry: its stable name and the versions that use it. */
export interface PooledEntry {
    name: string;
    content: string;
    versions: string[];
    group: string;
}
export interface Pool {
    /** Entries by their content id. */
    entries: Map<string, PooledEntry>;
    /** Per version, entry key → pooled entry. */
    byVersion: Map<string, Map<string, PooledEntry>>;
    /** Group (file) name → its entries, in a stable order. */
    groups: Map<string, PooledEntry[]>;
}
export declare function hashOf(text: string, length?: number): string;
/** A readable identifier from a key: `schemas.Volume` → `Volume`, `/volumes/{id}` → `volumes_id`. */
export declare function identifierOf(key: string): string;
/**
 * Names a group by the versions it serves: contiguous runs of the product's
 * version list (`2.0-2.37`, `2.38`, `2.3-2.9_2.12`), or a hash when that would be long.
 */
export declare function groupName(versions: readonly string[], all: readonly string[]): string;
/**
 * Pools the entries of every version of one product.
 *
 * @param versions oldest first; every version's entries in a stable order
 * @param kindOf a short prefix per entry for readable names (`P` for paths…)
 */
export declare function poolEntries(versions: readonly string[], entriesOf: (version: string) => Iterable<Entry>, prefixOf?: (key: string) => string): Pool;
/** The groups a version draws from, in a stable order, with an import alias each. */
export declare function groupsOf(pool: Pool, version: string): Map<string, string>;
//# sourceMappingURL=share.d.ts.map