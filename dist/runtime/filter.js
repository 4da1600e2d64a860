/**
 * Typed builders for the `filter` and `sort` query parameters of FlashArray, FlashBlade and Pure1.
 *
 * The arrays take `filter` as a small expression language:
 *
 * ```text
 * name='vol1' and provisioned>=1024      comparisons: = != < <= > >=, joined by and / or
 * not(name='x')                          negation (binds tighter than and, which binds tighter than or)
 * space.total_physical>5                 nested fields
 * hosts[any]='h1'                        any element of a list (elements that are references match by name)
 * contains(name,'x')                     case-sensitive substring
 * tags('k','v')                          has a tag with key k and value v
 * name=('a','b')                         in a list
 * name='vol*'                            `*` is a wildcard in = and != string comparisons
 * ```
 *
 * Building these strings by concatenation is how injection happens (`name='${userInput}'`), and
 * the official Python SDK does exactly that without escaping and without parentheses around
 * `or` inside `and`. This module never lets a caller's text reach the expression unescaped:
 *
 * - String values are single-quoted; `\` and `'` are backslash-escaped (`'O\'Brien'`), and in
 *   `=`/`!=`/in-list comparisons `*` is escaped too (`\*`), so `f.eq("name", "a*")` matches the
 *   literal name `a*`. Wildcards are opt-in with {@link FilterBuilder.like}. (`\'` is how
 *   Purity escapes a quote; `\*` is our convention, not checked on a real array. Object names on
 *   the arrays cannot contain `*`, so it only matters for free-text fields. `contains`, `tags` and `<`/`>` never treat `*` as a wildcard, so there it is
 *   left as is.)
 * - Field names must be property paths (letters, digits, `_`, `.`, `[any]`, `[all]`), checked at
 *   run time as well as at compile time.
 * - Numbers must be finite; `undefined`, objects and bigints are refused with `ERR_INVALID_ARGUMENT`.
 * - Filters combine only with filters, never with raw strings, and `and`/`or` insert the
 *   parentheses precedence needs.
 *
 * With an item type (`filterFor<Volume>()`), field names are checked against the type's dotted
 * paths and values against the field's type, so a misspelt field or a string compared with a
 * number fails to compile. Without one (`f`), any well-formed field name is accepted.
 *
 * The mock arrays parse and evaluate the same language (`mock/filter.ts`); the round-trip tests
 * in `test/filter.test.ts` keep the two in step.
 */
import { PurekitError } from "./errors.js";
// ---------------------------------------------------------------------------------------------
// The Filter value
// ---------------------------------------------------------------------------------------------
/** How tightly a rendered expression binds, to know when it needs parentheses. */
const OR = 0;
const AND = 1;
const ATOM = 2;
let createFilter;
let precedenceOf;
let isFilter;
/**
 * A filter expression, built only by {@link FilterBuilder} methods (the constructor is private, so
 * no unchecked text gets in). `String(filter)`, `` `${filter}` `` and `JSON.stringify` give the
 * wire form. Write its type as {@link Filter}`<Item>`.
 *
 * The type parameter is the set of field paths of the item type rather than the item type
 * itself: schemas whose properties are all optional (as generated ones are) are mutually
 * assignable, so `Filter<Volume>` and `Filter<Host>` would otherwise mix without a word.
 *
 * @example
 * ```ts
 * const big = f.gte("provisioned", 1024 ** 4);
 * const mine = big.and(f.like("name", "prod-*")).or(f.eq("name", "scratch"));
 * String(mine); // "provisioned>=1099511627776 and name='prod-*' or name='scratch'"
 * mine instanceof FilterExpression; // true
 * ```
 */
export class FilterExpression {
    #text;
    #precedence;
    constructor(text, precedence) {
        this.#text = text;
        this.#precedence = precedence;
    }
    static {
        createFilter = (text, precedence) => new FilterExpression(text, precedence);
        precedenceOf = (filter) => filter.#precedence;
        isFilter = (value) => typeof value === "object" && value !== null && #text in value;
    }
    /**
     * This filter and all of `others`.
     *
     * @example
     * ```ts
     * f.eq("destroyed", false).and(f.gt("space.total_physical", 0)).toString();
     * // "destroyed=false and space.total_physical>0"
     * ```
     */
    and(...others) {
        return combine("and", "filter.and()", [this, ...others]);
    }
    /**
     * This filter or any of `others`.
     *
     * @example
     * ```ts
     * f.eq("name", "a").or(f.eq("name", "b")).toString(); // "name='a' or name='b'"
     * ```
     */
    or(...others) {
        return combine("or", "filter.or()", [this, ...others]);
    }
    /**
     * The expression as the arrays take it in the `filter` query parameter.
     *
     * @example
     * ```ts
     * await fa.GET("/volumes", { params: { query: { filter: f.eq("name", "vol1").toString() } } });
     * ```
     */
    toString() {
        return this.#text;
    }
    /**
     * Serialises as the expression string.
     *
     * @example
     * ```ts
     * JSON.stringify({ filter: f.eq("name", "vol1") }); // '{"filter":"name=\'vol1\'"}'
     * ```
     */
    toJSON() {
        return this.#text;
    }
}
// ---------------------------------------------------------------------------------------------
// Rendering and validation
// ---------------------------------------------------------------------------------------------
const SEGMENT = "[A-Za-z_][A-Za-z0-9_]*";
const FIELD_PATTERN = new RegExp(`^${SEGMENT}(?:\\[(?:any|all)\\])?(?:\\.${SEGMENT}(?:\\[(?:any|all)\\])?)*$`);
const SORT_FIELD_PATTERN = new RegExp(`^${SEGMENT}(?:\\.${SEGMENT})*$`);
function invalid(message) {
    return new PurekitError("ERR_INVALID_ARGUMENT", message);
}
function show(value) {
    if (typeof value === "string")
        return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
    if (typeof value === "bigint")
        return `${value}n`;
    if (typeof value === "symbol" || typeof value === "function")
        return typeof value;
    if (Array.isArray(value))
        return "an array";
    if (typeof value === "object" && value !== null)
        return "an object";
    return String(value);
}
function checkField(field, where) {
    if (typeof field !== "string" || !FIELD_PATTERN.test(field)) {
        throw invalid(`${where}: invalid field name ${show(field)}. A field is a property path such as "name", ` +
            `"space.total_physical" or "hosts[any]": letters, digits, "_", "." and "[any]"/"[all]" only.`);
    }
    return field;
}
function quote(text, stars) {
    const escaped = stars === "escape" ? text.replace(/[\\'*]/g, "\\$&") : text.replace(/[\\']/g, "\\$&");
    return `'${escaped}'`;
}
function literal(value, where, stars) {
    switch (typeof value) {
        case "string":
            return quote(value, stars);
        case "number":
            if (!Number.isFinite(value)) {
                throw invalid(`${where}: the value ${value} is not a finite number; the arrays compare finite numbers only.`);
            }
            return String(value);
        case "boolean":
            return value ? "true" : "false";
        case "undefined":
            throw invalid(`${where}: the value is undefined. To match a field that is not set, compare it with null.`);
        default:
            if (value === null)
                return "null";
            throw invalid(`${where}: cannot compare with ${show(value)}; use a string, a finite number, a boolean or null.`);
    }
}
function comparison(method, op, field, value, stars) {
    const where = `f.${method}(${show(field)})`;
    return createFilter(`${checkField(field, where)}${op}${literal(value, where, stars)}`, ATOM);
}
function ordered(method, op, field, value) {
    if (typeof value !== "number" && typeof value !== "string") {
        throw invalid(`f.${method}(${show(field)}): ${op} compares numbers or strings, not ${show(value)}.`);
    }
    return comparison(method, op, field, value, "escape");
}
function text(method, value, field) {
    if (typeof value !== "string") {
        throw invalid(`f.${method}(${show(field)}): expected a string, got ${show(value)}.`);
    }
    return value;
}
function inList(method, field, values) {
    const where = `f.${method}(${show(field)})`;
    const name = checkField(field, where);
    if (!Array.isArray(values))
        throw invalid(`${where}: expected an array of values, got ${show(values)}.`);
    if (values.length === 0) {
        throw invalid(`${where}: the list of values is empty, so nothing would match; leave this condition out instead.`);
    }
    return `${name}=(${values.map((v) => literal(v, where, "escape")).join(",")})`;
}
function combine(op, where, filters) {
    if (filters.length === 0)
        throw invalid(`${where}: needs at least one filter.`);
    const parts = [];
    for (const [i, filter] of filters.entries()) {
        if (!isFilter(filter)) {
            throw invalid(`${where}: argument ${i + 1} is ${show(filter)}, not a filter. Build conditions with f.eq(), ` +
                "f.contains() and the like, so values are quoted safely.");
        }
        // `and` binds tighter than `or`: an `or` inside an `and` needs parentheses; nothing else does.
        const needsParens = op === "and" && precedenceOf(filter) === OR;
        parts.push(needsParens ? `(${filter})` : String(filter));
    }
    if (parts.length === 1)
        return filters[0];
    return createFilter(parts.join(` ${op} `), op === "and" ? AND : OR);
}
const builder = {
    eq: (field, value) => comparison("eq", "=", field, value, "escape"),
    ne: (field, value) => comparison("ne", "!=", field, value, "escape"),
    gt: (field, value) => ordered("gt", ">", field, value),
    gte: (field, value) => ordered("gte", ">=", field, value),
    lt: (field, value) => ordered("lt", "<", field, value),
    lte: (field, value) => ordered("lte", "<=", field, value),
    in: (field, values) => createFilter(inList("in", field, values), ATOM),
    notIn: (field, values) => createFilter(`not(${inList("notIn", field, values)})`, ATOM),
    like: (field, pattern) => comparison("like", "=", field, text("like", pattern, field), "wildcard"),
    contains: (field, value) => {
        const where = `f.contains(${show(field)})`;
        const name = checkField(field, where);
        // `*` has no special meaning inside contains(): no need to escape it.
        return createFilter(`contains(${name},${quote(text("contains", value, field), "wildcard")})`, ATOM);
    },
    any: (field, value) => {
        if (typeof field !== "string" || field.endsWith("]")) {
            throw invalid(`f.any(${show(field)}): give the list field without a quantifier, e.g. f.any("hosts", "h1").`);
        }
        return comparison("any", "=", `${field}[any]`, value, "escape");
    },
    tags: (key, value) => 
    // Tag arguments are compared literally (no wildcards), so `*` stays as is.
    createFilter(`tags(${quote(text("tags", key, "key"), "wildcard")},${quote(text("tags", value, "value"), "wildcard")})`, ATOM),
    not: (filter) => {
        if (!isFilter(filter))
            throw invalid(`f.not(): expected a filter, got ${show(filter)}.`);
        return createFilter(`not(${filter})`, ATOM);
    },
    and: (...filters) => combine("and", "f.and()", filters),
    or: (...filters) => combine("or", "f.or()", filters),
};
/**
 * A filter builder whose field names and values are checked against the item type `T`
 * (typically a schema of the generated types, such as `Volume`).
 *
 * @example
 * ```ts
 * import type { Volume } from "purekit/generated/flasharray/2.56"; // wherever your types live
 * const v = filterFor<Volume>();
 * v.gte("provisioned", 1024).and(v.eq("destroyed", false));
 * v.eq("provisoned", 1); // compile error: no such field
 * ```
 */
export function filterFor() {
    return builder;
}
/**
 * The untyped filter builder: any well-formed field name, any scalar value.
 *
 * @example
 * ```ts
 * f.eq("name", "vol1").and(f.gte("provisioned", 1024)).toString();
 * // "name='vol1' and provisioned>=1024"
 * ```
 */
export const f = builder;
function checkSortField(field, method) {
    if (typeof field !== "string" || !SORT_FIELD_PATTERN.test(field)) {
        throw invalid(`sort.${method}(${show(field)}): invalid field name. A sort field is a property path such as "name" ` +
            `or "space.total_physical": letters, digits, "_" and "." only.`);
    }
    return field;
}
const sortBuilder = {
    asc: (field) => checkSortField(field, "asc"),
    desc: (field) => `${checkSortField(field, "desc")}-`,
};
/**
 * A sort-key builder whose field names are checked against the item type `T`.
 *
 * @example
 * ```ts
 * const s = sortFor<Volume>();
 * const keys = [s.desc("provisioned"), s.asc("name")]; // ["provisioned-", "name"]
 * ```
 */
export function sortFor() {
    return sortBuilder;
}
/**
 * The untyped sort-key builder.
 *
 * @example
 * ```ts
 * sort.asc("name");  // "name"
 * sort.desc("name"); // "name-"
 * ```
 */
export const sort = sortBuilder;
//# sourceMappingURL=filter.js.map