/**
 * Query strings the way the arrays read them: every list parameter is
 * `style: form, explode: false`, so `names=a,b%2Cc` — comma-separated, each
 * element percent-encoded (a comma inside a name must not split it).
 */

type Scalar = string | number | boolean;

function encodeScalar(value: Scalar, quoted = false): string {
  return encodeURIComponent(quoted && typeof value === "string" ? quoteLiteral(value) : String(value));
}

/**
 * A string in Pure1's quoting (`x-quoted` parameters): `'…'` with `\\` and `'` escaped by a
 * backslash. A value the caller already quoted (`'…'` whose inner quotes are escaped) is
 * left as it is, so quoting twice is impossible.
 *
 * @example
 * ```ts
 * quoteLiteral("array-1");   // "'array-1'"
 * quoteLiteral("it's");      // "'it\\'s'"
 * quoteLiteral("'array-1'"); // "'array-1'" (already quoted)
 * ```
 */
export function quoteLiteral(value: string): string {
  if (/^'(?:[^'\\]|\\.)*'$/.test(value)) return value;
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/**
 * Serialises a query object; `undefined` and `null` are left out. String values of the
 * parameters named in `quoted` are single-quoted (see {@link quoteLiteral}).
 *
 * @example
 * ```ts
 * serializeQuery({ names: ["a", "b,c"], limit: 10, destroyed: false }); // "names=a,b%2Cc&limit=10&destroyed=false"
 * ```
 */
export function serializeQuery(
  query: Record<string, unknown> | undefined,
  quoted?: ReadonlySet<string>,
): string {
  if (!query) return "";
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const k = encodeURIComponent(key);
    const quote = quoted?.has(key) === true;
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      parts.push(`${k}=${value.map((v) => encodeScalar(v as Scalar, quote)).join(",")}`);
    } else if (typeof value === "object") {
      // No spec here declares object query parameters; a filter builder renders itself via toString.
      parts.push(`${k}=${encodeURIComponent(String(value))}`);
    } else {
      parts.push(`${k}=${encodeScalar(value as Scalar, quote)}`);
    }
  }
  return parts.join("&");
}
