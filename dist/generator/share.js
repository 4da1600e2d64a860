/**
 * Sharing across REST versions: each distinct schema, path item, parameter or
 * operation is emitted once per product, and a version becomes a list of
 * references to them.
 *
 * Consecutive versions of a product are nearly identical (FlashArray schemas are
 * ~98 % the same as the previous version's), so 55 versions cost a few times one
 * version instead of 55 times. Entries are grouped into files by the exact set of
 * versions that use them: a version loads only files whose every entry it uses,
 * so type-checking one version reads no more than that version's own types.
 *
 * Type entries refer to each other through the version that instantiates them
 * (`$["components"]["schemas"]["Volume"]`), not by content: an entry's text stays
 * the same when something it refers to changes, which keeps the sharing high, and
 * each version still resolves every reference to its own shape.
 */
import { createHash } from "node:crypto";
export function hashOf(text, length = 10) {
    return createHash("sha256").update(text).digest("base64url").replace(/[-_]/g, "x").slice(0, length);
}
/** A readable identifier from a key: `schemas.Volume` → `Volume`, `/volumes/{id}` → `volumes_id`. */
export function identifierOf(key) {
    const cleaned = key
        .replace(/^[a-zA-Z]+\./, "")
        .replace(/[^A-Za-z0-9]+/g, "_")
        .replace(/^_+|_+$/g, "")
        .slice(0, 48);
    return /^[0-9]/.test(cleaned) || cleaned === "" ? `_${cleaned}` : cleaned;
}
/**
 * Names a group by the versions it serves: contiguous runs of the product's
 * version list (`2.0-2.37`, `2.38`, `2.3-2.9_2.12`), or a hash when that would be long.
 */
export function groupName(versions, all) {
    const index = new Map(all.map((v, i) => [v, i]));
    const idx = versions.map((v) => index.get(v)).sort((a, b) => a - b);
    const runs = [];
    for (let i = 0; i < idx.length;) {
        let j = i;
        while (j + 1 < idx.length && idx[j + 1] === idx[j] + 1)
            j++;
        runs.push(i === j ? all[idx[i]] : `${all[idx[i]]}-${all[idx[j]]}`);
        i = j + 1;
    }
    const name = runs.join("_");
    return runs.length <= 3 ? name : `x${hashOf(name, 8)}`;
}
/**
 * Pools the entries of every version of one product.
 *
 * @param versions oldest first; every version's entries in a stable order
 * @param kindOf a short prefix per entry for readable names (`P` for paths…)
 */
export function poolEntries(versions, entriesOf, prefixOf = () => "") {
    const entries = new Map();
    const byVersion = new Map();
    const usedNames = new Map();
    for (const version of versions) {
        const mine = new Map();
        for (const { key, content } of entriesOf(version)) {
            const base = `${prefixOf(key)}${identifierOf(key)}`;
            const id = `${base}\u0000${content}`;
            let entry = entries.get(id);
            if (!entry) {
                let length = 6;
                let name = `${base}_${hashOf(id, length)}`;
                // Names are stable across runs (content-derived); a clash only lengthens the hash.
                while (usedNames.has(name) && usedNames.get(name) !== id)
                    name = `${base}_${hashOf(id, ++length)}`;
                usedNames.set(name, id);
                entry = { name, content, versions: [], group: "" };
                entries.set(id, entry);
            }
            if (entry.versions.at(-1) !== version)
                entry.versions.push(version);
            mine.set(key, entry);
        }
        byVersion.set(version, mine);
    }
    const groups = new Map();
    for (const entry of entries.values()) {
        entry.group = groupName(entry.versions, versions);
        let list = groups.get(entry.group);
        if (!list) {
            list = [];
            groups.set(entry.group, list);
        }
        list.push(entry);
    }
    for (const list of groups.values())
        list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { entries, byVersion, groups };
}
/** The groups a version draws from, in a stable order, with an import alias each. */
export function groupsOf(pool, version) {
    const names = new Set();
    for (const e of pool.byVersion.get(version).values())
        names.add(e.group);
    const sorted = [...names].sort();
    return new Map(sorted.map((g, i) => [g, `g${i}`]));
}
//# sourceMappingURL=share.js.map