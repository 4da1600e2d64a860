/**
 * Fleets (FlashArray ≥ 2.38, FlashBlade ≥ 2.17): the client's and each call's `context`,
 * sent as `context_names` on the operations of the version's table that take it.
 */
import type { OperationTable, Product } from "../spec/table.ts";
import { PurekitError } from "./errors.ts";

/** Adds `context_names` to a call's init where the operation takes it and the caller did not set it. */
export type WithContext = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Record<string, unknown>;

/**
 * Checks the client's `context` against the version (a version without fleets refuses it)
 * and returns what adds it, or a call's own `context`, to each call.
 *
 * @example
 * ```ts
 * const withContext = fleetContext(table, "flasharray", "2.38", "array-2");
 * withContext("get", "/volumes", {}); // { params: { query: { context_names: ["array-2"] } } }
 * ```
 */
export function fleetContext(
  table: OperationTable,
  product: Product,
  version: string,
  clientContext: unknown,
): WithContext {
  // Which operations take `context_names`, and whether this version has fleets at all.
  const contextOps = new Set(
    table.operations
      .filter((op) => op.query.some((p) => p.name === "context_names"))
      .map((op) => `${op.method} ${op.path}`),
  );
  const checkContext = (value: unknown, where: string): string[] | undefined => {
    if (value === undefined) return undefined;
    const names = typeof value === "string" ? [value] : Array.isArray(value) ? [...value] : null;
    if (!names || names.length === 0 || names.some((n) => typeof n !== "string" || n.trim() === "")) {
      throw new PurekitError(
        "ERR_INVALID_ARGUMENT",
        `${where} must be a fleet member's name or a non-empty list of names, got ${JSON.stringify(value)}.`,
      );
    }
    if (contextOps.size === 0) {
      throw new PurekitError(
        "ERR_VERSION_UNSUPPORTED",
        `${where} needs fleets (context_names), which ${product} REST ${version} does not have ` +
          "(FlashArray 2.38 and FlashBlade 2.17 on): pin a newer version, or leave context out.",
      );
    }
    return names as string[];
  };
  const names = checkContext(clientContext, "context");
  return (method, path, init) => {
    const given = checkContext(init.context, "the call's context") ?? names;
    if (!given || !contextOps.has(`${method} ${path}`)) return init;
    const params = (init.params ?? {}) as { query?: Record<string, unknown> };
    if (params.query?.context_names !== undefined) return init;
    return { ...init, params: { ...params, query: { ...params.query, context_names: given } } };
  };
}
