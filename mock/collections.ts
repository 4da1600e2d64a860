/**
 * Generic, table-driven semantics shared by every data path: GET lists with
 * `names`/`ids`, reference filters (`host_names`, `group_names`…), `filter`, `sort`,
 * `limit`, `offset`, `continuation_token`, `total_item_count`, `total_only` and
 * `allow_errors`; POST creates (by `names`, or by references such as
 * `group_names` + `member_names`, or from `source_names` for snapshots); PATCH merges
 * the body; DELETE removes — refusing objects that must be destroyed first.
 * Product semantics (semantics/*.ts) wrap these for the paths that need more.
 */
import type { OperationInfo, Product } from "../spec/table.ts";
import { compileFilter, FilterSyntaxError } from "./filter.ts";
import {
  type ApiErrorEntry,
  badRequest,
  empty,
  json,
  type MockAnswer,
  type MockHeaders,
  MockHttpError,
} from "./http.ts";
import { envelopeOf, itemPropertiesOf, type Schema, typeOf, type VersionSpec } from "./spec.ts";
import type { Collection, Item, SlotItem } from "./state/collection.ts";
import type { MockState } from "./state/store.ts";
import { deleteTags, putTags } from "./tags.ts";
import type { Query } from "./validate.ts";
import { listDerivedView } from "./views.ts";

/** Everything a data handler needs about one request. */
export interface DataContext {
  readonly product: Product;
  readonly spec: VersionSpec;
  readonly op: OperationInfo;
  readonly query: Query;
  readonly body: unknown;
  /** The request's headers (content negotiation of downloads reads `accept`). */
  readonly headers: MockHeaders;
  readonly state: MockState;
  /** The array the request acts on (`context_names`), stamped on listed items that declare `context`. */
  readonly contextRef: { name: string; id: string } | null;
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
export type DataHandler = (ctx: DataContext) => MockAnswer | Promise<MockAnswer>;

// ------------------------------------------------------------------------------------ helpers

/** `/host-groups` → `host group`; used in messages. */
export function kindOf(path: string): string {
  const last = path.slice(path.lastIndexOf("/") + 1).replace(/-/g, " ");
  if (last.endsWith("ies")) return `${last.slice(0, -3)}y`;
  if (/(ss|sh|ch|x)es$/.test(last)) return last.slice(0, -2);
  if (last.endsWith("s") && !last.endsWith("ss")) return last.slice(0, -1);
  return last;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Merges `patch` into `base`: objects recursively, everything else replaced. */
export function deepMerge(base: Item, patch: Record<string, unknown>): Item {
  const out: Item = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = isPlainObject(value) && isPlainObject(current) ? deepMerge(current, value) : value;
  }
  return out;
}

/** Reads a dotted path (`space.total_physical`). */
export function readPath(item: unknown, path: string): unknown {
  let value: unknown = item;
  for (const key of path.split(".")) {
    if (!isPlainObject(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.map(String) : undefined;
}

/** A query parameter that names objects a listed item refers to: `host_names` → `host.name`. */
export interface RefParam {
  param: string;
  /** Item field holding the reference (`host`). */
  field: string;
  /** `name` or `id`. */
  key: "name" | "id";
  values: string[];
}

const NOT_REFS = new Set(["names", "ids", "context_names", "context_ids"]);
/** List parameters that steer a listing rather than filter it. */
const LIST_CONTROLS = new Set(["names", "ids", "sort", "context_names", "context_ids"]);

/** The reference parameters of a request whose field the items have. */
export function refParams(ctx: DataContext): RefParam[] {
  const refs: RefParam[] = [];
  for (const [param, value] of Object.entries(ctx.query)) {
    if (NOT_REFS.has(param)) continue;
    const match = /^(.+)_(names|ids)$/.exec(param);
    if (!match) continue;
    const field = match[1] as string;
    const values = stringList(value);
    if (!values || !(field in ctx.itemProps)) continue;
    refs.push({ param, field, key: match[2] === "names" ? "name" : "id", values });
  }
  return refs;
}

function refMatches(item: Item, ref: RefParam): boolean {
  const target = item[ref.field];
  if (Array.isArray(target)) {
    return target.some((t) => isPlainObject(t) && ref.values.includes(String(t[ref.key])));
  }
  return isPlainObject(target) && ref.values.includes(String(target[ref.key]));
}

/** The predicate of a GET: `filter`, reference params, and boolean flags such as `destroyed`. */
export function predicateOf(ctx: DataContext): ((item: Item) => boolean) | null {
  const tests: ((item: Item) => boolean)[] = [];
  const expression = ctx.query.filter;
  if (typeof expression === "string" && expression.trim()) {
    try {
      tests.push(compileFilter(expression) as (item: Item) => boolean);
    } catch (e) {
      if (e instanceof FilterSyntaxError) throw badRequest(e.message, "filter");
      throw e;
    }
  }
  const refs = refParams(ctx);
  for (const ref of refs) tests.push((item) => refMatches(item, ref));
  const refNames = new Set(refs.map((r) => r.param));
  for (const [param, value] of Object.entries(ctx.query)) {
    if (typeof value === "boolean" && typeOf(ctx.spec, ctx.itemProps[param]) === "boolean") {
      tests.push((item) => (item[param] ?? false) === value);
    } else if (Array.isArray(value) && !refNames.has(param) && !LIST_CONTROLS.has(param)) {
      // `fqdns=a,b` filters on the scalar field `fqdn`; `resource_types=x` on the list field itself.
      const wanted = value.map(String);
      if (typeOf(ctx.spec, ctx.itemProps[param]) === "array") {
        tests.push(
          (item) =>
            Array.isArray(item[param]) && (item[param] as unknown[]).some((v) => wanted.includes(String(v))),
        );
      } else if (param.endsWith("s") && param.slice(0, -1) in ctx.itemProps) {
        const field = param.slice(0, -1);
        tests.push((item) => wanted.includes(String(item[field])));
      }
    }
  }
  if (tests.length === 0) return null;
  if (tests.length === 1) return tests[0] ?? null;
  return (item) => tests.every((t) => t(item));
}

/** Finds the objects named by `names`/`ids`; unknown ones become `errors[]` entries. */
export function findTargets(
  ctx: DataContext,
  collection: Collection,
): { found: SlotItem[]; errors: ApiErrorEntry[]; addressed: boolean } {
  const found: SlotItem[] = [];
  const errors: ApiErrorEntry[] = [];
  const kind = capitalize(kindOf(collection.path));
  const names = stringList(ctx.query.names);
  const ids = stringList(ctx.query.ids);
  const keyed = Object.keys(ctx.itemProps).length === 0 || "name" in ctx.itemProps || "id" in ctx.itemProps;
  if (!keyed && (names || ids)) {
    // Items without name or id (`/active-directory/test` results): names/ids address the
    // parent objects (`/active-directory`), which must exist; the answer is this listing.
    const parentPath = collection.path.slice(0, collection.path.lastIndexOf("/")) || collection.path;
    const parent = ctx.state.collection(parentPath);
    const parentKind = capitalize(kindOf(parentPath));
    for (const key of [...(names ?? []), ...(ids ?? [])]) {
      if (parent.slotOf(key) === undefined)
        errors.push({ context: key, message: `${parentKind} does not exist.` });
    }
    return { found: [...collection.scan()], errors, addressed: true };
  }
  for (const name of names ?? []) {
    const slot = collection.slotOfName(name);
    if (slot === undefined) errors.push({ context: name, message: `${kind} does not exist.` });
    else found.push({ slot, item: collection.at(slot) as Item });
  }
  for (const id of ids ?? []) {
    const slot = collection.slotOfId(id);
    if (slot === undefined) errors.push({ context: id, message: `${kind} with id '${id}' does not exist.` });
    else found.push({ slot, item: collection.at(slot) as Item });
  }
  return { found, errors, addressed: names !== undefined || ids !== undefined };
}

// ------------------------------------------------------------------------------------- paging

interface TokenBody {
  /** Path the token belongs to. */
  p: string;
  /** Slot to resume from. */
  s: number;
}

function encodeToken(body: TokenBody): string {
  return btoa(JSON.stringify(body)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function decodeToken(token: string, path: string): number {
  try {
    const body = JSON.parse(atob(token.replace(/-/g, "+").replace(/_/g, "/"))) as TokenBody;
    if (body.p === path && Number.isInteger(body.s) && body.s >= 0) return body.s;
  } catch {
    // fall through
  }
  throw badRequest(
    `Invalid continuation_token for ${path}: use the token from the previous page of the same listing.`,
    "continuation_token",
  );
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return 1;
  if (b === undefined || b === null) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  const sa = typeof a === "string" ? a : JSON.stringify(a);
  const sb = typeof b === "string" ? b : JSON.stringify(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function comparatorOf(ctx: DataContext, sort: string[]): (a: Item, b: Item) => number {
  const keys = sort.map((spec) => {
    const desc = spec.endsWith("-");
    const field = desc ? spec.slice(0, -1) : spec;
    const top = field.split(".")[0] ?? "";
    if (!field || (Object.keys(ctx.itemProps).length > 0 && !(top in ctx.itemProps))) {
      throw badRequest(
        `Cannot sort ${ctx.op.path} by '${field}': not a field of its items. Use a field name, with '-' for descending.`,
        "sort",
      );
    }
    return { field, sign: desc ? -1 : 1 };
  });
  return (a, b) => {
    for (const { field, sign } of keys) {
      const c = compareValues(readPath(a, field), readPath(b, field));
      if (c !== 0) return sign * c;
    }
    return 0;
  };
}

/** Sums numbers field by field; other values become null (the arrays' `total` item). */
export function aggregate(items: Iterable<Item>): Item {
  const total: Item = {};
  const seen = new Set<string>();
  for (const item of items) {
    for (const [key, value] of Object.entries(item)) {
      const current = total[key];
      if (!seen.has(key)) {
        seen.add(key);
        total[key] = typeof value === "number" ? value : isPlainObject(value) ? aggregate([value]) : null;
      } else if (typeof value === "number" && typeof current === "number") {
        total[key] = current + value;
      } else if (isPlainObject(value) && isPlainObject(current)) {
        total[key] = aggregate([current, value].map((v) => v as Item));
      } else {
        total[key] = null;
      }
    }
  }
  return total;
}

/**
 * Only the fields the served version declares: one state serves several versions,
 * and an older version must not answer with fields that came later.
 */
function project(items: Item[], props: Record<string, unknown>, context: Item | null): Item[] {
  const keys = Object.keys(props);
  if (keys.length === 0) return items;
  const stamp = context !== null && "context" in props;
  return items.map((item) => {
    const out: Item = {};
    for (const k of keys) if (k in item) out[k] = item[k];
    if (stamp && !isPlainObject(out.context)) out.context = { ...context };
    return out;
  });
}

/** Builds a GET answer with the envelope fields the response schema declares. */
function envelope(
  ctx: DataContext,
  items: Item[],
  page: { token: string | null; more: boolean; count: number | null; total?: Item; errors?: ApiErrorEntry[] },
): MockAnswer {
  const declared = envelopeOf(ctx.spec, ctx.op.responseSchema);
  const body: Record<string, unknown> = {};
  if ("continuation_token" in declared) body.continuation_token = page.token;
  body.items = project(items, ctx.itemProps, ctx.contextRef);
  if ("more_items_remaining" in declared) body.more_items_remaining = page.more;
  if ("total_item_count" in declared) body.total_item_count = page.count;
  if (page.total && "total" in declared) body.total = [page.total];
  if (page.errors?.length) body.errors = page.errors;
  const status = page.errors?.length ? ctx.partialStatus : 200;
  return json(body, status, page.token ? { "x-next-token": page.token } : {});
}

/**
 * GET: one page of a collection. Without `sort`, pages walk slots in order and stop
 * after `limit + 1` matches, so a page of a 100k collection touches only its own
 * items (plus a count when `total_item_count=true` and a filter is set). A token is
 * issued when more items remain and the default order is used, as the spec says
 * ("generated if the limit is less than the remaining number of items, and the
 * default sort is used"); with `sort`, page with `offset`.
 */
export function listCollection(ctx: DataContext, collection: Collection): MockAnswer {
  const q = ctx.query;
  const predicate = predicateOf(ctx);
  const limit = typeof q.limit === "number" ? q.limit : Number.POSITIVE_INFINITY;
  const offset = typeof q.offset === "number" ? q.offset : 0;
  const wantCount = q.total_item_count === true;
  const totalOnly = q.total_only === true;
  const sort = stringList(q.sort);
  const token = typeof q.continuation_token === "string" ? q.continuation_token : undefined;
  if (token && sort?.length) {
    throw badRequest(
      "continuation_token cannot be combined with sort; page sorted listings with offset.",
      "continuation_token",
    );
  }

  const { found, errors, addressed } = findTargets(ctx, collection);
  if (errors.length && q.allow_errors !== true) throw new MockHttpError(400, errors);
  if (addressed || sort?.length || totalOnly) {
    // The whole selection is needed: the addressed objects, or every match to sort or total.
    const all: Item[] = [];
    for (const { item } of addressed ? found : collection.scan()) {
      if (!predicate || predicate(item)) all.push(item);
    }
    if (sort?.length) all.sort(comparatorOf(ctx, sort));
    const page = all.slice(offset, offset + limit);
    return envelope(ctx, totalOnly ? [] : page, {
      token: null,
      // total_only answers no items, so there is never more to page through.
      more: !totalOnly && offset + page.length < all.length,
      count: wantCount ? all.length : null,
      ...(totalOnly ? { total: aggregate(all) } : {}),
      errors,
    });
  }

  const start = token ? decodeToken(token, collection.path) : 0;
  let skip = token ? 0 : offset;
  const page: Item[] = [];
  let nextSlot = -1;
  for (const { slot, item } of collection.scan(start)) {
    if (predicate && !predicate(item)) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    if (page.length >= limit) {
      nextSlot = slot;
      break;
    }
    page.push(item);
  }
  const more = nextSlot >= 0;
  let count: number | null = null;
  if (wantCount) {
    if (!predicate) count = collection.size;
    else {
      count = 0;
      for (const { item } of collection.scan()) if (predicate(item)) count++;
    }
  }
  const issue = more && (ctx.op.pagination?.token ?? false);
  return envelope(ctx, page, {
    token: issue ? encodeToken({ p: collection.path, s: nextSlot }) : null,
    more,
    count,
  });
}

// ------------------------------------------------------------------------------------ writes

/**
 * The `{items}` answer of POST, PATCH and PUT. Where the version has fleets (the answer's
 * items declare `context`), each item names the array it was made or changed on, as
 * GET answers do.
 */
export function itemsAnswer(items: Item[], ctx: DataContext): MockAnswer {
  const stamp = ctx.contextRef !== null && "context" in itemPropertiesOf(ctx.spec, ctx.op.responseSchema);
  if (!stamp) return json({ items });
  return json({
    items: items.map((item) =>
      isPlainObject(item.context) ? item : { ...item, context: { ...ctx.contextRef } },
    ),
  });
}

/** Fields every new object gets when its items declare them. */
export function baseItem(ctx: DataContext, collectionPath: string, name: string | undefined): Item {
  const props = ctx.itemProps;
  const item: Item = {};
  if (name !== undefined && "name" in props) item.name = name;
  if ("id" in props) item.id = ctx.newId(`${collectionPath}|${name ?? ""}`);
  if ("created" in props) item.created = ctx.now;
  if ("destroyed" in props) item.destroyed = false;
  if ("time_remaining" in props) item.time_remaining = null;
  return item;
}

/** The request body as an object (`{}` when none was sent). */
export function bodyObject(ctx: DataContext): Record<string, unknown> {
  return isPlainObject(ctx.body) ? ctx.body : {};
}

/** Resolves a reference to an object of another collection (`{ name }` → `{ name, id }`). */
export function referenceTo(state: MockState, path: string, nameOrId: string): Item | undefined {
  const collection = state.collection(path);
  const slot = collection.slotOf(nameOrId);
  if (slot === undefined) return undefined;
  const item = collection.at(slot) as Item;
  const ref: Item = { name: item.name };
  if (item.id !== undefined) ref.id = item.id;
  return ref;
}

/**
 * Checks the references of a body against the collections they name: a field holding
 * `{name}` or `{id}` whose plural path is a collection of this version (`pod` →
 * `/pods`, `volume_group` → `/volume-groups`, `host_group` → `/host-groups`) must
 * name an existing object; `{name: null}` or `""` (leave or clear) is fine. Answers the body
 * with each such reference completed to `{name, id}`.
 */
export function checkReferences(ctx: DataContext, body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  const errors: ApiErrorEntry[] = [];
  for (const [field, value] of Object.entries(body)) {
    if (field === "source" || !isPlainObject(value)) continue;
    const key = typeof value.name === "string" ? value.name : typeof value.id === "string" ? value.id : null;
    if (!key) continue; // `{name: null}` or `""`: no reference (leave a pod, clear a group)
    const path = `/${field.replace(/_/g, "-")}s`;
    if (!ctx.spec.paths.has(path)) continue;
    const ref = referenceTo(ctx.state, path, key);
    if (!ref) errors.push({ context: key, message: `${capitalize(kindOf(path))} does not exist.` });
    else out[field] = ref;
  }
  if (errors.length) throw new MockHttpError(400, errors);
  return out;
}

/**
 * The container a new object's name places it in: `pod1::vol` is in pod `pod1` (FA
 * names pod members so), which must exist; `undefined` for names without `::` or
 * items without a `pod` field.
 */
export function podOfName(ctx: DataContext, name: string): Item | undefined {
  if (!("pod" in ctx.itemProps) || !name.includes("::")) return undefined;
  const pod = name.slice(0, name.indexOf("::"));
  const ref = referenceTo(ctx.state, "/pods", pod);
  if (!ref) throw badRequest("Pod does not exist.", pod);
  return ref;
}

/** Every combination of the reference parameters: `group_names=g&member_names=a,b` → 2 combos. */
function combinations(refs: RefParam[]): Item[] {
  let combos: Item[] = [{}];
  for (const ref of refs) {
    const next: Item[] = [];
    for (const combo of combos) {
      for (const value of ref.values) next.push({ ...combo, [ref.field]: { [ref.key]: value } });
    }
    combos = next;
  }
  return combos;
}

/** How a combination names itself in messages: `group/member`. */
function comboContext(combo: Item): string {
  return Object.values(combo)
    .map((r) => Object.values(r as Item)[0])
    .join("/");
}

function sameRefs(item: Item, combo: Item): boolean {
  return Object.entries(combo).every(([field, ref]) => {
    const target = item[field];
    const [key, value] = Object.entries(ref as Item)[0] ?? [];
    return isPlainObject(target) && key !== undefined && target[key] === value;
  });
}

/**
 * POST: creates objects. By `names` (409-like clashes answer 400 with the name as
 * context); else from `source_names` (snapshots, named `source.suffix`); else from the
 * reference parameters (relations such as `group_names` + `member_names`).
 * `build` lets a product complete each new item.
 */
export function createItems(
  ctx: DataContext,
  collection: Collection,
  build: (base: Item, context: { name?: string; refs: Item }) => Item = (base) => base,
): MockAnswer {
  const body = checkReferences(ctx, bodyObject(ctx));
  const kind = capitalize(kindOf(collection.path));
  const names = stringList(ctx.query.names);
  /** Stores the new objects once all of them passed their checks, and answers them. */
  const store = (items: Item[]): MockAnswer => {
    for (const item of items) collection.add(item);
    return itemsAnswer(items, ctx);
  };
  if (names) {
    const errors = names
      .filter((n, i) => collection.slotOfName(n) !== undefined || names.indexOf(n) !== i)
      .map((n) => ({ context: n, message: `${kind} already exists.` }));
    if (errors.length) throw new MockHttpError(400, errors);
    return store(
      names.map((name) => {
        const pod = podOfName(ctx, name);
        const item = build(deepMerge(baseItem(ctx, collection.path, name), body), { name, refs: {} });
        return pod ? { ...item, pod } : item;
      }),
    );
  }
  const refs = refParams(ctx);
  const sources = refs.find((r) => r.field === "source");
  if (sources && "name" in ctx.itemProps) {
    const suffixBase = typeof body.suffix === "string" ? body.suffix : undefined;
    const items: Item[] = [];
    for (const value of sources.values) {
      let name: string;
      if (suffixBase) name = `${value}.${suffixBase}`;
      else {
        let n = 1;
        while (collection.slotOfName(`${value}.${n}`) !== undefined) n++;
        name = `${value}.${n}`;
      }
      if (collection.slotOfName(name) !== undefined) {
        throw badRequest(`${kind} already exists.`, name);
      }
      const { suffix: _suffix, ...rest } = body;
      const refsOf: Item = { source: { [sources.key]: value } };
      items.push(
        build(deepMerge({ ...baseItem(ctx, collection.path, name), ...refsOf }, rest), {
          name,
          refs: refsOf,
        }),
      );
    }
    return store(items);
  }
  if (!refs.length && "name" in ctx.itemProps && ctx.op.query.some((p) => p.name === "names")) {
    throw badRequest(
      `${ctx.op.method.toUpperCase()} ${ctx.op.path} needs names for the new objects.`,
      "names",
    );
  }
  // A relation (`/host-groups/hosts`, `/protection-groups/volumes`…) needs both ends named.
  for (const end of ["group", "member"]) {
    const offered = ctx.op.query.filter((p) => p.name === `${end}_names` || p.name === `${end}_ids`);
    if (offered.length && !refs.some((r) => r.field === end)) {
      const param = offered[0]?.name as string;
      throw badRequest(`${ctx.op.method.toUpperCase()} ${ctx.op.path} needs ${param}.`, param);
    }
  }
  const combos = refs.length ? combinations(refs) : [{}];
  const items: Item[] = [];
  for (const combo of combos) {
    if (refs.length) {
      for (const { item } of collection.scan()) {
        if (sameRefs(item, combo)) {
          throw badRequest(`${kind} already exists.`, comboContext(combo));
        }
      }
    }
    items.push(
      build(deepMerge({ ...baseItem(ctx, collection.path, undefined), ...combo }, body), { refs: combo }),
    );
  }
  return store(items);
}

/** The objects a PATCH or DELETE addresses: by `names`/`ids`, or by reference parameters. */
export function addressed(ctx: DataContext, collection: Collection): SlotItem[] {
  if (ctx.query.names !== undefined && ctx.query.ids !== undefined) {
    throw badRequest("names and ids cannot be set together; address the objects by one of them.", "ids");
  }
  const { found, errors, addressed: byName } = findTargets(ctx, collection);
  if (errors.length) throw new MockHttpError(400, errors);
  if (byName) return found;
  const refs = refParams(ctx);
  if (!refs.length) {
    throw badRequest(
      `${ctx.op.method.toUpperCase()} ${ctx.op.path} needs names or ids to say which objects to change.`,
      "names",
    );
  }
  const matches: SlotItem[] = [];
  const missing: ApiErrorEntry[] = [];
  for (const combo of combinations(refs)) {
    const hits = [...collection.scan()].filter(({ item }) => sameRefs(item, combo));
    if (!hits.length) {
      missing.push({
        context: comboContext(combo),
        message: `${capitalize(kindOf(collection.path))} does not exist.`,
      });
    }
    matches.push(...hits);
  }
  if (missing.length) throw new MockHttpError(400, missing);
  return matches;
}

/**
 * PATCH: merges the body into each addressed object. `destroyed: true` starts the
 * eradication timer (`time_remaining`, 24 h as on a real array), `false` recovers;
 * `name` renames (one object at a time, to a free name).
 */
export function patchItems(
  ctx: DataContext,
  collection: Collection,
  adjust: (next: Item, previous: Item) => Item = (next) => next,
): MockAnswer {
  const body = checkReferences(ctx, bodyObject(ctx));
  const targets = addressed(ctx, collection);
  if (typeof body.name === "string") {
    if (targets.length !== 1) throw badRequest("Renaming needs exactly one object in names or ids.", "name");
    const owner = collection.slotOfName(body.name);
    if (owner !== undefined && owner !== targets[0]?.slot) {
      throw badRequest(`${capitalize(kindOf(collection.path))} already exists.`, body.name);
    }
  }
  const planned = targets.map(({ slot, item }) => {
    let next = deepMerge(item, body);
    if (body.destroyed === true && item.destroyed !== true && "time_remaining" in ctx.itemProps) {
      next.time_remaining = 86_400_000;
    }
    if (body.destroyed === false && "time_remaining" in ctx.itemProps) next.time_remaining = null;
    next = adjust(next, item);
    return { slot, next };
  });
  for (const { slot, next } of planned) collection.replace(slot, next);
  return itemsAnswer(
    planned.map((p) => p.next),
    ctx,
  );
}

/**
 * DELETE: removes each addressed object. Objects that can be destroyed (their items
 * have `destroyed`) must be destroyed first: DELETE is eradication.
 */
export function deleteItems(
  ctx: DataContext,
  collection: Collection,
  before?: (target: SlotItem) => void,
): MockAnswer {
  const targets = addressed(ctx, collection);
  const kind = capitalize(kindOf(collection.path));
  const errors: ApiErrorEntry[] = [];
  for (const { item } of targets) {
    if (ctx.destroyable && item.destroyed !== true) {
      errors.push({
        context: String(item.name ?? item.id),
        message: `${kind} must be destroyed (PATCH destroyed=true) before it can be eradicated.`,
      });
    }
  }
  if (errors.length) throw new MockHttpError(400, errors);
  for (const target of targets) before?.(target);
  for (const { slot } of targets) collection.delete(slot);
  return empty();
}

/** The generic handler for any data operation. */
export const genericHandler: DataHandler = (ctx) => {
  const collection = ctx.state.collection(ctx.op.path);
  switch (ctx.op.method) {
    case "get":
      return listDerivedView(ctx) ?? listCollection(ctx, collection);
    case "post":
      return createItems(ctx, collection);
    case "patch":
    case "put":
      return putTags(ctx) ?? patchOrPut(ctx, collection);
    case "delete":
      return deleteTags(ctx) ?? deleteItems(ctx, collection);
  }
};

function patchOrPut(ctx: DataContext, collection: Collection): MockAnswer {
  if (ctx.op.method === "put" && !ctx.query.names && !ctx.query.ids) {
    // PUT …/batch style: replace-or-add the items of the body.
    const items = (
      isPlainObject(ctx.body) && Array.isArray(ctx.body.items) ? ctx.body.items : [ctx.body]
    ).filter(isPlainObject);
    return itemsAnswer(
      items.map((item) => collection.add({ ...item })),
      ctx,
    );
  }
  if (ctx.op.method === "patch" && !ctx.op.query.some((p) => p.name === "names" || p.name === "ids")) {
    return patchSingleton(ctx, collection);
  }
  return patchItems(ctx, collection);
}

/**
 * PATCH of a path that names no objects (`/support`, `/arrays`): the array's one
 * object of that kind is changed (made from the body when the mock holds none yet).
 */
function patchSingleton(ctx: DataContext, collection: Collection): MockAnswer {
  const body = bodyObject(ctx);
  const present = [...collection.scan()];
  if (!present.length) {
    const item = deepMerge(baseItem(ctx, collection.path, undefined), body);
    collection.add(item);
    return itemsAnswer([item], ctx);
  }
  const changed = present.map(({ slot, item }) => {
    const next = deepMerge(item, body);
    collection.replace(slot, next);
    return next;
  });
  return itemsAnswer(changed, ctx);
}
