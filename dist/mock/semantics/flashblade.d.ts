/**
 * FlashBlade objects with real behaviour: file systems (destroy → eradicate,
 * provisioned size, protocol settings) and buckets (belong to an existing object
 * store account; destroy → eradicate), with per-account bucket counts kept.
 */
import { type DataHandler } from "../collections.js";
import type { SeedGenerator } from "../profile.js";
import type { Item } from "../state/collection.js";
/** A file system as a FlashBlade answers it. */
export declare function fileSystemItem(fields: {
    name: string;
    id: string;
    created: number;
    provisioned: number;
    used?: number;
}): Item;
/** A bucket as a FlashBlade answers it. */
export declare function bucketItem(fields: {
    name: string;
    id: string;
    created: number;
    account: Item;
}): Item;
/** FlashBlade semantics by `METHOD /path`. */
export declare const flashBladeSemantics: Record<string, DataHandler>;
export declare const flashBladeGenerators: Record<string, SeedGenerator>;
//# sourceMappingURL=flashblade.d.ts.map