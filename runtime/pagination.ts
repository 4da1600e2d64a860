/**
 * `pages()` and `paginate()`: a collection page after page, by `continuation_token` (in
 * the body or the `x-next-token` header) or by `offset`, as the operation's table entry
 * says; one request id for the whole listing; a guard against servers that would page
 * forever; partial errors thrown at the end, after every item that came.
 */
import type { PathsWithMethod } from "openapi-typescript-helpers";
import type { OperationInfo, OperationTable, Product } from "../spec/table.ts";
import { endlessListing } from "./answers.ts";
import type { Call, CallOptions, Data, GetOp, PartialError, PureResult, QueryOf } from "./call.ts";
import { type PureErrorItem, PurekitError } from "./errors.ts";
import { checkPartialOptions } from "./partial.ts";

/** The items of a page. */
export type ItemsOf<D> = D extends { items?: (infer I)[] } ? I : never;
/** One page of a path's GET. */
export type PageOf<Paths extends {}, P extends keyof Paths> = Data<GetOp<Paths, P>, unknown>;
/** The paths `paginate` and `pages` take (those with a GET; the table says which page). */
export type PaginatedPath<Paths extends {}> = PathsWithMethod<Paths, "get">;
/** `paginate`'s and `pages`' second argument: the GET's query and the call's options. */
export type PaginateInit<Paths extends {}, P extends keyof Paths> = {
  params?: { query?: QueryOf<GetOp<Paths, P>> };
} & CallOptions;

type Init = { params?: { query?: Record<string, unknown> } } & CallOptions;

/** The client's `pages` and `paginate`, untyped (the client's type gives them their types). */
export interface Paging {
  pages(path: string, init?: Init): AsyncGenerator<unknown, void, undefined>;
  paginate(path: string, init?: Init): AsyncGenerator<unknown, void, undefined>;
}

/**
 * Pagination over `call` for the operations of `table`.
 *
 * @example
 * ```ts
 * const { pages, paginate } = createPaging({ call, partialError, table, product: "flasharray", version: "2.38" });
 * for await (const volume of paginate("/volumes", { params: { query: { limit: 500 } } })) console.log(volume);
 * ```
 */
export function createPaging(setup: {
  call: Call;
  partialError: PartialError;
  table: OperationTable;
  product: Product;
  version: string;
}): Paging {
  const { call, partialError, table, product, version } = setup;
  const opsByPath = new Map<string, OperationInfo>();
  for (const op of table.operations) if (op.method === "get") opsByPath.set(op.path, op);

  async function* pages(path: string, init: Init = {}) {
    const op = opsByPath.get(path);
    if (!op?.pagination) {
      throw new PurekitError(
        "ERR_INVALID_ARGUMENT",
        `GET ${path} does not paginate in ${product} REST ${version}; call GET instead.`,
      );
    }
    checkPartialOptions(init);
    const baseQuery = { ...(init.params?.query ?? {}) };
    // One logical call: the same request id on every page (the caller's, if given).
    const headers = new Headers(init.headers);
    if (!headers.has("x-request-id")) headers.set("x-request-id", crypto.randomUUID());
    let token: string | undefined;
    let offset = typeof baseQuery.offset === "number" ? baseQuery.offset : 0;
    // A server that repeats or cycles tokens, or claims more items without letting us get
    // them, would otherwise be paged forever.
    const tokensSeen = new Set<string>();
    let lastPage: string | undefined;
    let pagesRead = 0;
    const endless = (why: string) => endlessListing(path, why, headers.get("x-request-id"), pagesRead);
    const pending: PureErrorItem[] = [];
    let lastPartial: PureResult<unknown> | undefined;
    let seenItems = 0;
    for (;;) {
      const query: Record<string, unknown> = { ...baseQuery };
      if (token !== undefined) {
        query.continuation_token = token;
        delete query.offset;
      } else if (offset > 0) {
        query.offset = offset;
      }
      const result = await call("get", path, {
        params: { query },
        headers,
        ...(init.signal ? { signal: init.signal } : {}),
        ...(init.timeoutMs !== undefined ? { timeoutMs: init.timeoutMs } : {}),
        ...(init.context !== undefined ? { context: init.context } : {}),
      });
      if (result.error) throw result.error;
      if (result.errors) {
        if (init.onErrors) init.onErrors(result.errors, result.data);
        else if (!init.allowErrors) {
          pending.push(...result.errors);
          lastPartial = result;
        }
      }
      const page = result.data as {
        items?: unknown[];
        continuation_token?: string | null;
        more_items_remaining?: boolean;
        total_item_count?: number;
      };
      pagesRead++;
      const count = Array.isArray(page.items) ? page.items.length : 0;
      seenItems += count;
      yield page;
      // The token comes in the body, or in the x-next-token header.
      const next = op.pagination.token
        ? (page.continuation_token ?? result.response.headers.get("x-next-token") ?? undefined)
        : undefined;
      if (page.more_items_remaining === false || count === 0) break;
      if (next) {
        if (tokensSeen.has(next)) throw endless("it answered a continuation token it had already given");
        tokensSeen.add(next);
        token = next;
      } else if (op.pagination.offset) {
        if (
          page.more_items_remaining !== true &&
          (page.total_item_count === undefined || offset + count >= page.total_item_count)
        ) {
          break;
        }
        // An array that ignores `offset` answers the same page again: no progress.
        const fingerprint = `${count}:${JSON.stringify(page.items?.[0])}:${JSON.stringify(page.items?.at(-1))}`;
        if (fingerprint === lastPage) throw endless("the next offset answered the same items again");
        lastPage = fingerprint;
        token = undefined;
        offset += count;
      } else if (page.more_items_remaining === true) {
        throw endless("it says more_items_remaining: true but gives no continuation_token");
      } else {
        break;
      }
    }
    // After the last page, so every item that did come was yielded first.
    if (lastPartial && pending.length > 0) throw partialError(lastPartial, pending, seenItems, undefined);
  }

  async function* paginate(path: string, init?: Init) {
    for await (const page of pages(path, init)) {
      for (const item of (page as { items?: unknown[] }).items ?? []) yield item;
    }
  }

  return { pages, paginate };
}
