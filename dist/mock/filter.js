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
export class FilterSyntaxError extends Error {
    name = "FilterSyntaxError";
    /** The filter expression as received. */
    expression;
    /** 0-based offset (in UTF-16 code units) of the offending character in `expression`. */
    position;
    constructor(expression, position, detail) {
        super(`Invalid filter: ${detail}`);
        this.expression = expression;
        this.position = position;
    }
}
const MAX_NESTING = 64;
const isDigit = (c) => c >= 48 && c <= 57;
const isWordStart = (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isWordChar = (c) => isWordStart(c) || isDigit(c);
function tokenize(src) {
    const tokens = [];
    const fail = (pos, detail) => {
        throw new FilterSyntaxError(src, pos, detail);
    };
    let i = 0;
    while (i < src.length) {
        const c = src.charCodeAt(i);
        if (c === 32 || c === 9 || c === 10 || c === 13) {
            i++;
            continue;
        }
        const start = i;
        if (c === 40 || c === 41 || c === 44) {
            tokens.push({ kind: "punct", pos: start, end: ++i, char: src[start] });
        }
        else if (c === 61) {
            tokens.push({ kind: "op", pos: start, end: ++i, op: "=" });
        }
        else if (c === 33) {
            if (src.charCodeAt(i + 1) !== 61)
                fail(i, `unexpected character '!' at position ${i}, expected '!='`);
            i += 2;
            tokens.push({ kind: "op", pos: start, end: i, op: "!=" });
        }
        else if (c === 60 || c === 62) {
            const orEqual = src.charCodeAt(i + 1) === 61;
            const op = (c === 60 ? (orEqual ? "<=" : "<") : orEqual ? ">=" : ">");
            i += orEqual ? 2 : 1;
            tokens.push({ kind: "op", pos: start, end: i, op });
        }
        else if (c === 39) {
            tokens.push(readString());
        }
        else if (isDigit(c) || (c === 45 && isDigit(src.charCodeAt(i + 1)))) {
            tokens.push(readNumber());
        }
        else if (isWordStart(c)) {
            tokens.push(readWord());
        }
        else if (c === 34) {
            fail(i, `unexpected character '"' at position ${i}: strings take single quotes, as in name='vol1'`);
        }
        else {
            const ch = String.fromCodePoint(src.codePointAt(i) ?? c);
            fail(i, `unexpected character '${ch}' at position ${i}`);
        }
    }
    tokens.push({ kind: "end", pos: src.length, end: src.length });
    return tokens;
    function readString() {
        const start = i++;
        const parts = [];
        let part = "";
        let literal = "";
        let wildcard = false;
        while (i < src.length) {
            const ch = src[i];
            if (ch === "'") {
                i++;
                parts.push(part);
                return {
                    kind: "string",
                    pos: start,
                    end: i,
                    literal: { type: "string", value: literal, pattern: wildcard ? parts : null },
                };
            }
            if (ch === "\\") {
                const next = src[i + 1];
                if (next !== "'" && next !== "\\" && next !== "*") {
                    fail(i, next === undefined
                        ? `unterminated string starting at position ${start}`
                        : `unknown escape '\\${next}' at position ${i}: inside a string, write \\' for a quote, ` +
                            "\\\\ for a backslash and \\* for a literal asterisk");
                }
                part += next;
                literal += next;
                i += 2;
            }
            else if (ch === "*") {
                wildcard = true;
                parts.push(part);
                part = "";
                literal += ch;
                i++;
            }
            else {
                part += ch;
                literal += ch;
                i++;
            }
        }
        return fail(start, `unterminated string starting at position ${start}`);
    }
    function readNumber() {
        const start = i;
        if (src.charCodeAt(i) === 45)
            i++;
        while (isDigit(src.charCodeAt(i)))
            i++;
        if (src.charCodeAt(i) === 46) {
            if (!isDigit(src.charCodeAt(i + 1)))
                fail(start, `malformed number at position ${start}`);
            i++;
            while (isDigit(src.charCodeAt(i)))
                i++;
        }
        const e = src.charCodeAt(i);
        if (e === 101 || e === 69) {
            let j = i + 1;
            const sign = src.charCodeAt(j);
            if (sign === 43 || sign === 45)
                j++;
            if (!isDigit(src.charCodeAt(j)))
                fail(start, `malformed number at position ${start}`);
            i = j;
            while (isDigit(src.charCodeAt(i)))
                i++;
        }
        if (isWordChar(src.charCodeAt(i)) || src.charCodeAt(i) === 46) {
            fail(start, `malformed number at position ${start}`);
        }
        return { kind: "number", pos: start, end: i, value: Number(src.slice(start, i)) };
    }
    function readWord() {
        const start = i;
        const segments = [];
        for (;;) {
            const keyStart = i;
            if (!isWordStart(src.charCodeAt(i))) {
                fail(i, `expected a field name after '.' at position ${i}`);
            }
            while (isWordChar(src.charCodeAt(i)))
                i++;
            const key = src.slice(keyStart, i);
            let quantifier = null;
            if (src[i] === "[") {
                const q = src.slice(i, i + 5);
                if (q !== "[any]" && q !== "[all]") {
                    fail(i, `unexpected character '[' at position ${i}: only [any] and [all] may follow a field name`);
                }
                quantifier = q === "[any]" ? "any" : "all";
                i += 5;
            }
            segments.push({ key, quantifier });
            if (src[i] !== ".")
                break;
            i++;
        }
        const text = src.slice(start, i);
        return { kind: "word", pos: start, end: i, text, field: { text, segments } };
    }
}
// ---------------------------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------------------------
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
export function parseFilter(expression) {
    const tokens = tokenize(expression);
    let index = 0;
    let depth = 0;
    const peek = () => tokens[index];
    const next = () => tokens[index++];
    const keyword = (token, word) => token.kind === "word" && token.text.length === word.length && token.text.toLowerCase() === word;
    const describe = (token) => {
        if (token.kind === "end")
            return "end of filter";
        const raw = expression.slice(token.pos, token.end);
        const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
        return token.kind === "string" ? `string ${shown}` : `token '${shown}'`;
    };
    const fail = (token, expected) => {
        throw new FilterSyntaxError(expression, token.pos, `unexpected ${describe(token)} at position ${token.pos}, expected ${expected}`);
    };
    const expectPunct = (char, expected = `'${char}'`) => {
        const token = next();
        if (token.kind !== "punct" || token.char !== char)
            fail(token, expected);
    };
    const enter = (token) => {
        if (++depth > MAX_NESTING) {
            throw new FilterSyntaxError(expression, token.pos, `filter nested too deeply at position ${token.pos} (more than ${MAX_NESTING} levels)`);
        }
    };
    if (peek().kind === "end") {
        throw new FilterSyntaxError(expression, 0, "the filter is empty at position 0, expected a condition");
    }
    const root = parseOr();
    const last = peek();
    if (last.kind !== "end")
        fail(last, "'and', 'or' or the end of the filter");
    return root;
    function parseOr() {
        const operands = [parseAnd()];
        while (keyword(peek(), "or")) {
            next();
            operands.push(parseAnd());
        }
        return operands.length === 1 ? operands[0] : { kind: "or", operands };
    }
    function parseAnd() {
        const operands = [parseUnary()];
        while (keyword(peek(), "and")) {
            next();
            operands.push(parseUnary());
        }
        return operands.length === 1 ? operands[0] : { kind: "and", operands };
    }
    function parseUnary() {
        const token = peek();
        if (keyword(token, "not")) {
            next();
            enter(token);
            const operand = parseUnary();
            depth--;
            return { kind: "not", operand };
        }
        return parsePrimary();
    }
    function parsePrimary() {
        const token = next();
        const expected = "a condition: a comparison such as name='x', not(…), (…), contains(…) or tags(…)";
        if (token.kind === "punct" && token.char === "(") {
            enter(token);
            const inner = parseOr();
            depth--;
            expectPunct(")", "')' or 'and'/'or'");
            return inner;
        }
        if (token.kind !== "word")
            return fail(token, expected);
        const after = peek();
        const call = after.kind === "punct" && after.char === "(";
        if (call && keyword(token, "contains"))
            return parseContains();
        if (call && keyword(token, "tags"))
            return parseTags();
        if (["and", "or", "not", "true", "false", "null"].some((w) => keyword(token, w))) {
            return fail(token, expected);
        }
        const field = token.field;
        const opToken = next();
        if (opToken.kind !== "op")
            return fail(opToken, "a comparison operator (=, !=, <, <=, >, >=)");
        const op = opToken.op;
        const open = peek();
        if (open.kind === "punct" && open.char === "(") {
            if (op !== "=" && op !== "!=") {
                fail(open, `a value: a list (…) may only follow '=' or '!=', not '${op}'`);
            }
            next();
            const values = [parseValue()];
            for (let t = next(); !(t.kind === "punct" && t.char === ")"); t = next()) {
                if (t.kind !== "punct" || t.char !== ",")
                    fail(t, "',' or ')'");
                values.push(parseValue());
            }
            return { kind: "in", field, negated: op === "!=", values };
        }
        const valueToken = peek();
        const value = parseValue();
        if (op !== "=" && op !== "!=" && value.type !== "number" && value.type !== "string") {
            fail(valueToken, `a number or a 'quoted string' after '${op}'`);
        }
        return { kind: "compare", field, op, value };
    }
    function parseValue() {
        const token = next();
        switch (token.kind) {
            case "string":
                return token.literal;
            case "number":
                return { type: "number", value: token.value };
            case "word":
                if (keyword(token, "true"))
                    return { type: "boolean", value: true };
                if (keyword(token, "false"))
                    return { type: "boolean", value: false };
                if (keyword(token, "null"))
                    return { type: "null", value: null };
                return fail(token, `a value (a 'quoted string', a number, true, false or null): strings take single quotes, as in '${token.text}'`);
            default:
                return fail(token, "a value (a 'quoted string', a number, true, false or null)");
        }
    }
    function parseString(what) {
        const token = next();
        if (token.kind !== "string")
            return fail(token, what);
        return token.literal.value;
    }
    function parseContains() {
        expectPunct("(");
        const fieldToken = next();
        if (fieldToken.kind !== "word")
            return fail(fieldToken, "a field name: contains(field,'text')");
        expectPunct(",", "',': contains(field,'text')");
        const value = parseString("a 'quoted string': contains(field,'text')");
        expectPunct(")", "')': contains(field,'text')");
        return { kind: "contains", field: fieldToken.field, value };
    }
    function parseTags() {
        expectPunct("(");
        const key = parseString("a 'quoted' tag key: tags('key','value')");
        expectPunct(",", "',': tags('key','value')");
        const value = parseString("a 'quoted' tag value: tags('key','value')");
        expectPunct(")", "')': tags('key','value')");
        return { kind: "tags", key, value };
    }
}
/**
 * Reads a property of a plain object (never of an array). Names that `Object.prototype` has
 * (`constructor`, `toString`, `__proto__`…) are read only as own properties, so a filter can
 * never reach inherited members; other names skip that check, which is the hot path.
 */
function propertyReader(key) {
    if (key in Object.prototype) {
        return (value) => typeof value === "object" && value !== null && !Array.isArray(value) && Object.hasOwn(value, key)
            ? value[key]
            : undefined;
    }
    return (value) => typeof value === "object" && value !== null && !Array.isArray(value)
        ? value[key]
        : undefined;
}
const readTags = propertyReader("tags");
const readKey = propertyReader("key");
const readValue = propertyReader("value");
/** Elements of lists of references (`{ name, id }`) compare by name. */
function referenceName(element) {
    if (typeof element === "object" &&
        element !== null &&
        !Array.isArray(element) &&
        Object.hasOwn(element, "name")) {
        return element.name;
    }
    return element;
}
/** `*`-wildcard match: `parts` are the literal pieces between wildcards (at least two). */
function globTest(parts) {
    const first = parts[0];
    const last = parts[parts.length - 1];
    const middle = parts.slice(1, -1).filter((p) => p !== "");
    const minLength = parts.reduce((n, p) => n + p.length, 0);
    return (value) => {
        if (typeof value !== "string" || value.length < minLength)
            return false;
        if (!value.startsWith(first) || !value.endsWith(last))
            return false;
        const end = value.length - last.length;
        let pos = first.length;
        for (const piece of middle) {
            const at = value.indexOf(piece, pos);
            if (at < 0 || at + piece.length > end)
                return false;
            pos = at + piece.length;
        }
        return true;
    };
}
function equalsTest(literal) {
    if (literal.type === "null")
        return (value) => value === null || value === undefined;
    if (literal.type === "string" && literal.pattern)
        return globTest(literal.pattern);
    const expected = literal.value;
    return (value) => value === expected;
}
function compareTest(op, literal) {
    if (op === "=")
        return equalsTest(literal);
    if (op === "!=") {
        const equals = equalsTest(literal);
        return (value) => !equals(value);
    }
    const expected = literal.value;
    if (typeof expected === "number") {
        switch (op) {
            case "<":
                return (value) => typeof value === "number" && value < expected;
            case "<=":
                return (value) => typeof value === "number" && value <= expected;
            case ">":
                return (value) => typeof value === "number" && value > expected;
            default:
                return (value) => typeof value === "number" && value >= expected;
        }
    }
    if (typeof expected !== "string")
        throw new TypeError(`operator ${op} needs a number or a string`);
    switch (op) {
        case "<":
            return (value) => typeof value === "string" && value < expected;
        case "<=":
            return (value) => typeof value === "string" && value <= expected;
        case ">":
            return (value) => typeof value === "string" && value > expected;
        default:
            return (value) => typeof value === "string" && value >= expected;
    }
}
function inTest(values) {
    const exact = new Set();
    const globs = [];
    let matchesUnset = false;
    for (const literal of values) {
        if (literal.type === "null")
            matchesUnset = true;
        else if (literal.type === "string" && literal.pattern)
            globs.push(globTest(literal.pattern));
        else
            exact.add(literal.value);
    }
    return (value) => {
        if (value === null || value === undefined)
            return matchesUnset;
        if (exact.has(value))
            return true;
        for (const glob of globs)
            if (glob(value))
                return true;
        return false;
    };
}
/** Applies `test` to what `path` reaches from an item, quantifying over lists. */
function compilePath(segments, test, from = 0) {
    const segment = segments[from];
    if (segment === undefined)
        return test;
    const { key, quantifier } = segment;
    const read = propertyReader(key);
    const isLast = from === segments.length - 1;
    if (quantifier === null) {
        if (isLast)
            return (item) => test(read(item));
        const rest = compilePath(segments, test, from + 1);
        return (item) => rest(read(item));
    }
    const element = isLast
        ? (e) => test(referenceName(e))
        : compilePath(segments, test, from + 1);
    if (quantifier === "any") {
        return (item) => {
            const list = read(item);
            if (!Array.isArray(list))
                return false;
            for (const e of list)
                if (element(e))
                    return true;
            return false;
        };
    }
    return (item) => {
        const list = read(item);
        if (!Array.isArray(list))
            return false;
        for (const e of list)
            if (!element(e))
                return false;
        return true;
    };
}
/**
 * Compiles a parsed filter to a predicate.
 *
 * @example
 * ```ts
 * const keep = compileFilterNode(parseFilter("provisioned>=1024"));
 * keep({ provisioned: 2048 }); // true
 * ```
 */
export function compileFilterNode(node) {
    switch (node.kind) {
        case "and": {
            const parts = node.operands.map(compileFilterNode);
            const [a, b] = parts;
            if (parts.length === 2 && a && b)
                return (item) => a(item) && b(item);
            return (item) => parts.every((p) => p(item));
        }
        case "or": {
            const parts = node.operands.map(compileFilterNode);
            const [a, b] = parts;
            if (parts.length === 2 && a && b)
                return (item) => a(item) || b(item);
            return (item) => parts.some((p) => p(item));
        }
        case "not": {
            const inner = compileFilterNode(node.operand);
            return (item) => !inner(item);
        }
        case "compare":
            return compilePath(node.field.segments, compareTest(node.op, node.value));
        case "in": {
            const test = inTest(node.values);
            return compilePath(node.field.segments, node.negated ? (v) => !test(v) : test);
        }
        case "contains": {
            const needle = node.value;
            return compilePath(node.field.segments, (v) => typeof v === "string" && v.includes(needle));
        }
        case "tags": {
            const { key, value } = node;
            return (item) => {
                const tags = readTags(item);
                if (!Array.isArray(tags))
                    return false;
                for (const tag of tags)
                    if (readKey(tag) === key && readValue(tag) === value)
                        return true;
                return false;
            };
        }
    }
}
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
export function compileFilter(expression) {
    return compileFilterNode(parseFilter(expression));
}
//# sourceMappingURL=filter.js.map