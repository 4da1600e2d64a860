/**
 * Query strings the way the arrays read them: every list parameter is
 * `style: form, explode: false`, so `names=a,b%2Cc` — comma-separated, each
 * element percent-encoded (a comma inside a name must not split it).
 */
/**
 * Serialises a query object; `undefined` and `null` are left out.
 *
 * @example
 * ```ts
 * serializeQuery({ names: ["a", "b,c"], limit: 10, destroyed: false }); // "names=a,b%2Cc&limit=10&destroyed=false"
 * ```
 */
export declare function serializeQuery(query: Record<string, unknown> | undefined): string;
//# sourceMappingURL=query.d.ts.map