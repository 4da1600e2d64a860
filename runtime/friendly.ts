/**
 * Friendly methods: one method per operation of the version's table (`getVolumes(query)`,
 * `postVolumes(query, body)`…) that returns the data or throws. Their names come from the
 * generator (`generator/names.ts`); their types from the operations' query and body.
 */
import type { RequiredKeysOf } from "openapi-typescript-helpers";
import type { OperationTable } from "../spec/table.ts";
import type { Call, CallOptions, Data, QueryOf, Unwrap } from "./call.ts";
import type { RelaxOperation } from "./media.ts";

// openapi-typescript writes `requestBody?: never` for operations without one.
type BodyOf<Op> = Op extends { requestBody?: infer R }
  ? [NonNullable<R>] extends [never]
    ? never
    : NonNullable<R> extends { content: { "application/json": infer B } }
      ? B
      : NonNullable<RelaxOperation<Op>["requestBody" & keyof Op]> extends {
            content: { "multipart/form-data": infer U };
          }
        ? U
        : never
  : never;

type QueryArg<Q> = [Q] extends [never] ? [] : RequiredKeysOf<Q> extends never ? [query?: Q] : [query: Q];
type FriendlyFn<Op> = [BodyOf<Op>] extends [never]
  ? (...args: [...QueryArg<QueryOf<Op>>, options?: CallOptions]) => Promise<Data<Op, unknown>>
  : [QueryOf<Op>] extends [never]
    ? (body: BodyOf<Op>, options?: CallOptions) => Promise<Data<Op, unknown>>
    : (query: QueryOf<Op>, body: BodyOf<Op>, options?: CallOptions) => Promise<Data<Op, unknown>>;

/** `getVolumes(query)`, `postVolumes(query, body)`…: one method per operation, throwing on errors. */
export type FriendlyMethods<Paths, Ops> = {
  [N in keyof Ops]: Ops[N] extends { path: infer P extends keyof Paths }
    ? Ops[N] extends { method: infer M extends keyof Paths[P] }
      ? FriendlyFn<Paths[P][M]>
      : never
    : never;
};

/**
 * The friendly methods of `table`, by name, each a `call` unwrapped.
 *
 * @example
 * ```ts
 * Object.assign(client, friendlyMethods(table, call, unwrap));
 * await client.getVolumes({ names: ["v1"] });
 * ```
 */
export function friendlyMethods(
  table: OperationTable,
  call: Call,
  unwrap: Unwrap,
): Record<string, (...args: unknown[]) => Promise<unknown>> {
  const methods: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const op of table.operations) {
    // Arguments: [query] [body] [options], each present only where the operation has it.
    const hasQuery = op.query.length > 0;
    methods[op.name] = (...args: unknown[]) => {
      const query = (hasQuery ? args.shift() : undefined) as Record<string, unknown> | undefined;
      const body = op.body ? args.shift() : undefined;
      const opts = args.shift() as CallOptions | undefined;
      return unwrap(
        call(op.method, op.path, {
          params: { query: query ?? {} },
          ...(body !== undefined ? { body } : {}),
          ...(opts?.headers ? { headers: opts.headers } : {}),
          ...(opts?.signal ? { signal: opts.signal } : {}),
          ...(opts?.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
          ...(opts?.context !== undefined ? { context: opts.context } : {}),
        }),
        opts,
      );
    };
  }
  return methods;
}
