/**
 * FlashBlade objects with real behaviour: file systems (destroy → eradicate,
 * provisioned size, protocol settings) and buckets (belong to an existing object
 * store account; destroy → eradicate), with per-account bucket counts kept.
 */

import {
  bodyObject,
  createItems,
  type DataContext,
  type DataHandler,
  deleteItems,
  patchItems,
  referenceTo,
} from "../collections.ts";
import { badRequest, type MockAnswer } from "../http.ts";
import type { SeedGenerator } from "../profile.ts";
import { SEED_EPOCH_MS, seedId, seedName } from "../seed/index.ts";
import { propertiesOf } from "../spec.ts";
import type { Item } from "../state/collection.ts";
import { hash32 } from "../state/random.ts";
import { listDerivedView } from "../views.ts";
import { keytabSemantics } from "./keytabs.ts";
import { logSemantics } from "./logs.ts";
import { postObjectStoreAccessKeys, postObjectStoreUsers } from "./objectstore.ts";

const TIB = 1024 ** 4;

function fsSpace(virtual: number): Item {
  return {
    virtual,
    unique: Math.round(virtual / 2.5),
    snapshots: 0,
    data_reduction: virtual ? 2.5 : 1,
    total_physical: Math.round(virtual / 2.5),
  };
}

/** A file system as a FlashBlade answers it. */
export function fileSystemItem(fields: {
  name: string;
  id: string;
  created: number;
  provisioned: number;
  used?: number;
}): Item {
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
export function bucketItem(fields: { name: string; id: string; created: number; account: Item }): Item {
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

const postFileSystems: DataHandler = (ctx) => {
  const body = bodyObject(ctx);
  const provisioned = body.provisioned ?? 0;
  if (typeof provisioned !== "number" || provisioned < 0)
    throw badRequest("provisioned must be a non-negative number of bytes.", "provisioned");
  return createItems(ctx, ctx.state.collection("/file-systems"), (base, { name }) => {
    const { provisioned: _p, ...rest } = body;
    const item = fileSystemItem({
      name: name as string,
      id: base.id as string,
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

const patchFileSystems: DataHandler = (ctx) => {
  const body = bodyObject(ctx);
  return patchItems(ctx, ctx.state.collection("/file-systems"), (next, previous) => {
    if (body.destroyed === true && previous.destroyed !== true) {
      const nfs = previous.nfs as Item | undefined;
      if (nfs?.v3_enabled || nfs?.v4_1_enabled || (previous.smb as Item | undefined)?.enabled) {
        throw badRequest(
          "Disable NFS and SMB access (nfs.v3_enabled, nfs.v4_1_enabled, smb.enabled) before destroying the file system.",
          String(previous.name),
        );
      }
    }
    return next;
  });
};

function bucketCount(ctx: DataContext, account: unknown, delta: number): void {
  if (typeof account !== "string") return;
  const accounts = ctx.state.collection("/object-store-accounts");
  const item = accounts.get(account);
  if (item)
    accounts.update(account, { bucket_count: ((item.bucket_count as number | undefined) ?? 0) + delta });
}

const postBuckets: DataHandler = (ctx) => {
  const body = bodyObject(ctx);
  const accountRef = body.account as { name?: string; id?: string } | undefined;
  const key = accountRef?.name ?? accountRef?.id;
  if (!key) throw badRequest("A bucket needs account (an object store account name) in the body.", "account");
  const account = referenceTo(ctx.state, "/object-store-accounts", key);
  if (!account) throw badRequest("Object store account does not exist.", key);
  const answer = createItems(ctx, ctx.state.collection("/buckets"), (base, { name }) => {
    const { account: _a, ...rest } = body;
    return {
      ...bucketItem({ name: name as string, id: base.id as string, created: ctx.now, account }),
      ...rest,
    };
  });
  const count = Array.isArray(ctx.query.names) ? ctx.query.names.length : 0;
  bucketCount(ctx, account.name, count);
  return answer;
};

const deleteBuckets: DataHandler = (ctx) =>
  deleteItems(ctx, ctx.state.collection("/buckets"), ({ item }) => {
    bucketCount(ctx, (item.account as Item | undefined)?.name, -1);
  });

/** What `GET /arrays/space?type=` accepts (the spec's `Type` parameter); `array` when not given. */
const SPACE_TYPES = ["array", "file-system", "object-store"] as const;

const num = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) ? value : 0);

/**
 * The space of a kind of container, as FB sums it: live containers' usage, destroyed ones
 * apart (`destroyed`, `destroyed_virtual`), the provisioned sizes (`total_provisioned`) and
 * what is left of them (`available_provisioned`, `available_ratio`).
 */
function spaceOf(containers: Iterable<Item>, provisioned: number): Item {
  let virtual = 0;
  let unique = 0;
  let snapshots = 0;
  let physical = 0;
  let destroyed = 0;
  let destroyedVirtual = 0;
  for (const item of containers) {
    const space = (item.space ?? {}) as Item;
    if (item.destroyed === true) {
      destroyed += num(space.unique);
      destroyedVirtual += num(space.virtual);
      continue;
    }
    virtual += num(space.virtual);
    unique += num(space.unique);
    snapshots += num(space.snapshots);
    physical +=
      typeof space.total_physical === "number"
        ? space.total_physical
        : num(space.unique) + num(space.snapshots);
  }
  const available = Math.max(0, provisioned - virtual);
  return {
    virtual,
    unique,
    snapshots,
    shared: 0,
    total_physical: physical,
    total_used: physical,
    data_reduction: unique > 0 ? Math.round((virtual / unique) * 1e7) / 1e7 : 1,
    destroyed,
    destroyed_virtual: destroyedVirtual,
    total_provisioned: provisioned,
    available_provisioned: available,
    available_ratio: provisioned > 0 ? Math.round((available / provisioned) * 1e4) / 1e4 : 0,
  };
}

/**
 * `GET /arrays/space?type=array|file-system|object-store`: the array's space, or that of its
 * file systems or object store (buckets, with the accounts' quotas as provisioned), summed
 * from the objects the mock holds now, so objects created after start count.
 */
const getArraysSpace: DataHandler = (ctx) => {
  const type = ctx.query.type ?? "array";
  if (typeof type !== "string" || !(SPACE_TYPES as readonly string[]).includes(type)) {
    throw badRequest(
      `Invalid value for type: '${String(type)}'. Valid values are ${SPACE_TYPES.join(", ")}.`,
      "type",
    );
  }
  const fileSystems = [...ctx.state.collection("/file-systems").scan()].map((s) => s.item);
  const buckets = [...ctx.state.collection("/buckets").scan()].map((s) => s.item);
  const fsProvisioned = fileSystems.reduce(
    (n, fs) => n + (fs.destroyed === true ? 0 : num(fs.provisioned)),
    0,
  );
  const quotas = [...ctx.state.collection("/object-store-accounts").scan()].reduce(
    (n, { item }) => n + num(item.quota_limit),
    0,
  );
  const space =
    type === "file-system"
      ? spaceOf(fileSystems, fsProvisioned)
      : type === "object-store"
        ? spaceOf(buckets, quotas)
        : spaceOf([...fileSystems, ...buckets], fsProvisioned + quotas);
  // Only the fields this version's space schema declares.
  const declared = propertiesOf(ctx.spec, ctx.itemProps.space);
  const shown: Item = {};
  for (const [key, value] of Object.entries(space)) if (key in declared) shown[key] = value;
  const { type: _t, ...query } = ctx.query;
  return listDerivedView({ ...ctx, query }, { space: shown }) as MockAnswer;
};

const generateFileSystems: SeedGenerator = (state, spec, count) => {
  const path = "/file-systems";
  state.collection(path).generate(
    count,
    (i) => {
      const id = seedId(spec.product, path, i);
      const provisioned = (1 + (hash32(id) % 100)) * TIB;
      return fileSystemItem({
        name: seedName(path, i, count),
        id,
        created: SEED_EPOCH_MS + i * 60_000,
        provisioned,
        used: Math.floor((provisioned * ((hash32(id) >>> 8) % 100)) / 100),
      });
    },
    (i) => seedName(path, i, count),
    (i) => seedId(spec.product, path, i),
  );
};

const generateBuckets: SeedGenerator = (state, spec, count) => {
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
  const first = accounts.list()[0] as Item;
  const path = "/buckets";
  state.collection(path).generate(
    count,
    (i) =>
      bucketItem({
        name: seedName(path, i, count),
        id: seedId(spec.product, path, i),
        created: SEED_EPOCH_MS + i * 60_000,
        account: { name: first.name, id: first.id },
      }),
    (i) => seedName(path, i, count),
    (i) => seedId(spec.product, path, i),
  );
};

/** FlashBlade semantics by `METHOD /path`. */
export const flashBladeSemantics: Record<string, DataHandler> = {
  "POST /object-store-users": postObjectStoreUsers,
  "POST /object-store-access-keys": postObjectStoreAccessKeys,
  "POST /file-systems": postFileSystems,
  "PATCH /file-systems": patchFileSystems,
  "POST /buckets": postBuckets,
  "DELETE /buckets": deleteBuckets,
  "GET /arrays/space": getArraysSpace,
  ...keytabSemantics,
  ...logSemantics,
};

export const flashBladeGenerators: Record<string, SeedGenerator> = {
  "/file-systems": generateFileSystems,
  "/buckets": generateBuckets,
};
