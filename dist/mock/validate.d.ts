import type { OperationInfo } from "../spec/table.js";
import type { Schema, VersionSpec } from "./spec.js";
/** A query parameter value after parsing. */
export type QueryValue = string | number | boolean | string[] | number[] | boolean[];
/** Parsed, validated query parameters. */
export type Query = Record<string, QueryValue>;
/**
 * Splits a raw query string. List elements are split on literal commas *before*
 * decoding, so `names=a,b%2Cc` is `["a", "b,c"]` (PROTOCOL.md: each element is
 * percent-encoded); URLSearchParams would lose that distinction.
 */
export declare function splitQuery(search: string, listParams: readonly string[]): Map<string, string[]>;
/** Parses and validates the query of a request against its operation. */
export declare function parseQuery(search: string, op: OperationInfo): Query;
/** Options of {@link createSchemaValidator}. */
export interface SchemaValidatorOptions {
    /**
     * Treat every typed schema as `nullable: true`. The vendor specs declare no
     * `nullable` at all, yet real arrays answer `null` for every unset field
     * (`continuation_token: null`, `space.shared: null` in the recorded answers), so
     * answers are checked with null allowed and everything else strict.
     */
    nullable?: boolean;
}
/**
 * A JSON-schema validator over one version's `components.schemas`, compiling each
 * schema on first use.
 *
 * @example
 * ```ts
 * const validate = createSchemaValidator(spec.schemas, { nullable: true });
 * const errors = validate("VolumeGetResponse", body); // null when valid
 * ```
 */
export declare function createSchemaValidator(schemas: Record<string, Schema>, options?: SchemaValidatorOptions): (schemaName: string, value: unknown) => string[] | null;
/**
 * Reads and validates a JSON body, at most `maxBytes` long and at most
 * {@link checkJsonDepth}'s levels deep. Returns `undefined` when the operation takes no
 * body and none was sent.
 */
export declare function parseBody(request: Request, op: OperationInfo, spec: VersionSpec, maxBytes?: number): Promise<unknown>;
//# sourceMappingURL=validate.d.ts.map