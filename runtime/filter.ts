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
 * in `test/runtime/filter.test.ts` keep the two in step.
 */

import { PurekitError } from "./errors.ts";

// ---------------------------------------------------------------------------------------------
// Types: dotted paths of an item type, and the value type at each path
// ---------------------------------------------------------------------------------------------

/** A value a filter can compare a field with. */
export type FilterScalar = string | number | boolean;

/** List quantifiers the filter language knows: `hosts[any]='h1'`, `wwns[all]='x'`. */
export type Quantifier = "any" | "all";

/** One (path, value type) pair of an item type. */
interface Entry<P extends string, V> {
  path: P;
  value: V;
}

/** Depth counter for the recursive path types: generated schemas nest 3-4 levels; stop at 6. */
type Prev = [never, 0, 1, 2, 3, 4, 5];
type MaxDepth = 6;

type EntriesOf<T, D extends number> = [D] extends [never]
  ? never
  : T extends readonly unknown[]
    ? never
    : T extends object
      ? { [K in keyof T & string]-?: KeyEntries<K, NonNullable<T[K]>, D> }[keyof T & string]
      : never;

type KeyEntries<K extends string, V, D extends number> = unknown extends V
  ? Entry<K | `${K}.${string}` | `${K}[${Quantifier}]` | `${K}[${Quantifier}].${string}`, FilterScalar>
  : V extends FilterScalar
    ? Entry<K, V>
    : V extends readonly (infer E)[]
      ? ElementEntries<`${K}[${Quantifier}]`, NonNullable<E>, Prev[D]>
      : V extends object
        ? Prefixed<K, EntriesOf<V, Prev[D]>>
        : never;

/** Elements of a list: scalars compare directly; objects expose their fields, and match by `name`. */
type ElementEntries<Q extends string, E, D extends number> = unknown extends E
  ? Entry<Q | `${Q}.${string}`, FilterScalar>
  : E extends FilterScalar
    ? Entry<Q, E>
    : E extends readonly unknown[]
      ? never
      : E extends object
        ? Prefixed<Q, EntriesOf<E, D>> | NameEntry<Q, E>
        : never;

type NameEntry<Q extends string, E> = E extends { name?: infer N }
  ? NonNullable<N> extends FilterScalar
    ? Entry<Q, NonNullable<N>>
    : never
  : never;

type Prefixed<K extends string, X> =
  X extends Entry<infer P extends string, infer V> ? Entry<`${K}.${P}`, V> : never;

type PathEntries<T> = EntriesOf<T, MaxDepth>;

/**
 * Field names a filter on items of type `T` may use: dotted paths to scalar fields, with
 * `[any]`/`[all]` after list fields. `string` when `T` is `unknown` (untyped filters).
 *
 * @example
 * ```ts
 * type V = { name?: string; space?: { total_physical?: number }; hosts?: { name?: string }[] };
 * type P = FieldPath<V>; // "name" | "space.total_physical" | "hosts[any]" | "hosts[any].name" | "hosts[all]" | …
 * ```
 */
export type FieldPath<T> = unknown extends T ? string : PathEntries<T>["path"];

/**
 * The type of the value at field path `P` of `T` (for `[any]` over references, the type of
 * their `name`). {@link FilterScalar} when `T` is `unknown`.
 *
 * @example
 * ```ts
 * type V = { provisioned?: number; subtype?: "regular" | "protocol_endpoint" };
 * type A = FieldValue<V, "provisioned">; // number
 * type B = FieldValue<V, "subtype">;     // "regular" | "protocol_endpoint"
 * ```
 */
export type FieldValue<T, P extends string> = unknown extends T
  ? FilterScalar
  : PathEntries<T> extends infer E
    ? E extends Entry<infer EP, infer V>
      ? P extends EP
        ? V
        : never
      : never
    : never;

/**
 * List fields of `T`, without the quantifier: the fields {@link FilterBuilder.any} takes.
 *
 * @example
 * ```ts
 * type H = { wwns?: string[]; preferred_arrays?: { name?: string }[] };
 * type L = ListField<H>; // "wwns" | "preferred_arrays"
 * ```
 */
export type ListField<T> = unknown extends T
  ? string
  : FieldPath<T> extends infer P
    ? P extends `${infer B}[any]`
      ? B
      : never
    : never;

/**
 * Fields of `T` that `sort` accepts: dotted paths to scalar fields, without list quantifiers.
 *
 * @example
 * ```ts
 * type V = { name?: string; space?: { total_physical?: number }; hosts?: string[] };
 * type S = SortField<V>; // "name" | "space.total_physical"
 * ```
 */
export type SortField<T> = unknown extends T
  ? string
  : FieldPath<T> extends infer P
    ? P extends `${string}[${string}`
      ? never
      : P
    : never;

/** Values `<`, `<=`, `>`, `>=` accept for a field of value type `V`: numbers and strings only. */
type Ordered<V> = (V extends number ? number : never) | (V extends string ? string : never);
/** Values `contains` and `like` accept for a field of value type `V`: strings only. */
type Text<V> = V extends string ? string : never;

// ---------------------------------------------------------------------------------------------
// The Filter value
// ---------------------------------------------------------------------------------------------

/** How tightly a rendered expression binds, to know when it needs parentheses. */
const OR = 0;
const AND = 1;
const ATOM = 2;
type Precedence = typeof OR | typeof AND | typeof ATOM;

let createFilter: <F = string>(text: string, precedence: Precedence) => FilterExpression<F>;
let precedenceOf: <F>(filter: FilterExpression<F>) => Precedence;
let isFilter: (value: unknown) => value is FilterExpression<unknown>;

/**
 * A filter on items of type `T`: see {@link FilterExpression}. `Filter<unknown>` (the default)
 * is an untyped filter, which combines with filters of any item type.
 *
 * @example
 * ```ts
 * function active(v: FilterBuilder<Volume>): Filter<Volume> {
 *   return v.eq("destroyed", false);
 * }
 * ```
 */
export type Filter<T = unknown> = FilterExpression<FieldPath<T>>;

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
export class FilterExpression<Fields = string> {
  readonly #text: string;
  readonly #precedence: Precedence;
  /** Phantom, never set at run time: keeps filters of different item types apart. */
  declare protected readonly fields: (field: Fields) => Fields;

  private constructor(text: string, precedence: Precedence) {
    this.#text = text;
    this.#precedence = precedence;
  }

  static {
    createFilter = <F>(text: string, precedence: Precedence) => new FilterExpression<F>(text, precedence);
    precedenceOf = (filter) => filter.#precedence;
    isFilter = (value): value is FilterExpression<unknown> =>
      typeof value === "object" && value !== null && #text in value;
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
  and(...others: [Combinable<Fields>, ...Combinable<Fields>[]]): FilterExpression<Fields> {
    return combine<Fields>("and", "filter.and()", [this, ...others]);
  }

  /**
   * This filter or any of `others`.
   *
   * @example
   * ```ts
   * f.eq("name", "a").or(f.eq("name", "b")).toString(); // "name='a' or name='b'"
   * ```
   */
  or(...others: [Combinable<Fields>, ...Combinable<Fields>[]]): FilterExpression<Fields> {
    return combine<Fields>("or", "filter.or()", [this, ...others]);
  }

  /**
   * The expression as the arrays take it in the `filter` query parameter.
   *
   * @example
   * ```ts
   * String(f.eq("name", "vol1")); // "name='vol1'"; calls take the filter itself: { filter: f.eq("name", "vol1") }
   * ```
   */
  toString(): string {
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
  toJSON(): string {
    return this.#text;
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering and validation
// ---------------------------------------------------------------------------------------------

const SEGMENT = "[A-Za-z_][A-Za-z0-9_]*";
const FIELD_PATTERN = new RegExp(
  `^${SEGMENT}(?:\\[(?:any|all)\\])?(?:\\.${SEGMENT}(?:\\[(?:any|all)\\])?)*$`,
);
const SORT_FIELD_PATTERN = new RegExp(`^${SEGMENT}(?:\\.${SEGMENT})*$`);

function invalid(message: string): PurekitError {
  return new PurekitError("ERR_INVALID_ARGUMENT", message);
}

function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "symbol" || typeof value === "function") return typeof value;
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object" && value !== null) return "an object";
  return String(value);
}

function checkField(field: unknown, where: string): string {
  if (typeof field !== "string" || !FIELD_PATTERN.test(field)) {
    throw invalid(
      `${where}: invalid field name ${show(field)}. A field is a property path such as "name", ` +
        `"space.total_physical" or "hosts[any]": letters, digits, "_", "." and "[any]"/"[all]" only.`,
    );
  }
  return field;
}

/** How `*` in a string value is written: escaped (matches a literal `*`) or kept (a wildcard). */
type Stars = "escape" | "wildcard";

function quote(text: string, stars: Stars): string {
  const escaped = stars === "escape" ? text.replace(/[\\'*]/g, "\\$&") : text.replace(/[\\']/g, "\\$&");
  return `'${escaped}'`;
}

function literal(value: unknown, where: string, stars: Stars): string {
  switch (typeof value) {
    case "string":
      return quote(value, stars);
    case "number":
      if (!Number.isFinite(value)) {
        throw invalid(
          `${where}: the value ${value} is not a finite number; the arrays compare finite numbers only.`,
        );
      }
      return String(value);
    case "boolean":
      return value ? "true" : "false";
    case "undefined":
      throw invalid(
        `${where}: the value is undefined. To match a field that is not set, compare it with null.`,
      );
    default:
      if (value === null) return "null";
      throw invalid(
        `${where}: cannot compare with ${show(value)}; use a string, a finite number, a boolean or null.`,
      );
  }
}

function comparison(
  method: string,
  op: string,
  field: unknown,
  value: unknown,
  stars: Stars,
): Filter<unknown> {
  const where = `f.${method}(${show(field)})`;
  return createFilter(`${checkField(field, where)}${op}${literal(value, where, stars)}`, ATOM);
}

function ordered(method: string, op: string, field: unknown, value: unknown): Filter<unknown> {
  if (typeof value !== "number" && typeof value !== "string") {
    throw invalid(`f.${method}(${show(field)}): ${op} compares numbers or strings, not ${show(value)}.`);
  }
  return comparison(method, op, field, value, "escape");
}

function text(method: string, value: unknown, field: unknown): string {
  if (typeof value !== "string") {
    throw invalid(`f.${method}(${show(field)}): expected a string, got ${show(value)}.`);
  }
  return value;
}

function inList(method: string, field: unknown, values: unknown): string {
  const where = `f.${method}(${show(field)})`;
  const name = checkField(field, where);
  if (!Array.isArray(values)) throw invalid(`${where}: expected an array of values, got ${show(values)}.`);
  if (values.length === 0) {
    throw invalid(
      `${where}: the list of values is empty, so nothing would match; leave this condition out instead.`,
    );
  }
  return `${name}=(${values.map((v: unknown) => literal(v, where, "escape")).join(",")})`;
}

function combine<F>(op: "and" | "or", where: string, filters: readonly unknown[]): FilterExpression<F> {
  if (filters.length === 0) throw invalid(`${where}: needs at least one filter.`);
  const parts: string[] = [];
  for (const [i, filter] of filters.entries()) {
    if (!isFilter(filter)) {
      throw invalid(
        `${where}: argument ${i + 1} is ${show(filter)}, not a filter. Build conditions with f.eq(), ` +
          "f.contains() and the like, so values are quoted safely.",
      );
    }
    // `and` binds tighter than `or`: an `or` inside an `and` needs parentheses; nothing else does.
    const needsParens = op === "and" && precedenceOf(filter) === OR;
    parts.push(needsParens ? `(${filter})` : String(filter));
  }
  if (parts.length === 1) return filters[0] as FilterExpression<F>;
  return createFilter<F>(parts.join(` ${op} `), op === "and" ? AND : OR);
}

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

/** A filter of items of type `T`, or an untyped one (which fits anywhere). */
type FilterOf<T> = Filter<T> | Filter<unknown>;
/** Same, by field set: what `FilterExpression.and`/`or` take. */
type Combinable<Fields> = FilterExpression<Fields> | FilterExpression<string>;

/**
 * Makes filters for items of type `T`. Get one with {@link filterFor}, or use the untyped {@link f}.
 * Every method validates its arguments and throws a `PurekitError` with code
 * `ERR_INVALID_ARGUMENT` on a bad field name or value.
 *
 * @example
 * ```ts
 * const v = filterFor<Volume>();
 * v.and(v.eq("destroyed", false), v.or(v.like("name", "prod-*"), v.any("hosts", "esx1")));
 * // "destroyed=false and (name='prod-*' or hosts[any]='esx1')"
 * ```
 */
export interface FilterBuilder<T> {
  /**
   * `field` equals `value`; `null` matches a field that is not set. `*` in a string is a literal
   * asterisk here: for wildcards use {@link FilterBuilder.like}.
   *
   * @example
   * ```ts
   * f.eq("name", "O'Brien").toString(); // "name='O\\'Brien'"
   * ```
   */
  eq<P extends FieldPath<T>>(field: P, value: FieldValue<T, P> | null): Filter<T>;
  /**
   * `field` differs from `value` (also true when the field is not set, unless `value` is `null`).
   *
   * @example
   * ```ts
   * f.ne("subtype", "protocol_endpoint").toString(); // "subtype!='protocol_endpoint'"
   * ```
   */
  ne<P extends FieldPath<T>>(field: P, value: FieldValue<T, P> | null): Filter<T>;
  /**
   * `field` is greater than `value` (numbers numerically, strings lexicographically).
   *
   * @example
   * ```ts
   * f.gt("space.total_physical", 5).toString(); // "space.total_physical>5"
   * ```
   */
  gt<P extends FieldPath<T>>(field: P, value: Ordered<FieldValue<T, P>>): Filter<T>;
  /**
   * `field` is greater than or equal to `value`.
   *
   * @example
   * ```ts
   * f.gte("provisioned", 1024).toString(); // "provisioned>=1024"
   * ```
   */
  gte<P extends FieldPath<T>>(field: P, value: Ordered<FieldValue<T, P>>): Filter<T>;
  /**
   * `field` is less than `value`.
   *
   * @example
   * ```ts
   * f.lt("created", Date.parse("2021-01-01")).toString(); // "created<1609459200000"
   * ```
   */
  lt<P extends FieldPath<T>>(field: P, value: Ordered<FieldValue<T, P>>): Filter<T>;
  /**
   * `field` is less than or equal to `value`.
   *
   * @example
   * ```ts
   * f.lte("name", "m").toString(); // "name<='m'"
   * ```
   */
  lte<P extends FieldPath<T>>(field: P, value: Ordered<FieldValue<T, P>>): Filter<T>;
  /**
   * `field` equals one of `values` (at least one).
   *
   * @example
   * ```ts
   * f.in("name", ["a", "b"]).toString(); // "name=('a','b')"
   * ```
   */
  in<P extends FieldPath<T>>(field: P, values: readonly (FieldValue<T, P> | null)[]): Filter<T>;
  /**
   * `field` equals none of `values`; rendered as `not(field=(…))`.
   *
   * @example
   * ```ts
   * f.notIn("name", ["a", "b"]).toString(); // "not(name=('a','b'))"
   * ```
   */
  notIn<P extends FieldPath<T>>(field: P, values: readonly (FieldValue<T, P> | null)[]): Filter<T>;
  /**
   * `field` matches a wildcard `pattern`: `*` stands for any run of characters (none included).
   *
   * @example
   * ```ts
   * f.like("name", "vol*").toString(); // "name='vol*'"
   * ```
   */
  like<P extends FieldPath<T>>(field: P, pattern: Text<FieldValue<T, P>>): Filter<T>;
  /**
   * `field` contains `text` (case-sensitive; `*` is literal).
   *
   * @example
   * ```ts
   * f.contains("name", "esx").toString(); // "contains(name,'esx')"
   * ```
   */
  contains<P extends FieldPath<T>>(field: P, text: Text<FieldValue<T, P>>): Filter<T>;
  /**
   * Some element of the list `field` equals `value`; elements that are references
   * (`{ name, id }`) match by name. Same as `eq(\`${field}[any]\`, value)`.
   *
   * @example
   * ```ts
   * f.any("hosts", "h1").toString(); // "hosts[any]='h1'"
   * ```
   */
  any<L extends ListField<T>>(field: L, value: FieldValue<T, `${L}[any]`> | null): Filter<T>;
  /**
   * The item has a tag with this key and value (in any namespace).
   *
   * @example
   * ```ts
   * f.tags("env", "prod").toString(); // "tags('env','prod')"
   * ```
   */
  tags(key: string, value: string): Filter<T>;
  /**
   * The opposite of `filter`.
   *
   * @example
   * ```ts
   * f.not(f.eq("name", "x")).toString(); // "not(name='x')"
   * ```
   */
  not(filter: FilterOf<T>): Filter<T>;
  /**
   * All of `filters` hold. Parenthesises `or` operands as needed.
   *
   * @example
   * ```ts
   * f.and(f.eq("a", 1), f.or(f.eq("b", 2), f.eq("c", 3))).toString(); // "a=1 and (b=2 or c=3)"
   * ```
   */
  and(...filters: [FilterOf<T>, ...FilterOf<T>[]]): Filter<T>;
  /**
   * At least one of `filters` holds.
   *
   * @example
   * ```ts
   * f.or(f.eq("name", "a"), f.eq("name", "b")).toString(); // "name='a' or name='b'"
   * ```
   */
  or(...filters: [FilterOf<T>, ...FilterOf<T>[]]): Filter<T>;
}

const builder: FilterBuilder<unknown> = {
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
      throw invalid(
        `f.any(${show(field)}): give the list field without a quantifier, e.g. f.any("hosts", "h1").`,
      );
    }
    return comparison("any", "=", `${field}[any]`, value, "escape");
  },
  tags: (key, value) =>
    // Tag arguments are compared literally (no wildcards), so `*` stays as is.
    createFilter(
      `tags(${quote(text("tags", key, "key"), "wildcard")},${quote(text("tags", value, "value"), "wildcard")})`,
      ATOM,
    ),
  not: (filter) => {
    if (!isFilter(filter)) throw invalid(`f.not(): expected a filter, got ${show(filter)}.`);
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
export function filterFor<T>(): FilterBuilder<T> {
  return builder as unknown as FilterBuilder<T>;
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
export const f: FilterBuilder<unknown> = builder;

// ---------------------------------------------------------------------------------------------
// Sort
// ---------------------------------------------------------------------------------------------

/**
 * Makes `sort` keys for items of type `T`. Several keys go in a list: `sort: [s.desc("provisioned"), s.asc("name")]`.
 *
 * @example
 * ```ts
 * const s = sortFor<Volume>();
 * s.desc("space.total_physical"); // "space.total_physical-"
 * ```
 */
export interface SortBuilder<T> {
  /**
   * Ascending order on `field`.
   *
   * @example
   * ```ts
   * sort.asc("name"); // "name"
   * ```
   */
  asc<P extends SortField<T>>(field: P): P;
  /**
   * Descending order on `field`.
   *
   * @example
   * ```ts
   * sort.desc("name"); // "name-"
   * ```
   */
  desc<P extends SortField<T>>(field: P): `${P & string}-`;
}

function checkSortField(field: unknown, method: string): string {
  if (typeof field !== "string" || !SORT_FIELD_PATTERN.test(field)) {
    throw invalid(
      `sort.${method}(${show(field)}): invalid field name. A sort field is a property path such as "name" ` +
        `or "space.total_physical": letters, digits, "_" and "." only.`,
    );
  }
  return field;
}

const sortBuilder: SortBuilder<unknown> = {
  asc: (field) => checkSortField(field, "asc") as typeof field,
  desc: (field) => `${checkSortField(field, "desc")}-` as `${typeof field}-`,
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
export function sortFor<T>(): SortBuilder<T> {
  return sortBuilder as unknown as SortBuilder<T>;
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
export const sort: SortBuilder<unknown> = sortBuilder;
