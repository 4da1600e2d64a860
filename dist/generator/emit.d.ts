import type { Product } from "../spec/table.js";
import type { RawVersion } from "./product.js";
export declare const HEADER: (product: Product, version: string, file: string) => string;
/** Parses YAML or JSON, naming the file on failure. */
export declare function parseSpecText(text: string, source: string): unknown;
export interface EmittedVersion {
    /** The version's raw output; generator/product.ts pools it with the product's other versions. */
    raw: RawVersion;
    operations: number;
    authOperations: number;
}
/**
 * Generates one version's raw output (types text, operation table, component schemas).
 *
 * @example
 * ```ts
 * const out = await emitVersion(text, { product: "flasharray", version: "2.56", source: "FA2.56.spec.yaml" });
 * out.raw.types; // openapi-typescript output with `/volumes`, not `/api/2.56/volumes`
 * ```
 */
export declare function emitVersion(text: string, meta: {
    product: Product;
    version: string;
    source: string;
}): Promise<EmittedVersion>;
//# sourceMappingURL=emit.d.ts.map