/**
 * The generated operation tables and component schemas, loaded per product and
 * version on first use and cached for the life of the process. The mock never reads
 * the vendor's YAML: the generator already turned it into these.
 */
import type { HttpMethod, OperationInfo, OperationTable, Product } from "../spec/table.js";
/** A JSON schema object as the specs write them (OpenAPI 3.0 dialect). */
export type Schema = Record<string, unknown>;
/** Everything the mock knows about one REST version of one product. */
export interface VersionSpec {
    product: Product;
    version: string;
    table: OperationTable;
    /** `components.schemas` of that version. */
    schemas: Record<string, Schema>;
    /** Data operations by `METHOD /path` (`GET /volumes`). */
    operations: Map<string, OperationInfo>;
    /** Version-free data paths. */
    paths: Set<string>;
}
/** REST versions generated for a product, oldest first. */
export declare function generatedVersions(product: Product): readonly string[];
/** The newest generated version of a product. */
export declare function latestVersion(product: Product): string;
/** Loads (once) the table and schemas of one version. */
export declare function loadVersion(product: Product, version: string): Promise<VersionSpec>;
/** Looks an operation up. */
export declare function operationOf(spec: VersionSpec, method: HttpMethod | string, path: string): OperationInfo | undefined;
/** Follows a `$ref` (one level). */
export declare function deref(spec: VersionSpec, schema: Schema | undefined): Schema | undefined;
/** The properties of a schema with `allOf` branches and `$ref`s merged (later branches win). */
export declare function propertiesOf(spec: VersionSpec, schema: Schema | undefined, depth?: number): Record<string, Schema>;
/** The type of a schema after following `$ref`/`allOf` (`object` when it has properties). */
export declare function typeOf(spec: VersionSpec, schema: Schema | undefined): string | undefined;
/** The schema of the items a response lists (`VolumeGetResponse` → `Volume`). */
export declare function itemSchemaOf(spec: VersionSpec, responseSchema: string | null): Schema | undefined;
/** Properties of the items a response lists (`VolumeGetResponse` → properties of `Volume`). */
export declare function itemPropertiesOf(spec: VersionSpec, responseSchema: string | null): Record<string, Schema>;
/** Names a schema requires, `allOf` branches merged. */
export declare function requiredOf(spec: VersionSpec, schema: Schema | undefined, depth?: number): string[];
/**
 * The smallest value a schema accepts, filling required properties only: `""`, `0`,
 * `false`, `[]`, or an object of its required properties (first enum value when listed).
 */
export declare function minimalValue(spec: VersionSpec, schema: Schema | undefined, depth?: number): unknown;
/** Rounds numbers where the schema wants integers (recorded answers of older releases carry floats). */
export declare function conformIntegers(spec: VersionSpec, schema: Schema | undefined, value: unknown, depth?: number): unknown;
/** Top-level properties of a response schema (`items`, `continuation_token`, `total`…). */
export declare function envelopeOf(spec: VersionSpec, responseSchema: string | null): Record<string, Schema>;
//# sourceMappingURL=spec.d.ts.map