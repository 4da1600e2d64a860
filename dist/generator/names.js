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
export function friendlyName(method, path) {
    const words = path
        .split(/[/\-_.]+/)
        .filter(Boolean)
        .map((w) => w.replace(/[^A-Za-z0-9]/g, ""))
        .filter(Boolean);
    return method + words.map((w) => w[0].toUpperCase() + w.slice(1)).join("");
}
//# sourceMappingURL=names.js.map