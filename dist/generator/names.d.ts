import type { HttpMethod } from "../spec/table.js";
/**
 * The py-pure-client style name of an operation: the method, then every path
 * segment in PascalCase. The specs carry no operationIds, so this is the only
 * stable name an operation has.
 *
 * @example
 * ```ts
 * friendlyName("patch", "/hosts/protection-groups"); // "patchHostsProtectionGroups"
 * ```
 */
export declare function friendlyName(method: HttpMethod, path: string): string;
//# sourceMappingURL=names.d.ts.map