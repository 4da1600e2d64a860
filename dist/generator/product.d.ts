/**
 * Writes one product's shared output from the raw per-version output of the
 * workers: `types/` (declarations), `tables/` (operation tables) and `schemas/`
 * (component schemas for the mock), each as a pool of entries grouped by the
 * versions that use them (see share.ts), plus `index.js`/`index.d.ts` with the
 * version list and loaders written as literal `import()`s, so bundlers see them.
 */
import type { OperationTable, Product } from "../spec/table.js";
/** What a worker produced for one version. */
export interface RawVersion {
    version: string;
    /** The printed types of the version, with the trailer (AuthPath, DataPaths, …). */
    types: string;
    table: OperationTable;
    schemas: Record<string, unknown>;
}
/** Output files, relative to `<out>/<product>/`. */
export type Files = Map<string, string>;
/**
 * All output files of one product, from its versions' raw output (oldest first).
 *
 * @example
 * ```ts
 * const files = emitProduct("flasharray", raws); // Map: "types/2.56.d.ts" → text, …
 * ```
 */
export declare function emitProduct(product: Product, raws: readonly RawVersion[]): Files;
//# sourceMappingURL=product.d.ts.map