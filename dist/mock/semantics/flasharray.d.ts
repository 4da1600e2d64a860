/**
 * FlashArray objects with real behaviour beyond the generic collection rules:
 * volumes (provisioned size limits, resize/truncate, destroy → eradicate, serials),
 * hosts (cannot be deleted while connected), host groups and their membership (a host
 * is in at most one group), connections (need an existing host or host group and an
 * existing volume; LUNs assigned per host), protection groups (members of one kind
 * only) and snapshots (of existing volumes / protection groups). Behaviour follows
 * the spec's operation descriptions (e.g. DELETE /hosts: "All volumes that are
 * connected to the host … must be disconnected from the host before the host can be
 * deleted").
 */
import { type DataHandler } from "../collections.js";
import type { SeedGenerator } from "../profile.js";
import type { Item } from "../state/collection.js";
/** A volume as a FlashArray answers it. */
export declare function volumeItem(fields: {
    name: string;
    id: string;
    provisioned: number;
    created: number;
    used?: number;
}): Item;
/** A host as a FlashArray answers it. */
export declare function hostItem(name: string): Item;
/** `{ volumes: N }`: deterministic volumes of 1–1024 GiB. */
export declare const generateVolumes: SeedGenerator;
/** `{ hosts: N }`. */
export declare const generateHosts: SeedGenerator;
/** FlashArray semantics by `METHOD /path`. */
export declare const flashArraySemantics: Record<string, DataHandler>;
/** Paths that are two views of one relation. */
export declare const flashArrayAliases: Map<string, string>;
/** `{ volumes: N, hosts: N }` generators. */
export declare const flashArrayGenerators: Record<string, SeedGenerator>;
//# sourceMappingURL=flasharray.d.ts.map