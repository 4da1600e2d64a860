/**
 * Tags of any object kind (`/volumes/tags`, `/hosts/tags`…): `PUT …/tags/batch` takes a
 * JSON array of tags (the spec's body is an array, so the generated table names no body
 * schema) and sets them on each resource named by `resource_names`/`resource_ids`,
 * replacing a tag with the same namespace and key; `DELETE …/tags` removes the tags
 * with the given `keys` (and `namespaces`). Limits follow the `Tag` schema's
 * descriptions: keys up to 64 characters, values up to 256, `pure*` namespaces reserved.
 */
import { type DataContext, itemsAnswer, kindOf } from "./collections.ts";
import { type ApiErrorEntry, badRequest, empty, type MockAnswer, MockHttpError } from "./http.ts";
import type { Item } from "./state/collection.ts";

/** `/volumes/tags/batch` → `/volumes`; `null` for other paths. */
function ownerOf(path: string, suffix: string): string | null {
  return path.endsWith(suffix) ? path.slice(0, -suffix.length) || null : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** The resources named by `resource_names`/`resource_ids`; each must exist. */
function resources(ctx: DataContext, owner: string): Item[] {
  const collection = ctx.state.collection(owner);
  const wanted = [...strings(ctx.query.resource_names), ...strings(ctx.query.resource_ids)];
  if (!wanted.length)
    throw badRequest("Name the tagged objects with resource_names or resource_ids.", "resource_names");
  const kind = kindOf(owner);
  const missing = wanted.filter((w) => collection.slotOf(w) === undefined);
  if (missing.length) {
    throw new MockHttpError(
      400,
      missing.map((m) => ({
        context: m,
        message: `${kind.charAt(0).toUpperCase()}${kind.slice(1)} does not exist.`,
      })),
    );
  }
  return wanted.map((w) => collection.get(w) as Item);
}

/** Checks one tag of a batch body; answers it with defaults filled in. */
function checkTag(value: unknown, index: number): Item {
  const at = `body[${index}]`;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badRequest(`${at} must be a tag object {key, value, namespace?, copyable?}.`, at);
  }
  const tag = value as Record<string, unknown>;
  const errors: ApiErrorEntry[] = [];
  if (typeof tag.key !== "string" || !tag.key)
    errors.push({ context: `${at}.key`, message: "key is required (a string)." });
  else if ([...tag.key].length > 64)
    errors.push({ context: `${at}.key`, message: "key supports up to 64 characters." });
  if (tag.value !== undefined && typeof tag.value !== "string")
    errors.push({ context: `${at}.value`, message: "value must be a string." });
  else if (typeof tag.value === "string" && [...tag.value].length > 256)
    errors.push({ context: `${at}.value`, message: "value supports up to 256 characters." });
  const namespace = tag.namespace ?? "default";
  if (typeof namespace !== "string")
    errors.push({ context: `${at}.namespace`, message: "namespace must be a string." });
  else if (namespace.startsWith("pure"))
    errors.push({
      context: `${at}.namespace`,
      message: `The '${namespace}' namespace is reserved for plugins.`,
    });
  if (tag.copyable !== undefined && typeof tag.copyable !== "boolean")
    errors.push({ context: `${at}.copyable`, message: "copyable must be true or false." });
  if (errors.length) throw new MockHttpError(400, errors);
  return { key: tag.key, value: tag.value ?? "", namespace, copyable: tag.copyable ?? true };
}

/** `PUT /<objects>/tags/batch`, or `null` when the path is not a tag batch. */
export function putTags(ctx: DataContext): MockAnswer | null {
  const owner = ownerOf(ctx.op.path, "/tags/batch");
  if (!owner || ctx.op.method !== "put") return null;
  const body = ctx.body;
  const list = Array.isArray(body) ? body : (body as { items?: unknown } | undefined)?.items;
  if (!Array.isArray(list))
    throw badRequest('The body is a JSON array of tags: [{"key": …, "value": …}].', "body");
  const tags = list.map(checkTag);
  const targets = resources(ctx, owner);
  const collection = ctx.state.collection(`${owner}/tags`);
  const stored: Item[] = [];
  for (const resource of targets) {
    for (const tag of tags) {
      const item: Item = { ...tag, resource: { name: resource.name ?? null, id: resource.id ?? null } };
      const existing = [...collection.scan()].find(
        ({ item: t }) =>
          (t.resource as Item | undefined)?.name === resource.name &&
          t.namespace === tag.namespace &&
          t.key === tag.key,
      );
      if (existing) collection.replace(existing.slot, item);
      else collection.put(item);
      stored.push(item);
    }
  }
  return itemsAnswer(stored, ctx);
}

/** `DELETE /<objects>/tags?resource_names=…&keys=…`, or `null` for other paths. */
export function deleteTags(ctx: DataContext): MockAnswer | null {
  const owner = ownerOf(ctx.op.path, "/tags");
  if (!owner || ctx.op.method !== "delete" || !ctx.op.query.some((p) => p.name === "keys")) return null;
  const keys = strings(ctx.query.keys);
  if (!keys.length) throw badRequest("Name the tags to remove with keys.", "keys");
  const namespaces = strings(ctx.query.namespaces);
  const names = new Set(resources(ctx, owner).map((r) => r.name));
  const collection = ctx.state.collection(ctx.op.path);
  for (const { slot, item } of [...collection.scan()]) {
    if (!names.has((item.resource as Item | undefined)?.name)) continue;
    if (!keys.includes(String(item.key))) continue;
    if (namespaces.length && !namespaces.includes(String(item.namespace))) continue;
    collection.delete(slot);
  }
  return empty();
}
