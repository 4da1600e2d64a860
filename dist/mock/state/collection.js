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
/** How many generated items a collection keeps made (a few pages' worth). */
const RECENT_LIMIT = 4096;
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
export class Collection {
    /** The version-free path this collection answers, e.g. `/volumes`. */
    path;
    #slots = [];
    #ranges = [];
    #byName = new Map();
    #byId = new Map();
    #live = 0;
    /**
     * Recently made generated items, so hot pages are not rebuilt on every read.
     * Bounded, so a walk over 100k items does not keep them all.
     */
    #recent = new Map();
    constructor(path) {
        this.path = path;
    }
    /** Number of items held. */
    get size() {
        return this.#live;
    }
    // ------------------------------------------------------------------ friendly API
    /** All items, in order (made fresh for generated slots). */
    list() {
        return [...this.scan()].map((s) => s.item);
    }
    /** The item with this name (or, failing that, this id). Generated items are stored from here on. */
    get(nameOrId) {
        const slot = this.slotOf(nameOrId);
        return slot === undefined ? undefined : this.materialize(slot);
    }
    /** Appends an item as given and returns it. */
    add(item) {
        this.put(item);
        return item;
    }
    /** Shallow-merges `patch` into the named item; returns the updated item or `undefined`. */
    update(nameOrId, patch) {
        const slot = this.slotOf(nameOrId);
        if (slot === undefined)
            return undefined;
        const next = { ...this.materialize(slot), ...patch };
        this.replace(slot, next);
        return next;
    }
    /** Removes the named item; `false` when there was none. */
    remove(nameOrId) {
        const slot = this.slotOf(nameOrId);
        if (slot === undefined)
            return false;
        this.delete(slot);
        return true;
    }
    /** Removes everything (slot numbers are not reused). */
    clear() {
        for (let s = 0; s < this.#slots.length; s++)
            this.#slots[s] = null;
        this.#recent.clear();
        this.#byName.clear();
        this.#byId.clear();
        this.#live = 0;
    }
    // ------------------------------------------------------------------ slot level
    /** Slot of the item with this name, else of the item with this id. */
    slotOf(nameOrId) {
        return this.#byName.get(nameOrId) ?? this.#byId.get(nameOrId);
    }
    /** Slot of the item with exactly this name. */
    slotOfName(name) {
        return this.#byName.get(name);
    }
    /** Slot of the item with exactly this id. */
    slotOfId(id) {
        return this.#byId.get(id);
    }
    /** The item in a slot, made on demand for generated slots; `undefined` for holes. */
    at(slot) {
        const value = this.#slots[slot];
        if (value === null)
            return undefined;
        if (value !== undefined)
            return value;
        if (slot >= this.#slots.length)
            return undefined;
        return this.#generated(slot);
    }
    /** Like {@link at}, but stores a generated item so later changes to it stick. */
    materialize(slot) {
        const item = this.at(slot);
        if (item === undefined)
            throw new Error(`slot ${slot} of ${this.path} is empty`);
        this.#slots[slot] = item;
        this.#recent.delete(slot);
        return item;
    }
    /** Appends an item; returns its slot. */
    put(item) {
        const slot = this.#slots.length;
        this.#slots.push(item);
        this.#index(item, slot);
        this.#live++;
        return slot;
    }
    /** Replaces the item in a slot (renames update the indexes). */
    replace(slot, item) {
        const old = this.at(slot);
        if (old === undefined)
            throw new Error(`slot ${slot} of ${this.path} is empty`);
        this.#recent.delete(slot);
        this.#unindex(old, slot);
        this.#slots[slot] = item;
        this.#index(item, slot);
    }
    /** Empties a slot, leaving a hole. */
    delete(slot) {
        const old = this.at(slot);
        if (old === undefined)
            return;
        this.#unindex(old, slot);
        this.#recent.delete(slot);
        this.#slots[slot] = null;
        this.#live--;
    }
    /**
     * Appends `count` slots whose items `make(i)` builds on every read until one is
     * changed. `name(i)`/`id(i)` must agree with `make(i)`; they fill the indexes
     * without building items.
     */
    generate(count, make, name, id) {
        const start = this.#slots.length;
        this.#slots.length = start + count;
        this.#ranges.push({ start, count, make });
        for (let i = 0; i < count; i++) {
            this.#byName.set(name(i), start + i);
            if (id)
                this.#byId.set(id(i), start + i);
        }
        this.#live += count;
    }
    /** Items from `fromSlot` on, in slot order, skipping holes. */
    *scan(fromSlot = 0) {
        const end = this.#slots.length;
        for (let slot = Math.max(0, fromSlot); slot < end; slot++) {
            const value = this.#slots[slot];
            if (value === null)
                continue;
            const item = value === undefined ? this.#generated(slot) : value;
            if (item !== undefined)
                yield { slot, item };
        }
    }
    #generated(slot) {
        const cached = this.#recent.get(slot);
        if (cached)
            return cached;
        for (const range of this.#ranges) {
            if (slot >= range.start && slot < range.start + range.count) {
                const item = range.make(slot - range.start);
                if (this.#recent.size >= RECENT_LIMIT)
                    this.#recent.delete(this.#recent.keys().next().value);
                this.#recent.set(slot, item);
                return item;
            }
        }
        return undefined;
    }
    #index(item, slot) {
        if (typeof item.name === "string")
            this.#byName.set(item.name, slot);
        if (typeof item.id === "string")
            this.#byId.set(item.id, slot);
    }
    #unindex(item, slot) {
        if (typeof item.name === "string" && this.#byName.get(item.name) === slot)
            this.#byName.delete(item.name);
        if (typeof item.id === "string" && this.#byId.get(item.id) === slot)
            this.#byId.delete(item.id);
    }
}
//# sourceMappingURL=collection.js.map