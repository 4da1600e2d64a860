import type { OperationTable, Product } from "../spec/table.js";
type Json = any;
/**
 * Header parameters the runtime supplies on every call. Operations declare
 * them (FA declares `Authorization` as a plain header parameter), but a user
 * should never have to pass them to satisfy the types.
 */
export declare const RUNTIME_HEADERS: ReadonlySet<string>;
export interface PreparedSpec {
    /** The document handed to openapi-typescript: version-free data paths, runtime headers removed. */
    doc: Json;
    table: OperationTable;
    /** Full paths of the auth and unversioned endpoints, as kept in `paths`. */
    authPaths: string[];
}
/** Follows a local JSON pointer (`#/components/schemas/Volume`); undefined when it does not resolve. */
export declare function resolvePointer(doc: Json, ref: string): Json;
/**
 * Prepares one parsed spec: validates it, strips the version prefix from data
 * paths, removes runtime-supplied header parameters, and builds the
 * operation table.
 *
 * @param source file name, for error messages
 */
export declare function prepareSpec(parsed: unknown, meta: {
    product: Product;
    version: string;
    source: string;
}): PreparedSpec;
export {};
//# sourceMappingURL=transform.d.ts.map