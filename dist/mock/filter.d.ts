/**
 * The `filter` query parameter, as the mock arrays understand it: a tokenizer, a recursive-descent
 * parser to an AST, and a compiler from the AST to a plain predicate. Compile once per request,
 * then run the predicate over every item (100k items take milliseconds).
 *
 * Grammar (keywords are case-insensitive, whitespace is free between tokens):
 *
 * ```text
 * filter     := or
 * or         := and ("or" and)*
 * and        := unary ("and" unary)*
 * unary      := "not" unary | primary                          precedence: not > and > or
 * primary    := "(" or ")"
 *             | "contains" "(" field "," string ")"
 *             | "tags" "(" string "," string ")"
 *             | field op value
 *             | field ("=" | "!=") "(" value ("," value)* ")"   in-list
 * op         := "=" | "!=" | "<" | "<=" | ">" | ">="
 * field      := segment ("." segment)*        segment := [A-Za-z_][A-Za-z0-9_]* ("[any]" | "[all]")?
 * value      := string | number | "true" | "false" | "null"
 * string     := "'" (char | "\'" | "\\" | "\*")* "'"          `*` unescaped is a wildcard in = / !=
 * number     := "-"? digits ("." digits)? (("e" | "E") ("+" | "-")? digits)?
 * ```
 *
 * Semantics (Purity's behaviour is not fully documented; where it is unknown, these are the
 * choices, kept simple and consistent):
 *
 * - A field that is missing, `null`, or of a different type than the value makes `=`, `<`, `<=`,
 *   `>`, `>=`, `contains` and in-lists false. `!=` is exactly `not(=)`: true for a missing field,
 *   so a filter and its negation always split a collection in two.
 * - `field=null` is true when the field is missing or `null`; `field!=null` when it is set.
 * - Numbers compare numerically, strings by code unit (lexicographically); nothing is coerced
 *   (`provisioned='5'` is false when `provisioned` is `5`). `<` etc. refuse `true`/`false`/`null`.
 * - `*` in a string compared with `=`/`!=` (or in an in-list) matches any run of characters;
 *   `\*` is a literal asterisk. Elsewhere (`<`, `contains`, `tags`) `*` is literal.
 * - `list[any]…` holds when some element satisfies the rest; `list[all]…` when every element does
 *   (an empty list satisfies `[all]` and not `[any]`; a missing field satisfies neither). When the
 *   quantifier ends the path, elements that are objects with a `name` compare by that name, so
 *   `hosts[any]='h1'` matches both `["h1"]` and `[{ name: "h1", id: … }]`.
 * - Only an object's own properties are read (`constructor`, `__proto__` are never found), and
 *   arrays have no fields (`hosts.length` is missing).
 * - `tags('k','v')` holds when `tags` has an element with `key` `k` and `value` `v` (any namespace).
 *
 * Errors are {@link FilterSyntaxError}s with the 0-based position of the offending character,
 * worded like the arrays' own: `Invalid filter: unexpected token ')' at position 12`.
 */
/** A filter that does not parse. The mock answers it with 400 and this message. */
export declare class FilterSyntaxError extends Error {
    name: string;
    /** The filter expression as received. */
    readonly expression: string;
    /** 0-based offset (in UTF-16 code units) of the offending character in `expression`. */
    readonly position: number;
    constructor(expression: string, position: number, detail: string);
}
/** One step of a field path: `hosts[any]` is `{ key: "hosts", quantifier: "any" }`. */
export interface FieldSegment {
    key: string;
    quantifier: "any" | "all" | null;
}
/** A field path such as `space.total_physical` or `hosts[any].name`. */
export interface FieldPathNode {
    /** The path as written. */
    text: string;
    segments: readonly FieldSegment[];
}
/**
 * A literal value. Strings keep `pattern`: the parts between unescaped `*` wildcards (`null`
 * when there is none), and `value` with every `*` literal.
 */
export type LiteralNode = {
    type: "string";
    value: string;
    pattern: readonly string[] | null;
} | {
    type: "number";
    value: number;
} | {
    type: "boolean";
    value: boolean;
} | {
    type: "null";
    value: null;
};
/** Comparison operators. */
export type CompareOp = "=" | "!=" | "<" | "<=" | ">" | ">=";
/** The parsed form of a filter expression. */
export type FilterNode = {
    kind: "and";
    operands: readonly FilterNode[];
} | {
    kind: "or";
    operands: readonly FilterNode[];
} | {
    kind: "not";
    operand: FilterNode;
} | {
    kind: "compare";
    field: FieldPathNode;
    op: CompareOp;
    value: LiteralNode;
} | {
    kind: "in";
    field: FieldPathNode;
    negated: boolean;
    values: readonly LiteralNode[];
} | {
    kind: "contains";
    field: FieldPathNode;
    value: string;
} | {
    kind: "tags";
    key: string;
    value: string;
};
/**
 * Parses a filter expression to its AST.
 *
 * @throws {FilterSyntaxError} when the expression is empty or malformed.
 * @example
 * ```ts
 * parseFilter("name='a' or size>1");
 * // { kind: "or", operands: [{ kind: "compare", op: "=", … }, { kind: "compare", op: ">", … }] }
 * ```
 */
export declare function parseFilter(expression: string): FilterNode;
/** Whether an item passes a filter. */
export type FilterPredicate = (item: unknown) => boolean;
/**
 * Compiles a parsed filter to a predicate.
 *
 * @example
 * ```ts
 * const keep = compileFilterNode(parseFilter("provisioned>=1024"));
 * keep({ provisioned: 2048 }); // true
 * ```
 */
export declare function compileFilterNode(node: FilterNode): FilterPredicate;
/**
 * Parses and compiles a filter expression once; the predicate then runs over any number of items.
 *
 * @throws {FilterSyntaxError} when the expression is empty or malformed (answer 400 with its message).
 * @example
 * ```ts
 * const keep = compileFilter("name='vol*' and not(destroyed=true)");
 * const page = volumes.filter(keep);
 * ```
 */
export declare function compileFilter(expression: string): FilterPredicate;
//# sourceMappingURL=filter.d.ts.map