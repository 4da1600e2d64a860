/**
 * One collection of items (`/volumes`, `/hosts`, `/host-groups/hosts`…), kept in
 * insertion order in an array of slots. Design constraints, from the issue:
 *
 * - A 100k-volume array must page cheaply. Items seeded by a generator are not
 *   stored at all until something changes them: their slot stays `undefined` and is
 *   made on read from the index (deterministic), so a 100k collection costs two
 *   small index maps, not 100k objects.
 * - A continuation token must stay valid while the collection changes (the spec:
 *   "guaranteed to get all items exactly once regardless of how items are
 *   modified"). Tokens carry a slot number; deleted slots become holes (`null`) and
 *   slots are never reused or compacted, so a slot number means the same position
 *   for the life of the mock.
 */
/** A stored object, as the array answers it in `items`. */
export type Item = Record<string, unknown>;
/** One slot visited by {@link Collection.scan}. */
export interface SlotItem {
    slot: number;
    item: Item;
}
/**
 * The items of one path. Reads and writes used by tests go through `list`, `get`,
 * `add`, `update` and `remove`; the request handlers use the slot-level methods.
 *
 * @example
 * ```ts
 * const volumes = array.state.collection("/volumes");
 * volumes.add({ name: "vol1", provisioned: 1048576 });
 * volumes.update("vol1", { provisioned: 2097152 });
 * volumes.get("vol1")?.provisioned; // 2097152
 * ```
 */
export declare class Collection {
    #private;
    /** The version-free path this collection answers, e.g. `/volumes`. */
    readonly path: string;
    constructor(path: string);
    /** Number of items held. */
    get size(): number;
    /** All items, in order (made fresh for generated slots). */
    list(): Item[];
    /** The item with this name (or, failing that, this id). Generated items are stored from here on. */
    get(nameOrId: string): Item | undefined;
    /** Appends an item as given and returns it. */
    add(item: Item): Item;
    /** Shallow-merges `patch` into the named item; returns the updated item or `undefined`. */
    update(nameOrId: string, patch: Item): Item | undefined;
    /** Removes the named item; `false` when there was none. */
    remove(nameOrId: string): boolean;
    /** Removes everything (slot numbers are not reused). */
    clear(): void;
    /** Slot of the item with this name, else of the item with this id. */
    slotOf(nameOrId: string): number | undefined;
    /** Slot of the item with exactly this name. */
    slotOfName(name: string): number | undefined;
    /** Slot of the item with exactly this id. */
    slotOfId(id: string): number | undefined;
    /** The item in a slot, made on demand for generated slots; `undefined` for holes. */
    at(slot: number): Item | undefined;
    /** Like {@link at}, but stores a generated item so later changes to it stick. */
    materialize(slot: number): Item;
    /** Appends an item; returns its slot. */
    put(item: Item): number;
    /** Replaces the item in a slot (renames update the indexes). */
    replace(slot: number, item: Item): void;
    /** Empties a slot, leaving a hole. */
    delete(slot: number): void;
    /**
     * Appends `count` slots whose items `make(i)` builds on every read until one is
     * changed. `name(i)`/`id(i)` must agree with `make(i)`; they fill the indexes
     * without building items.
     */
    generate(count: number, make: (index: number) => Item, name: (index: number) => string, id?: (index: number) => string): void;
    /** Items from `fromSlot` on, in slot order, skipping holes. */
    scan(fromSlot?: number): Generator<SlotItem>;
}
//# sourceMappingURL=collection.d.ts.map