/**
 * Statuses whose answers carry no body. The Fetch standard's `Response` constructor
 * refuses a body for them, so anything that turns a wire answer (an undici or
 * node:http answer, a mock's) into a web `Response` must pass `null` for these.
 */

/** 101, 103, 204, 205, 304: the Fetch standard's "null body statuses". */
export const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/**
 * Whether an answer to `method` with `status` has no body (a null body status, or HEAD).
 *
 * @example
 * ```ts
 * new Response(hasNullBody(status, method) ? null : body, { status, headers });
 * ```
 */
export function hasNullBody(status: number, method?: string): boolean {
  return NULL_BODY_STATUSES.has(status) || method === "HEAD";
}
