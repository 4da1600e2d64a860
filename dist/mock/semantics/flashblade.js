/**
 * FlashBlade objects with real behaviour: file systems (destroy → eradicate,
 * provisioned size, protocol settings) and buckets (belong to an existing object
 * store account; destroy → eradicate), with per-account bucket counts kept.
 */
import { bodyObject, createItems, deleteItems, patchItems, referenceTo, } from "../collections.js";
import { badRequest } from "../http.js";
import { SEED_EPOCH_MS, seedId, seedName } from "../seed/index.js";
import { hash32 } from "../state/random.js";
import { postObjectStoreAccessKeys, postObjectStoreUsers } from "./objectstore.js";
const TIB = 1024 ** 4;
function fsSpace(virtual) {
    return {
        virtual,
        unique: Math.round(virtual / 2.5),
        snapshots: 0,
        data_reduction: virtual ? 2.5 : 1,
        total_physical: Math.round(virtual / 2.5),
    };
}
/** A file system as a FlashBlade answers it. */
export function fileSystemItem(fields) {
    return {
        id: fields.id,
        name: fields.name,
        created: fields.created,
        destroyed: false,
        fast_remove_directory_enabled: false,
        hard_limit_enabled: false,
        http: { enabled: false },
        multi_protocol: { access_control_style: "shared", safeguard_acls: true },
        nfs: {
            export_policy: { name: null, id: null },
            rules: "*(rw,no_root_squash)",
            v3_enabled: true,
            v4_1_enabled: false,
        },
        promotion_status: "promoted",
        provisioned: fields.provisioned,
        requested_promotion_state: "promoted",
        smb: { enabled: false },
        snapshot_directory_enabled: true,
        source: { name: null, id: null },
        space: fsSpace(fields.used ?? 0),
        time_remaining: null,
        writable: true,
    };
}
/** A bucket as a FlashBlade answers it. */
export function bucketItem(fields) {
    return {
        id: fields.id,
        name: fields.name,
        account: { ...fields.account, resource_type: "object-store-accounts" },
        created: fields.created,
        destroyed: false,
        object_count: 0,
        space: fsSpace(0),
        time_remaining: null,
        versioning: "none",
    };
}
const postFileSystems = (ctx) => {
    const body = bodyObject(ctx);
    const provisioned = body.provisioned ?? 0;
    if (typeof provisioned !== "number" || provisioned < 0)
        throw badRequest("provisioned must be a non-negative number of bytes.", "provisioned");
    return createItems(ctx, ctx.state.collection("/file-systems"), (base, { name }) => {
        const { provisioned: _p, ...rest } = body;
        const item = fileSystemItem({
            name: name,
            id: base.id,
            created: ctx.now,
            provisioned,
        });
        for (const [key, value] of Object.entries(rest)) {
            const current = item[key];
            item[key] =
                current && typeof current === "object" && value && typeof value === "object"
                    ? { ...current, ...value }
                    : value;
        }
        return item;
    });
};
const patchFileSystems = (ctx) => {
    const body = bodyObject(ctx);
    return patchItems(ctx, ctx.state.collection("/file-systems"), (next, previous) => {
        if (body.destroyed === true && previous.destroyed !== true) {
            const nfs = previous.nfs;
            if (nfs?.v3_enabled || nfs?.v4_1_enabled || previous.smb?.enabled) {
                throw badRequest("Disable NFS and SMB access (nfs.v3_enabled, nfs.v4_1_enabled, smb.enabled) before destroying the file system.", String(previous.name));
            }
        }
        return next;
    });
};
function bucketCount(ctx, account, delta) {
    if (typeof account !== "string")
        return;
    const accounts = ctx.state.collection("/object-store-accounts");
    const item = accounts.get(account);
    if (item)
        accounts.update(account, { bucket_count: (item.bucket_count ?? 0) + delta });
}
const postBuckets = (ctx) => {
    const body = bodyObject(ctx);
    const accountRef = body.account;
    const key = accountRef?.name ?? accountRef?.id;
    if (!key)
        throw badRequest("A bucket needs account (an object store account name) in the body.", "account");
    const account = referenceTo(ctx.state, "/object-store-accounts", key);
    if (!account)
        throw badRequest("Object store account does not exist.", key);
    const answer = createItems(ctx, ctx.state.collection("/buckets"), (base, { name }) => {
        const { account: _a, ...rest } = body;
        return {
            ...bucketItem({ name: name, id: base.id, created: ctx.now, account }),
            ...rest,
        };
    });
    const count = Array.isArray(ctx.query.names) ? ctx.query.names.length : 0;
    bucketCount(ctx, account.name, count);
    return answer;
};
const deleteBuckets = (ctx) => deleteItems(ctx, ctx.state.collection("/buckets"), ({ item }) => {
    bucketCount(ctx, item.account?.name, -1);
});
const generateFileSystems = (state, spec, count) => {
    const path = "/file-systems";
    state.collection(path).generate(count, (i) => {
        const id = seedId(spec.product, path, i);
        const provisioned = (1 + (hash32(id) % 100)) * TIB;
        return fileSystemItem({
            name: seedName(path, i, count),
            id,
            created: SEED_EPOCH_MS + i * 60_000,
            provisioned,
            used: Math.floor((provisioned * ((hash32(id) >>> 8) % 100)) / 100),
        });
    }, (i) => seedName(path, i, count), (i) => seedId(spec.product, path, i));
};
const generateBuckets = (state, spec, count) => {
    const accounts = state.collection("/object-store-accounts");
    if (accounts.size === 0) {
        accounts.add({
            id: seedId(spec.product, "/object-store-accounts", 0),
            name: "account-001",
            created: SEED_EPOCH_MS,
            object_count: 0,
            space: fsSpace(0),
        });
    }
    const first = accounts.list()[0];
    const path = "/buckets";
    state.collection(path).generate(count, (i) => bucketItem({
        name: seedName(path, i, count),
        id: seedId(spec.product, path, i),
        created: SEED_EPOCH_MS + i * 60_000,
        account: { name: first.name, id: first.id },
    }), (i) => seedName(path, i, count), (i) => seedId(spec.product, path, i));
};
/** FlashBlade semantics by `METHOD /path`. */
export const flashBladeSemantics = {
    "POST /object-store-users": postObjectStoreUsers,
    "POST /object-store-access-keys": postObjectStoreAccessKeys,
    "POST /file-systems": postFileSystems,
    "PATCH /file-systems": patchFileSystems,
    "POST /buckets": postBuckets,
    "DELETE /buckets": deleteBuckets,
};
export const flashBladeGenerators = {
    "/file-systems": generateFileSystems,
    "/buckets": generateBuckets,
};
//# sourceMappingURL=flashblade.js.map