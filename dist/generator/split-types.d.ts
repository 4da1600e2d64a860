/**
 * Splits openapi-typescript's printed output into shareable entries: each member of
 * `paths` and of each `components` section becomes an entry; everything else stays
 * verbatim. The printer's layout is fixed (4-space indent, one member per line at
 * its depth, JSDoc above), which is what this relies on; anything unexpected stays
 * verbatim, so an unknown shape costs sharing, never correctness.
 */
import type { Entry } from "./share.js";
export interface TypeEntry extends Entry {
    /** The member's key as written (`"/volumes"`, `Volume`). */
    keyText: string;
    optional: boolean;
    indent: number;
    /** Whether the body refers to the version (`$[...]`): such entries are generic in `$`. */
    generic: boolean;
}
export type Part = string | TypeEntry;
/** Splits a whole printed file. `parts` joined with "\n" (entries printed back in place) is the file. */
export declare function splitTypes(text: string): Part[];
/** Prefix per entry kind, so names read as what they are (`P_volumes_…` is a path item). */
export declare function typePrefix(key: string): string;
//# sourceMappingURL=split-types.d.ts.map