/**
 * The generated operation tables and component schemas, loaded per product and
 * version on first use and cached for the life of the process. The mock never reads
 * the vendor's YAML: the generator already turned it into these.
 */
import * as flasharray from "../generated/flasharray/index.js";
import * as flashblade from "../generated/flashblade/index.js";
import * as pure1 from "../generated/pure1/index.js";
const PRODUCTS = { flasharray, flashblade, pure1 };
/** REST versions generated for a product, oldest first. */
export function generatedVersions(product) {
    return PRODUCTS[product].versions;
}
/** The newest generated version of a product. */
export function latestVersion(product) {
    return PRODUCTS[product].latest;
}
const cache = new Map();
/** Loads (once) the table and schemas of one version. */
export function loadVersion(product, version) {
    const key = `${product}@${version}`;
    let pending = cache.get(key);
    if (!pending) {
        pending = load(product, version);
        cache.set(key, pending);
        pending.catch(() => cache.delete(key));
    }
    return pending;
}
async function load(product, version) {
    const table = await PRODUCTS[product].loadTable(version);
    const schemas = (await PRODUCTS[product].loadSchemas(version));
    const operations = new Map();
    const paths = new Set();
    for (const op of table.operations) {
        operations.set(`${op.method.toUpperCase()} ${op.path}`, op);
        paths.add(op.path);
    }
    return { product, version, table, schemas, operations, paths };
}
/** Looks an operation up. */
export function operationOf(spec, method, path) {
    return spec.operations.get(`${method.toUpperCase()} ${path}`);
}
// --------------------------------------------------------------------------------- schema helpers
function refName(ref) {
    return ref.slice(ref.lastIndexOf("/") + 1);
}
/** Follows a `$ref` (one level). */
export function deref(spec, schema) {
    if (schema && typeof schema.$ref === "string")
        return spec.schemas[refName(schema.$ref)];
    return schema;
}
const propertyCache = new WeakMap();
/** The properties of a schema with `allOf` branches and `$ref`s merged (later branches win). */
export function propertiesOf(spec, schema, depth = 0) {
    const resolved = deref(spec, schema);
    if (!resolved || depth > 20)
        return {};
    const cached = propertyCache.get(resolved);
    if (cached)
        return cached;
    let out = {};
    for (const branch of resolved.allOf ?? []) {
        out = { ...out, ...propertiesOf(spec, branch, depth + 1) };
    }
    out = { ...out, ...(resolved.properties ?? {}) };
    propertyCache.set(resolved, out);
    return out;
}
/** The type of a schema after following `$ref`/`allOf` (`object` when it has properties). */
export function typeOf(spec, schema) {
    const resolved = deref(spec, schema);
    if (!resolved)
        return undefined;
    if (typeof resolved.type === "string")
        return resolved.type;
    for (const branch of resolved.allOf ?? []) {
        const t = typeOf(spec, branch);
        if (t)
            return t;
    }
    return Object.keys(propertiesOf(spec, resolved)).length ? "object" : undefined;
}
/** The schema of the items a response lists (`VolumeGetResponse` → `Volume`). */
export function itemSchemaOf(spec, responseSchema) {
    if (!responseSchema)
        return undefined;
    const items = propertiesOf(spec, spec.schemas[responseSchema]).items;
    return deref(spec, deref(spec, items)?.items);
}
/** Properties of the items a response lists (`VolumeGetResponse` → properties of `Volume`). */
export function itemPropertiesOf(spec, responseSchema) {
    return propertiesOf(spec, itemSchemaOf(spec, responseSchema));
}
/** Names a schema requires, `allOf` branches merged. */
export function requiredOf(spec, schema, depth = 0) {
    const resolved = deref(spec, schema);
    if (!resolved || depth > 20)
        return [];
    const out = new Set(resolved.required ?? []);
    for (const branch of resolved.allOf ?? []) {
        for (const name of requiredOf(spec, branch, depth + 1))
            out.add(name);
    }
    return [...out];
}
/**
 * The smallest value a schema accepts, filling required properties only: `""`, `0`,
 * `false`, `[]`, or an object of its required properties (first enum value when listed).
 */
export function minimalValue(spec, schema, depth = 0) {
    const resolved = deref(spec, schema);
    if (!resolved || depth > 8)
        return null;
    if (Array.isArray(resolved.enum) && resolved.enum.length)
        return resolved.enum[0];
    switch (typeOf(spec, resolved)) {
        case "string":
            return "";
        case "integer":
        case "number":
            return typeof resolved.minimum === "number" ? resolved.minimum : 0;
        case "boolean":
            return false;
        case "array": {
            const min = typeof resolved.minItems === "number" ? resolved.minItems : 0;
            return Array.from({ length: min }, () => minimalValue(spec, resolved.items, depth + 1));
        }
        case "object": {
            const props = propertiesOf(spec, resolved);
            const out = {};
            for (const name of requiredOf(spec, resolved))
                out[name] = minimalValue(spec, props[name], depth + 1);
            return out;
        }
        default:
            return null;
    }
}
/** Rounds numbers where the schema wants integers (recorded answers of older releases carry floats). */
export function conformIntegers(spec, schema, value, depth = 0) {
    if (depth > 12 || value === null || value === undefined)
        return value;
    const type = typeOf(spec, schema);
    if (type === "integer" && typeof value === "number" && !Number.isInteger(value))
        return Math.round(value);
    if (type === "array" && Array.isArray(value)) {
        const element = deref(spec, schema)?.items;
        return value.map((v) => conformIntegers(spec, element, v, depth + 1));
    }
    if (type === "object" && typeof value === "object" && !Array.isArray(value)) {
        const props = propertiesOf(spec, schema);
        const out = {};
        for (const [k, v] of Object.entries(value))
            out[k] = props[k] ? conformIntegers(spec, props[k], v, depth + 1) : v;
        return out;
    }
    return value;
}
/** Top-level properties of a response schema (`items`, `continuation_token`, `total`…). */
export function envelopeOf(spec, responseSchema) {
    return responseSchema ? propertiesOf(spec, spec.schemas[responseSchema]) : {};
}
//# sourceMappingURL=spec.js.map