/**
 * Generic, table-driven semantics shared by every data path: GET lists with
 * `names`/`ids`, reference filters (`host_names`, `group_names`…), `filter`, `sort`,
 * `limit`, `offset`, `continuation_token`, `total_item_count`, `total_only` and
 * `allow_errors`; POST creates (by `names`, or by references such as
 * `group_names` + `member_names`, or from `source_names` for snapshots); PATCH merges
 * the body; DELETE removes — refusing objects that must be destroyed first.
 * Product semantics (semantics/*.ts) wrap these for the paths that need more.
 */
import type { OperationInfo, Product } from "../spec/table.js";
import { type ApiErrorEntry } from "./http.js";
import { type Schema, type VersionSpec } from "./spec.js";
import type { Collection, Item, SlotItem } from "./state/collection.js";
import type { MockState } from "./state/store.js";
import type { Query } from "./validate.js";
/** Everything a data handler needs about one request. */
export interface DataContext {
    readonly product: Product;
    readonly spec: VersionSpec;
    readonly op: OperationInfo;
    readonly query: Query;
    readonly body: unknown;
    readonly state: MockState;
    /** The array the request acts on (`context_names`), stamped on listed items that declare `context`. */
    readonly contextRef: {
        name: string;
        id: string;
    } | null;
    readonly request: Request;
    /** The mock's clock, read once per request. */
    readonly now: number;
    /** Properties of the items this path lists (from the GET operation of the same path). */
    readonly itemProps: Record<string, Schema>;
    /**
     * Objects here are destroyed with `PATCH destroyed=true` and only then eradicated by
     * DELETE (the path's PATCH body has `destroyed`: volumes, snapshots, protection
     * groups, pods, file systems, buckets…; not hosts, whose DELETE is immediate).
     */
    readonly destroyable: boolean;
    /** A deterministic id for a new object. */
    newId(key: string): string;
    /** Status of a GET that found some objects and reports the others in `errors` (200 or 207). */
    readonly partialStatus: number;
}
/** A data handler: the generic one, or a product's that may call the generic one. */
export type DataHandler = (ctx: DataContext) => Response | Promise<Response>;
/** `/host-groups` → `host group`; used in messages. */
export declare function kindOf(path: string): string;
/** Merges `patch` into `base`: objects recursively, everything else replaced. */
export declare function deepMerge(base: Item, patch: Record<string, unknown>): Item;
/** Reads a dotted path (`space.total_physical`). */
export declare function readPath(item: unknown, path: string): unknown;
/** A query parameter that names objects a listed item refers to: `host_names` → `host.name`. */
export interface RefParam {
    param: string;
    /** Item field holding the reference (`host`). */
    field: string;
    /** `name` or `id`. */
    key: "name" | "id";
    values: string[];
}
/** The reference parameters of a request whose field the items have. */
export declare function refParams(ctx: DataContext): RefParam[];
/** The predicate of a GET: `filter`, reference params, and boolean flags such as `destroyed`. */
export declare function predicateOf(ctx: DataContext): ((item: Item) => boolean) | null;
/** Finds the objects named by `names`/`ids`; unknown ones become `errors[]` entries. */
export declare function findTargets(ctx: DataContext, collection: Collection): {
    found: SlotItem[];
    errors: ApiErrorEntry[];
    addressed: boolean;
};
/** Sums numbers field by field; other values become null (the arrays' `total` item). */
export declare function aggregate(items: Iterable<Item>): Item;
/**
 * GET: one page of a collection. Without `sort`, pages walk slots in order and stop
 * after `limit + 1` matches, so a page of a 100k collection touches only its own
 * items (plus a count when `total_item_count=true` and a filter is set). A token is
 * issued when more items remain and the default order is used, as the spec says
 * ("generated if the limit is less than the remaining number of items, and the
 * default sort is used"); with `sort`, page with `offset`.
 */
export declare function listCollection(ctx: DataContext, collection: Collection): Response;
/** The `{items}` answer of POST and PATCH. */
export declare function itemsAnswer(items: Item[]): Response;
/** Fields every new object gets when its items declare them. */
export declare function baseItem(ctx: DataContext, collectionPath: string, name: string | undefined): Item;
/** The request body as an object (`{}` when none was sent). */
export declare function bodyObject(ctx: DataContext): Record<string, unknown>;
/** Resolves a reference to an object of another collection (`{ name }` → `{ name, id }`). */
export declare function referenceTo(state: MockState, path: string, nameOrId: string): Item | undefined;
/**
 * Checks the references of a body against the collections they name: a field holding
 * `{name}` or `{id}` whose plural path is a collection of this version (`pod` →
 * `/pods`, `volume_group` → `/volume-groups`, `host_group` → `/host-groups`) must
 * name an existing object; `{name: null}` or `""` (leave or clear) is fine. Answers the body
 * with each such reference completed to `{name, id}`.
 */
export declare function checkReferences(ctx: DataContext, body: Record<string, unknown>): Record<string, unknown>;
/**
 * The container a new object's name places it in: `pod1::vol` is in pod `pod1` (FA
 * names pod members so), which must exist; `undefined` for names without `::` or
 * items without a `pod` field.
 */
export declare function podOfName(ctx: DataContext, name: string): Item | undefined;
/**
 * POST: creates objects. By `names` (409-like clashes answer 400 with the name as
 * context); else from `source_names` (snapshots, named `source.suffix`); else from the
 * reference parameters (relations such as `group_names` + `member_names`).
 * `build` lets a product complete each new item.
 */
export declare function createItems(ctx: DataContext, collection: Collection, build?: (base: Item, context: {
    name?: string;
    refs: Item;
}) => Item): Response;
/** The objects a PATCH or DELETE addresses: by `names`/`ids`, or by reference parameters. */
export declare function addressed(ctx: DataContext, collection: Collection): SlotItem[];
/**
 * PATCH: merges the body into each addressed object. `destroyed: true` starts the
 * eradication timer (`time_remaining`, 24 h as on a real array), `false` recovers;
 * `name` renames (one object at a time, to a free name).
 */
export declare function patchItems(ctx: DataContext, collection: Collection, adjust?: (next: Item, previous: Item) => Item): Response;
/**
 * DELETE: removes each addressed object. Objects that can be destroyed (their items
 * have `destroyed`) must be destroyed first: DELETE is eradication.
 */
export declare function deleteItems(ctx: DataContext, collection: Collection, before?: (target: SlotItem) => void): Response;
/** The generic handler for any data operation. */
export declare const genericHandler: DataHandler;
//# sourceMappingURL=collections.d.ts.map