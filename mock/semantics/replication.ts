/**
 * FlashArray replication: array connections, protection group targets and
 * `replicate_now`. A target must be a connected array; `POST
 * /protection-group-snapshots?replicate_now=true` (or `replicate=true`) on a group with
 * targets makes, per target, a snapshot on the target side (listed by `GET
 * /remote-protection-group-snapshots`, named `<this array>:<group>.<suffix>`) and a
 * transfer row whose progress advances with the mock's clock at {@link TRANSFER_BYTES_PER_MS}
 * (at least {@link MIN_TRANSFER_MS}), completing with `completed` set.
 */
import {
  addressed,
  bodyObject,
  createItems,
  type DataContext,
  type DataHandler,
  itemsAnswer,
  listCollection,
  referenceTo,
} from "../collections.ts";
import { badRequest, empty, MockHttpError } from "../http.ts";
import type { SeedGenerator } from "../profile.ts";
import { seedId } from "../seed/index.ts";
import type { Item } from "../state/collection.ts";
import type { MockState } from "../state/store.ts";

/** Replication speed of the mock link: 100 MB/s. */
export const TRANSFER_BYTES_PER_MS = 100_000;
/** Shortest transfer: a minute, so tests see one in flight. */
export const MIN_TRANSFER_MS = 60_000;

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** The name this array goes by: the first `/arrays` item, or `mock-array`. */
function localArrayName(state: MockState): string {
  const first = state.collection("/arrays").scan().next().value?.item;
  return typeof first?.name === "string" ? first.name : "mock-array";
}

/** A connected array as `/array-connections` lists it. */
export function arrayConnectionItem(name: string, id: string, address: string): Item {
  return {
    id,
    name,
    encryption: "disabled",
    encryption_mode: null,
    management_address: address,
    os: "Purity//FA",
    remote: { name, id },
    replication_addresses: [address],
    replication_transport: "ip",
    status: "connected",
    throttle: {},
    type: "async-replication",
    version: "6.7.0",
  };
}

/** `{ "array-connections": N }` and the recorded seed: connected arrays `remote-fa-1`… */
export const generateArrayConnections: SeedGenerator = (state, spec, count) => {
  for (let i = 1; i <= count; i++) {
    const name = `remote-fa-${i}`;
    if (state.collection("/array-connections").slotOfName(name) !== undefined) continue;
    state
      .collection("/array-connections")
      .add(arrayConnectionItem(name, seedId(spec.product, "/array-connections", i), `10.0.0.${10 + i}`));
  }
};

/** POST /array-connections: management_address and connection_key; the remote's name comes from the address. */
const postArrayConnections: DataHandler = (ctx) => {
  const body = bodyObject(ctx);
  const address = body.management_address;
  if (typeof address !== "string" || !address.trim()) {
    throw badRequest("management_address of the remote array is required.", "management_address");
  }
  if (typeof body.connection_key !== "string" || !body.connection_key.trim()) {
    throw badRequest(
      "connection_key is required: get it on the remote array (purearray list --connection-key).",
      "connection_key",
    );
  }
  const connections = ctx.state.collection("/array-connections");
  const name = `array-${address.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "")}`;
  if (connections.slotOfName(name) !== undefined) throw badRequest("Array connection already exists.", name);
  const item = arrayConnectionItem(name, ctx.newId(`/array-connections|${name}`), address);
  if (typeof body.type === "string") item.type = body.type;
  if (Array.isArray(body.replication_addresses)) item.replication_addresses = body.replication_addresses;
  connections.put(item);
  return itemsAnswer([item], ctx);
};

/** The connection a target names (by connection or remote name, or id). */
function connectionOf(state: MockState, key: string): Item | undefined {
  const connections = state.collection("/array-connections");
  const direct = connections.get(key);
  if (direct) return direct;
  for (const { item } of connections.scan()) {
    const remote = item.remote as Item | undefined;
    if (remote?.name === key || remote?.id === key) return item;
  }
  return undefined;
}

/** POST /protection-groups/targets: each member must be a connected array. */
const postProtectionGroupTargets: DataHandler = (ctx) => {
  const groups = [...list(ctx.query.group_names), ...list(ctx.query.group_ids)];
  const members = [...list(ctx.query.member_names), ...list(ctx.query.member_ids)];
  const errors = [
    ...groups
      .filter((g) => ctx.state.collection("/protection-groups").slotOf(g) === undefined)
      .map((g) => ({ context: g, message: "Protection group does not exist." })),
    ...members
      .filter((m) => !connectionOf(ctx.state, m))
      .map((m) => ({
        context: m,
        message: "Array connection does not exist; connect the array (POST /array-connections) first.",
      })),
  ];
  if (errors.length) throw new MockHttpError(400, errors);
  for (const m of members) {
    if (connectionOf(ctx.state, m)?.status !== "connected")
      throw badRequest("Array connection is not connected.", m);
  }
  const answer = createItems(ctx, ctx.state.collection("/protection-groups/targets"), (base, { refs }) => {
    const group = referenceTo(ctx.state, "/protection-groups", String(Object.values(refs.group as Item)[0]));
    const connection = connectionOf(ctx.state, String(Object.values(refs.member as Item)[0])) as Item;
    return {
      ...base,
      group,
      member: { ...(connection.remote as Item) },
      allowed: true,
      status: "replicating",
    };
  });
  recountTargets(ctx.state, groups);
  return answer;
};

function recountTargets(state: MockState, groups: string[]): void {
  const targets = state.collection("/protection-groups/targets");
  for (const group of groups) {
    const pg = state.collection("/protection-groups").get(group);
    if (!pg) continue;
    const count = [...targets.scan()].filter((s) => (s.item.group as Item).name === pg.name).length;
    state.collection("/protection-groups").update(group, { target_count: count });
  }
}

const deleteProtectionGroupTargets: DataHandler = (ctx) => {
  const groups = [...list(ctx.query.group_names), ...list(ctx.query.group_ids)];
  const targets = ctx.state.collection("/protection-groups/targets");
  for (const { slot } of addressed(ctx, targets)) targets.delete(slot);
  recountTargets(ctx.state, groups);
  return empty();
};

/**
 * After a protection group snapshot is made: with `replicate_now` or `replicate`, a
 * transfer and a target-side snapshot per target of the group.
 */
export function replicateSnapshots(ctx: DataContext, snapshots: Item[]): void {
  if (ctx.query.replicate_now !== true && ctx.query.replicate !== true) return;
  const targets = ctx.state.collection("/protection-groups/targets");
  const transfers = ctx.state.collection("/protection-group-snapshots/transfer");
  const remote = ctx.state.collection("/remote-protection-group-snapshots");
  const local = localArrayName(ctx.state);
  for (const snapshot of snapshots) {
    const group = (snapshot.source as Item).name;
    const members = [...targets.scan()].filter((s) => (s.item.group as Item).name === group);
    let bytes = 0;
    for (const { item } of ctx.state.collection("/protection-groups/volumes").scan()) {
      if ((item.group as Item).name !== group) continue;
      const volume = ctx.state.collection("/volumes").get(String((item.member as Item).name));
      const space = volume?.space as Item | undefined;
      bytes += Number(space?.virtual ?? 0) || Number(volume?.provisioned ?? 0) / 10;
    }
    const duration = Math.max(MIN_TRANSFER_MS, Math.ceil(bytes / TRANSFER_BYTES_PER_MS));
    transfers.put({
      id: snapshot.id,
      name: snapshot.name,
      destroyed: false,
      started: ctx.now,
      completed: null,
      progress: 0,
      data_transferred: 0,
      physical_bytes_written: 0,
      _bytes: Math.round(bytes),
      _duration: duration,
    });
    for (const { item: target } of members) {
      const name = `${local}:${String(snapshot.name)}`;
      remote.put({
        id: ctx.newId(`/remote-protection-group-snapshots|${name}|${String((target.member as Item).name)}`),
        name,
        created: ctx.now,
        destroyed: false,
        is_local: false,
        remote: { ...(target.member as Item) },
        source: { name: `${local}:${String(group)}`, id: (snapshot.source as Item).id ?? null },
        suffix: snapshot.suffix,
        time_remaining: null,
      });
    }
  }
}

/** GET /protection-group-snapshots/transfer: progress as of the mock's clock. */
const getTransfers: DataHandler = (ctx) => {
  const transfers = ctx.state.collection("/protection-group-snapshots/transfer");
  for (const { slot, item } of [...transfers.scan()]) {
    if (item.completed !== null) continue;
    const duration = Number(item._duration) || MIN_TRANSFER_MS;
    const progress = Math.min(1, Math.max(0, (ctx.now - Number(item.started)) / duration));
    const bytes = Number(item._bytes) || 0;
    transfers.replace(slot, {
      ...item,
      progress: Math.round(progress * 1000) / 1000,
      data_transferred: Math.round(bytes * progress),
      physical_bytes_written: Math.round((bytes * progress) / 3),
      completed: progress >= 1 ? Number(item.started) + duration : null,
    });
  }
  return listCollection(ctx, transfers);
};

/** Replication semantics by `METHOD /path`. */
export const replicationSemantics: Record<string, DataHandler> = {
  "POST /array-connections": postArrayConnections,
  "POST /protection-groups/targets": postProtectionGroupTargets,
  "DELETE /protection-groups/targets": deleteProtectionGroupTargets,
  "GET /protection-group-snapshots/transfer": getTransfers,
};
