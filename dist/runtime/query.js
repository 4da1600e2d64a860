/**
 * Query strings the way the arrays read them: every list parameter is
 * `style: form, explode: false`, so `names=a,b%2Cc` — comma-separated, each
 * element percent-encoded (a comma inside a name must not split it).
 */
function encodeScalar(value) {
    return encodeURIComponent(String(value));
}
/**
 * Serialises a query object; `undefined` and `null` are left out.
 *
 * @example
 * ```ts
 * serializeQuery({ names: ["a", "b,c"], limit: 10, destroyed: false }); // "names=a,b%2Cc&limit=10&destroyed=false"
 * ```
 */
export function serializeQuery(query) {
    if (!query)
        return "";
    const parts = [];
    for (const [key, value] of Object.entries(query)) {
        if (value === undefined || value === null)
            continue;
        const k = encodeURIComponent(key);
        if (Array.isArray(value)) {
            if (value.length === 0)
                continue;
            parts.push(`${k}=${value.map((v) => encodeScalar(v)).join(",")}`);
        }
        else if (typeof value === "object") {
            // No spec here declares object query parameters; a filter builder renders itself via toString.
            parts.push(`${k}=${encodeURIComponent(String(value))}`);
        }
        else {
            parts.push(`${k}=${encodeScalar(value)}`);
        }
    }
    return parts.join("&");
}
//# sourceMappingURL=query.js.map