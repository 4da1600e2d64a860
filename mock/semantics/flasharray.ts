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

import {
  addressed,
  bodyObject,
  checkReferences,
  createItems,
  type DataHandler,
  deepMerge,
  deleteItems,
  itemsAnswer,
  patchItems,
  referenceTo,
} from "../collections.ts";
import { badRequest, type MockAnswer, MockHttpError } from "../http.ts";
import type { SeedGenerator } from "../profile.ts";
import { SEED_EPOCH_MS, seedId, seedName } from "../seed/index.ts";
import type { Collection, Item } from "../state/collection.ts";
import { deterministicSerial, hash32 } from "../state/random.ts";
import type { MockState } from "../state/store.ts";
import { postObjectStoreAccessKeys, postObjectStoreUsers } from "./objectstore.ts";
import { generateArrayConnections, replicateSnapshots, replicationSemantics } from "./replication.ts";

/** Largest volume the arrays accept: 4 PiB (VolumePatch.provisioned maximum). */
const MAX_PROVISIONED = 4_503_599_627_370_496;
const NULL_REF = { name: null, id: null };

function space(provisioned: number, used: number): Item {
  return {
    data_reduction: used ? 3.2 : 1,
    shared: null,
    snapshots: 0,
    system: null,
    thin_provisioning: provisioned ? 1 - used / provisioned : 0,
    total_physical: Math.round(used / 3.2),
    total_provisioned: provisioned,
    total_reduction: used ? 10.4 : 1,
    unique: Math.round(used / 3.2),
    virtual: used,
    unique_effective: used,
    snapshots_effective: 0,
    total_effective: used,
  };
}

/** A volume as a FlashArray answers it. */
export function volumeItem(fields: {
  name: string;
  id: string;
  provisioned: number;
  created: number;
  used?: number;
}): Item {
  return {
    id: fields.id,
    name: fields.name,
    connection_count: 0,
    created: fields.created,
    destroyed: false,
    host_encryption_key_status: "none",
    pod: { ...NULL_REF },
    priority: 0,
    priority_adjustment: { priority_adjustment_operator: "+", priority_adjustment_value: 0 },
    promotion_status: "promoted",
    provisioned: fields.provisioned,
    qos: { bandwidth_limit: null, iops_limit: null },
    requested_promotion_state: "promoted",
    serial: deterministicSerial(fields.id),
    source: { ...NULL_REF },
    space: space(fields.provisioned, fields.used ?? 0),
    subtype: "regular",
    time_remaining: null,
    volume_group: { ...NULL_REF },
  };
}

/** A host as a FlashArray answers it. */
export function hostItem(name: string): Item {
  return {
    name,
    chap: { host_password: null, host_user: null, target_password: null, target_user: null },
    connection_count: 0,
    host_group: { name: null },
    iqns: [],
    is_local: true,
    nqns: [],
    personality: null,
    port_connectivity: { details: "", status: "healthy" },
    preferred_arrays: [],
    space: space(0, 0),
    wwns: [],
  };
}

const GIB = 1024 ** 3;

/** `{ volumes: N }`: deterministic volumes of 1–1024 GiB. */
export const generateVolumes: SeedGenerator = (state, spec, count) => {
  const path = "/volumes";
  state.collection(path).generate(
    count,
    (i) => {
      const id = seedId(spec.product, path, i);
      const h = hash32(id);
      const provisioned = (1 + (h % 1024)) * GIB;
      return volumeItem({
        name: seedName(path, i, count),
        id,
        provisioned,
        created: SEED_EPOCH_MS + i * 60_000,
        used: Math.floor((provisioned * ((h >>> 10) % 100)) / 100),
      });
    },
    (i) => seedName(path, i, count),
    (i) => seedId(spec.product, path, i),
  );
};

/** `{ hosts: N }`. */
export const generateHosts: SeedGenerator = (state, _spec, count) => {
  const path = "/hosts";
  state.collection(path).generate(
    count,
    (i) => ({
      ...hostItem(seedName(path, i, count)),
      iqns: [`iqn.2024-01.com.example:${seedName(path, i, count)}`],
    }),
    (i) => seedName(path, i, count),
  );
};

function names(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function adjustCount(state: MockState, path: string, name: unknown, field: string, delta: number): void {
  if (typeof name !== "string") return;
  const collection = state.collection(path);
  const slot = collection.slotOfName(name);
  if (slot === undefined) return;
  const item = collection.materialize(slot);
  item[field] = Math.max(0, (typeof item[field] === "number" ? (item[field] as number) : 0) + delta);
}

function checkProvisioned(value: unknown, context: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
    throw badRequest("provisioned must be a positive number of bytes.", context);
  }
  if (value > MAX_PROVISIONED)
    throw badRequest(`provisioned exceeds the maximum volume size (${MAX_PROVISIONED} bytes).`, context);
  if (value % 512 !== 0) throw badRequest("provisioned must be a multiple of 512 bytes.", context);
  return value;
}

// ------------------------------------------------------------------------------------ volumes

const postVolumes: DataHandler = (ctx) => {
  const body = checkReferences(ctx, bodyObject(ctx));
  const source = body.source as { name?: string; id?: string } | undefined;
  let copyOf: Item | undefined;
  if (source) {
    copyOf = ctx.state.collection("/volumes").get(source.name ?? source.id ?? "");
    copyOf ??= ctx.state.collection("/volume-snapshots").get(source.name ?? source.id ?? "");
    if (!copyOf)
      throw badRequest("Source volume or snapshot does not exist.", source.name ?? source.id ?? "source");
  } else if (body.provisioned === undefined) {
    throw badRequest(
      "provisioned is required to create a volume (or give source to copy one).",
      "provisioned",
    );
  }
  const provisioned = checkProvisioned(body.provisioned ?? copyOf?.provisioned, "provisioned");
  const volumes = ctx.state.collection("/volumes");
  if (ctx.query.overwrite === true) {
    // The spec: overwrite "overwrites an existing object during an object copy operation".
    if (!copyOf) throw badRequest("overwrite=true copies over an existing volume; give source.", "overwrite");
    const overwritten = overwriteVolumes(ctx, volumes, copyOf, provisioned);
    if (overwritten) return overwritten;
  }
  const pgroups = [
    ...names(ctx.query.add_to_protection_group_names),
    ...names(ctx.query.add_to_protection_group_ids),
  ];
  requireAll(ctx.state, "/protection-groups", pgroups, "Protection group");
  const answer = createItems(ctx, volumes, (base, { name }) => {
    const volume = volumeItem({ name: name as string, id: base.id as string, provisioned, created: ctx.now });
    const { source: _s, provisioned: _p, ...rest } = body;
    const merged = deepMerge(volume, rest);
    if (copyOf)
      merged.source = referenceTo(ctx.state, volumes.path, String(copyOf.name)) ?? {
        name: copyOf.name,
        id: copyOf.id,
      };
    return merged;
  });
  // add_to_protection_group_names: the new volumes join those groups.
  const members = ctx.state.collection("/protection-groups/volumes");
  for (const group of pgroups) {
    const pg = ctx.state.collection("/protection-groups").get(group) as Item;
    for (const volume of names(ctx.query.names)) {
      members.add({
        group: referenceTo(ctx.state, "/protection-groups", group),
        member: referenceTo(ctx.state, "/volumes", volume),
      });
    }
    pg.volume_count = ((pg.volume_count as number | undefined) ?? 0) + names(ctx.query.names).length;
  }
  return answer;
};

/**
 * `POST /volumes?names=v&overwrite=true` with `source`: the named volumes that exist
 * take the source's contents (size, space) and keep their identity (id, serial,
 * connections), as a restore from a snapshot does; `null` when none exists (a plain copy).
 */
function overwriteVolumes(
  ctx: Parameters<DataHandler>[0],
  volumes: Collection,
  source: Item,
  provisioned: number,
): MockAnswer | null {
  const targets = names(ctx.query.names);
  const existing = targets.filter((n) => volumes.slotOfName(n) !== undefined);
  if (!existing.length) return null;
  if (existing.length !== targets.length) {
    throw badRequest("overwrite=true: name only existing volumes, or only new ones, in one call.", "names");
  }
  const sourceRef = { name: source.name ?? null, id: source.id ?? null };
  const items = existing.map((name) => {
    const slot = volumes.slotOfName(name) as number;
    const current = volumes.materialize(slot);
    if (current.destroyed === true)
      throw badRequest("Volume is destroyed; recover it before overwriting.", name);
    if (current.name === source.name) throw badRequest("A volume cannot be overwritten with itself.", name);
    const next: Item = {
      ...current,
      provisioned,
      source: sourceRef,
      space: { ...(source.space as Item | undefined), total_provisioned: provisioned },
    };
    volumes.replace(slot, next);
    return next;
  });
  return itemsAnswer(items, ctx);
}

const patchVolumes: DataHandler = (ctx) => {
  const body = bodyObject(ctx);
  if (body.provisioned !== undefined) checkProvisioned(body.provisioned, "provisioned");
  return patchItems(ctx, ctx.state.collection("/volumes"), (next, previous) => {
    if (typeof body.provisioned === "number" && typeof previous.provisioned === "number") {
      if (body.provisioned < previous.provisioned && ctx.query.truncate !== true) {
        throw badRequest(
          "Shrinking a volume discards data beyond the new size; set truncate=true to confirm.",
          String(previous.name),
        );
      }
      next.space = { ...(previous.space as Item), total_provisioned: body.provisioned };
    }
    if (body.destroyed === true && previous.destroyed !== true) {
      // A destroyed volume keeps no host connections.
      removeConnections(ctx.state, (c) => (c.volume as Item | undefined)?.name === previous.name);
      next.connection_count = 0;
    }
    if (body.pod !== undefined) {
      // Moving into (or out of) a pod renames the volume: `pod::name`.
      const pod = (next.pod as Item | null | undefined)?.name;
      const base = String(previous.name).split("::").pop() as string;
      next.name = typeof pod === "string" && pod ? `${pod}::${base}` : base;
      if (!(typeof pod === "string" && pod)) next.pod = { ...NULL_REF };
      if (
        ctx.state.collection("/volumes").slotOfName(String(next.name)) !== undefined &&
        next.name !== previous.name
      )
        throw badRequest("Volume already exists.", String(next.name));
    }
    const newName = typeof next.name === "string" ? next.name : undefined;
    if (newName !== undefined && newName !== previous.name)
      renameReferences(ctx.state, "volume", previous.name, newName);
    return next;
  });
};

function renameReferences(state: MockState, field: string, from: unknown, to: string): void {
  const connections = state.collection("/connections");
  for (const { slot, item } of [...connections.scan()]) {
    const ref = item[field] as Item | undefined;
    if (ref?.name === from) connections.replace(slot, { ...item, [field]: { ...ref, name: to } });
  }
}

function removeConnections(state: MockState, match: (connection: Item) => boolean): void {
  const connections = state.collection("/connections");
  for (const { slot, item } of [...connections.scan()]) {
    if (!match(item)) continue;
    connections.delete(slot);
    adjustCount(state, "/hosts", (item.host as Item | undefined)?.name, "connection_count", -1);
    adjustCount(state, "/host-groups", (item.host_group as Item | undefined)?.name, "connection_count", -1);
  }
}

const deleteVolumes: DataHandler = (ctx) =>
  deleteItems(ctx, ctx.state.collection("/volumes"), ({ item }) => {
    removeConnections(ctx.state, (c) => (c.volume as Item | undefined)?.name === item.name);
  });

// -------------------------------------------------------------------------------------- hosts

// ---------------------------------------------------------------------- host initiators

/**
 * Initiator formats the arrays accept: IQN `iqn.YYYY-MM.reversed.domain[:id]` or EUI
 * `eui.` + 16 hex digits (RFC 3720); WWN 16 hex digits, with or without colons, kept
 * as `52:4A:93:70:4E:E5:68:00` (the spec's example); NQN `nqn.YYYY-MM.domain:…`
 * (NVMe base specification).
 */
const INITIATORS = {
  iqns: {
    label: "IQN",
    check: (v: string) =>
      /^iqn\.\d{4}-(0[1-9]|1[0-2])\.[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:.+)?$/i.test(
        v,
      ) || /^eui\.[0-9a-f]{16}$/i.test(v),
    normal: (v: string) => v.toLowerCase(),
    example: "iqn.2010-06.com.purestorage:linux.393d930077be2977",
  },
  wwns: {
    label: "WWN",
    check: (v: string) =>
      /^[0-9a-f]{16}$/i.test(v.replace(/:/g, "")) &&
      (!v.includes(":") || /^([0-9a-f]{2}:){7}[0-9a-f]{2}$/i.test(v)),
    normal: (v: string) => (v.replace(/:/g, "").toUpperCase().match(/../g) ?? []).join(":"),
    example: "52:4A:93:70:4E:E5:68:00",
  },
  nqns: {
    label: "NQN",
    check: (v: string) => /^nqn\.\d{4}-(0[1-9]|1[0-2])\.[a-z0-9.-]+:.+$/i.test(v) && v.length <= 223,
    normal: (v: string) => v,
    example: "nqn.2014-08.org.nvmexpress:uuid:6b9fa4e8-9a0c-4bd7-a2a3-6f1f1b7a9c2e",
  },
} as const;

type InitiatorField = keyof typeof INITIATORS;

/** Checks and normalizes the initiators a host body sets or adds; each may belong to one host only. */
function checkInitiators(
  state: MockState,
  body: Record<string, unknown>,
  hostName?: string,
): Record<string, unknown> {
  const out = { ...body };
  const errors: { context: string; message: string }[] = [];
  for (const field of Object.keys(INITIATORS) as InitiatorField[]) {
    const rule = INITIATORS[field];
    for (const key of [field, `add_${field}`, `remove_${field}`]) {
      const value = body[key];
      if (value === undefined) continue;
      const list = Array.isArray(value) ? value.map(String) : [];
      const normalized: string[] = [];
      for (const v of list) {
        if (!rule.check(v)) {
          errors.push({
            context: v,
            message: `Invalid ${rule.label} '${v}'; expected e.g. ${rule.example}.`,
          });
          continue;
        }
        const n = rule.normal(v);
        if (!key.startsWith("remove_")) {
          for (const { item } of state.collection("/hosts").scan()) {
            if (item.name === hostName) continue;
            if (((item[field] as string[] | undefined) ?? []).some((x) => rule.normal(x) === n)) {
              errors.push({
                context: v,
                message: `${rule.label} is already in use by host '${String(item.name)}'.`,
              });
            }
          }
        }
        normalized.push(n);
      }
      out[key] = normalized;
    }
  }
  if (errors.length) throw new MockHttpError(400, errors);
  return out;
}

const postHosts: DataHandler = (ctx) => {
  const body = checkInitiators(ctx.state, bodyObject(ctx));
  return createItems(ctx, ctx.state.collection("/hosts"), (base, { name }) => {
    const { id: _id, created: _c, ...rest } = base;
    return { ...hostItem(name as string), ...rest, ...body };
  });
};

const patchHosts: DataHandler = (ctx) => {
  const targets = addressed(ctx, ctx.state.collection("/hosts"));
  const body = checkInitiators(
    ctx.state,
    bodyObject(ctx),
    targets.length === 1 ? String(targets[0]?.item.name) : undefined,
  );
  return patchItems(ctx, ctx.state.collection("/hosts"), (next, previous) => {
    for (const field of Object.keys(INITIATORS) as InitiatorField[]) {
      const add = body[`add_${field}`] as string[] | undefined;
      const remove = body[`remove_${field}`] as string[] | undefined;
      const current =
        (body[field] as string[] | undefined) ?? (previous[field] as string[] | undefined) ?? [];
      next[field] = [
        ...current.filter((v) => !remove?.includes(v)),
        ...(add ?? []).filter((v) => !current.includes(v)),
      ];
      delete next[`add_${field}`];
      delete next[`remove_${field}`];
    }
    if (typeof body.name === "string" && body.name !== previous.name)
      renameReferences(ctx.state, "host", previous.name, body.name);
    return next;
  });
};

function connectionsOf(state: MockState, field: "host" | "host_group", name: unknown): Item[] {
  return [...state.collection("/connections").scan()]
    .map((s) => s.item)
    .filter((c) => (c[field] as Item | undefined)?.name === name);
}

const deleteHosts: DataHandler = (ctx) => {
  for (const { item } of addressed(ctx, ctx.state.collection("/hosts"))) {
    if (connectionsOf(ctx.state, "host", item.name).length) {
      throw badRequest(
        "Host has connected volumes; disconnect them (DELETE /connections) before deleting the host.",
        String(item.name),
      );
    }
  }
  return deleteItems(ctx, ctx.state.collection("/hosts"), ({ item }) => {
    const group = (item.host_group as Item | undefined)?.name;
    if (typeof group === "string") {
      adjustCount(ctx.state, "/host-groups", group, "host_count", -1);
      removeWhere(ctx.state, "/host-groups/hosts", (m) => (m.member as Item).name === item.name);
    }
  });
};

const postHostGroups: DataHandler = (ctx) =>
  createItems(ctx, ctx.state.collection("/host-groups"), (base) => ({
    ...base,
    connection_count: 0,
    host_count: 0,
    is_local: true,
    space: space(0, 0),
    ...bodyObject(ctx),
  }));

const deleteHostGroups: DataHandler = (ctx) => {
  for (const { item } of addressed(ctx, ctx.state.collection("/host-groups"))) {
    if (connectionsOf(ctx.state, "host_group", item.name).length) {
      throw badRequest(
        "Host group has connected volumes; disconnect them before deleting the group.",
        String(item.name),
      );
    }
    if ((item.host_count as number | undefined) ?? 0) {
      throw badRequest(
        "Host group has member hosts; remove them (DELETE /host-groups/hosts) first.",
        String(item.name),
      );
    }
  }
  return deleteItems(ctx, ctx.state.collection("/host-groups"));
};

function removeWhere(state: MockState, path: string, match: (item: Item) => boolean): void {
  const collection = state.collection(path);
  for (const { slot, item } of [...collection.scan()]) if (match(item)) collection.delete(slot);
}

function requireAll(state: MockState, path: string, values: string[], kind: string): void {
  const errors = values
    .filter((v) => state.collection(path).slotOf(v) === undefined)
    .map((v) => ({ context: v, message: `${kind} does not exist.` }));
  if (errors.length) throw new MockHttpError(400, errors);
}

/** POST /host-groups/hosts (and its mirror /hosts/host-groups): a host joins one group at most. */
const postHostGroupMembers: DataHandler = (ctx) => {
  const groups = names(ctx.query.group_names);
  const members = names(ctx.query.member_names);
  requireAll(ctx.state, "/host-groups", groups, "Host group");
  requireAll(ctx.state, "/hosts", members, "Host");
  if (groups.length !== 1 && members.length)
    throw badRequest("Add hosts to one host group at a time.", "group_names");
  for (const member of members) {
    const current = (ctx.state.collection("/hosts").get(member)?.host_group as Item | undefined)?.name;
    if (typeof current === "string" && current !== groups[0]) {
      throw badRequest(
        `Host is already in host group '${current}'; a host belongs to one host group at most.`,
        member,
      );
    }
  }
  const answer = createItems(ctx, ctx.state.collection(ctx.op.path), (base, { refs }) => {
    const group = referenceTo(ctx.state, "/host-groups", String((refs.group as Item).name));
    const member = referenceTo(ctx.state, "/hosts", String((refs.member as Item).name));
    return { ...base, group, member };
  });
  for (const member of members) {
    ctx.state.collection("/hosts").update(member, { host_group: { name: groups[0] } });
    adjustCount(ctx.state, "/host-groups", groups[0], "host_count", 1);
  }
  return answer;
};

const deleteHostGroupMembers: DataHandler = (ctx) =>
  deleteItems(ctx, ctx.state.collection(ctx.op.path), ({ item }) => {
    const member = (item.member as Item).name;
    if (typeof member === "string")
      ctx.state.collection("/hosts").update(member, { host_group: { name: null } });
    adjustCount(ctx.state, "/host-groups", (item.group as Item).name, "host_count", -1);
  });

// -------------------------------------------------------------------------------- connections

/** POST /connections: both ends must exist; the LUN is the lowest free one of the host unless given. */
const postConnections: DataHandler = (ctx) => {
  const hosts = names(ctx.query.host_names);
  const groups = names(ctx.query.host_group_names);
  const volumeNames = names(ctx.query.volume_names);
  const volumeIds = names(ctx.query.volume_ids);
  if (!hosts.length && !groups.length) {
    throw badRequest("A connection needs host_names or host_group_names.", "host_names");
  }
  if (hosts.length && groups.length)
    throw badRequest("Give host_names or host_group_names, not both.", "host_group_names");
  if (!volumeNames.length && !volumeIds.length)
    throw badRequest("A connection needs volume_names or volume_ids.", "volume_names");
  requireAll(ctx.state, "/hosts", hosts, "Host");
  requireAll(ctx.state, "/host-groups", groups, "Host group");
  requireAll(ctx.state, "/volumes", volumeNames, "Volume");
  requireAll(ctx.state, "/volumes", volumeIds, "Volume");
  const volumes = [
    ...volumeNames.map((n) => ctx.state.collection("/volumes").get(n) as Item),
    ...volumeIds.map((i) => ctx.state.collection("/volumes").get(i) as Item),
  ];
  for (const volume of volumes) {
    if (volume.destroyed === true)
      throw badRequest("Volume is destroyed; recover it before connecting.", String(volume.name));
  }
  const body = bodyObject(ctx);
  const connections = ctx.state.collection("/connections");
  const created: Item[] = [];
  const targets: { field: "host" | "host_group"; name: string }[] = [
    ...hosts.map((name) => ({ field: "host" as const, name })),
    ...groups.map((name) => ({ field: "host_group" as const, name })),
  ];
  for (const target of targets) {
    const existing = connectionsOf(ctx.state, target.field, target.name);
    const used = new Set(existing.map((c) => c.lun));
    for (const volume of volumes) {
      if (existing.some((c) => (c.volume as Item).name === volume.name)) {
        throw badRequest("Connection already exists.", `${target.name}/${String(volume.name)}`);
      }
      let lun = typeof body.lun === "number" ? body.lun : 1;
      if (typeof body.lun === "number" && used.has(lun))
        throw badRequest(`LUN ${lun} is already in use.`, target.name);
      while (used.has(lun)) lun++;
      used.add(lun);
      created.push({
        host: target.field === "host" ? { name: target.name } : { name: null },
        host_group: target.field === "host_group" ? { name: target.name } : { name: null },
        lun,
        protocol_endpoint: { ...NULL_REF },
        volume: { name: volume.name, id: volume.id },
      });
    }
  }
  for (const connection of created) {
    connections.add(connection);
    adjustCount(ctx.state, "/volumes", (connection.volume as Item).name, "connection_count", 1);
    adjustCount(ctx.state, "/hosts", (connection.host as Item).name, "connection_count", 1);
    adjustCount(ctx.state, "/host-groups", (connection.host_group as Item).name, "connection_count", 1);
  }
  return itemsAnswer(created, ctx);
};

const deleteConnections: DataHandler = (ctx) =>
  deleteItems(ctx, ctx.state.collection("/connections"), ({ item }) => {
    adjustCount(ctx.state, "/volumes", (item.volume as Item).name, "connection_count", -1);
    adjustCount(ctx.state, "/hosts", (item.host as Item).name, "connection_count", -1);
    adjustCount(ctx.state, "/host-groups", (item.host_group as Item).name, "connection_count", -1);
  });

// -------------------------------------------------------------------------- protection groups

const PG_MEMBERS: Record<string, { path: string; kind: string; count: string }> = {
  "/protection-groups/volumes": { path: "/volumes", kind: "Volume", count: "volume_count" },
  "/protection-groups/hosts": { path: "/hosts", kind: "Host", count: "host_count" },
  "/protection-groups/host-groups": { path: "/host-groups", kind: "Host group", count: "host_group_count" },
};
const PG_ALIASES: Record<string, string> = {
  "/volumes/protection-groups": "/protection-groups/volumes",
  "/hosts/protection-groups": "/protection-groups/hosts",
  "/host-groups/protection-groups": "/protection-groups/host-groups",
};

const postProtectionGroups: DataHandler = (ctx) =>
  createItems(ctx, ctx.state.collection("/protection-groups"), (base) => ({
    ...base,
    host_count: 0,
    host_group_count: 0,
    volume_count: 0,
    target_count: 0,
    is_local: true,
    pod: { ...NULL_REF },
    source: { name: null, id: null },
    ...bodyObject(ctx),
  }));

/** Members of a protection group are volumes, hosts or host groups — one kind per group. */
const postProtectionGroupMembers: DataHandler = (ctx) => {
  // Both views (`/protection-groups/volumes`, `/volumes/protection-groups`) share one collection.
  const members = ctx.state.collection(ctx.op.path);
  const member = PG_MEMBERS[members.path] as { path: string; kind: string; count: string };
  const groups = [...names(ctx.query.group_names), ...names(ctx.query.group_ids)];
  requireAll(ctx.state, "/protection-groups", groups, "Protection group");
  requireAll(
    ctx.state,
    member.path,
    [...names(ctx.query.member_names), ...names(ctx.query.member_ids)],
    member.kind,
  );
  for (const group of groups) {
    for (const [other, info] of Object.entries(PG_MEMBERS)) {
      if (other === members.path) continue;
      const pg = ctx.state.collection("/protection-groups").get(group);
      if (((pg?.[info.count] as number | undefined) ?? 0) > 0) {
        throw badRequest(
          `Protection group already holds ${info.kind.toLowerCase()}s; a protection group holds volumes, hosts or host groups, not a mix.`,
          group,
        );
      }
    }
  }
  const answer = createItems(ctx, members, (base, { refs }) => ({
    ...base,
    group: referenceTo(ctx.state, "/protection-groups", String(Object.values(refs.group as Item)[0])),
    member: referenceTo(ctx.state, member.path, String(Object.values(refs.member as Item)[0])),
  }));
  for (const group of groups) {
    const pg = ctx.state.collection("/protection-groups").get(group);
    const count = [...members.scan()].filter((s) => (s.item.group as Item).name === pg?.name).length;
    ctx.state.collection("/protection-groups").update(group, { [member.count]: count });
  }
  return answer;
};

const deleteProtectionGroupMembers: DataHandler = (ctx) => {
  const members = ctx.state.collection(ctx.op.path);
  const member = PG_MEMBERS[members.path] as { count: string };
  return deleteItems(ctx, members, ({ item }) => {
    const group = (item.group as Item).name;
    adjustCount(ctx.state, "/protection-groups", group, member.count, -1);
  });
};

// ---------------------------------------------------------------------------------- snapshots

/** The fields a snapshot of `volume` takes from it. */
function snapshotOf(volume: Item, id: string, suffix: string): Item {
  return {
    provisioned: volume.provisioned,
    serial: deterministicSerial(id),
    source: { name: volume.name, id: volume.id },
    suffix,
    pod: { ...NULL_REF },
    volume_group: { ...NULL_REF },
    space: space(Number(volume.provisioned) || 0, 0),
  };
}

/** POST /volume-snapshots?source_names=v: snapshots of existing, not destroyed volumes. */
const postVolumeSnapshots: DataHandler = (ctx) => {
  const sources = [...names(ctx.query.source_names), ...names(ctx.query.source_ids)];
  if (!sources.length)
    throw badRequest("Name the volumes to snapshot with source_names or source_ids.", "source_names");
  requireAll(ctx.state, "/volumes", sources, "Volume");
  return createItems(ctx, ctx.state.collection("/volume-snapshots"), (base, { refs }) => {
    const volume = ctx.state
      .collection("/volumes")
      .get(String(Object.values(refs.source as Item)[0])) as Item;
    const suffix = String(base.name).slice(String(volume.name).length + 1);
    return { ...base, ...snapshotOf(volume, String(base.id), suffix) };
  });
};

/** POST /protection-group-snapshots: `pg.N`, plus a `pg.N.volume` snapshot of each member volume. */
const postProtectionGroupSnapshots: DataHandler = (ctx) => {
  const sources = [...names(ctx.query.source_names), ...names(ctx.query.source_ids)];
  if (!sources.length)
    throw badRequest("Name the protection groups with source_names or source_ids.", "source_names");
  requireAll(ctx.state, "/protection-groups", sources, "Protection group");
  if (ctx.query.replicate_now === true || ctx.query.replicate === true) {
    const targets = [...ctx.state.collection("/protection-groups/targets").scan()];
    for (const source of sources) {
      const pg = ctx.state.collection("/protection-groups").get(source);
      if (!targets.some(({ item }) => (item.group as Item).name === pg?.name)) {
        throw badRequest(
          "Protection group has no replication targets; add one (POST /protection-groups/targets) to replicate.",
          source,
        );
      }
    }
  }
  const made: Item[] = [];
  const answer = createItems(ctx, ctx.state.collection("/protection-group-snapshots"), (base, { refs }) => {
    const pg = ctx.state
      .collection("/protection-groups")
      .get(String(Object.values(refs.source as Item)[0])) as Item;
    const name = String(base.name);
    const volumeSnapshots = ctx.state.collection("/volume-snapshots");
    for (const { item } of ctx.state.collection("/protection-groups/volumes").scan()) {
      if ((item.group as Item).name !== pg.name) continue;
      const volume = ctx.state.collection("/volumes").get(String((item.member as Item).name));
      if (!volume) continue;
      const id = ctx.newId(`/volume-snapshots|${name}.${String(volume.name)}`);
      volumeSnapshots.add({
        id,
        name: `${name}.${String(volume.name)}`,
        created: ctx.now,
        destroyed: false,
        time_remaining: null,
        ...snapshotOf(volume, id, name.slice(String(pg.name).length + 1)),
      });
    }
    const snapshot = {
      ...base,
      source: { name: pg.name, id: pg.id },
      suffix: name.slice(String(pg.name).length + 1),
      pod: { ...NULL_REF },
    };
    made.push(snapshot);
    return snapshot;
  });
  replicateSnapshots(ctx, made);
  return answer;
};

/** FlashArray semantics by `METHOD /path`. */
export const flashArraySemantics: Record<string, DataHandler> = {
  ...replicationSemantics,
  "POST /object-store-users": postObjectStoreUsers,
  "POST /object-store-access-keys": postObjectStoreAccessKeys,
  "POST /volumes": postVolumes,
  "PATCH /volumes": patchVolumes,
  "DELETE /volumes": deleteVolumes,
  "POST /hosts": postHosts,
  "PATCH /hosts": patchHosts,
  "DELETE /hosts": deleteHosts,
  "POST /host-groups": postHostGroups,
  "DELETE /host-groups": deleteHostGroups,
  "POST /host-groups/hosts": postHostGroupMembers,
  "POST /hosts/host-groups": postHostGroupMembers,
  "DELETE /host-groups/hosts": deleteHostGroupMembers,
  "DELETE /hosts/host-groups": deleteHostGroupMembers,
  "POST /connections": postConnections,
  "DELETE /connections": deleteConnections,
  "POST /protection-groups": postProtectionGroups,
  "POST /protection-groups/volumes": postProtectionGroupMembers,
  "POST /protection-groups/hosts": postProtectionGroupMembers,
  "POST /protection-groups/host-groups": postProtectionGroupMembers,
  "POST /volumes/protection-groups": postProtectionGroupMembers,
  "POST /hosts/protection-groups": postProtectionGroupMembers,
  "POST /host-groups/protection-groups": postProtectionGroupMembers,
  "DELETE /protection-groups/volumes": deleteProtectionGroupMembers,
  "DELETE /protection-groups/hosts": deleteProtectionGroupMembers,
  "DELETE /protection-groups/host-groups": deleteProtectionGroupMembers,
  "DELETE /volumes/protection-groups": deleteProtectionGroupMembers,
  "DELETE /hosts/protection-groups": deleteProtectionGroupMembers,
  "DELETE /host-groups/protection-groups": deleteProtectionGroupMembers,
  "POST /volume-snapshots": postVolumeSnapshots,
  "POST /protection-group-snapshots": postProtectionGroupSnapshots,
};

/** Paths that are two views of one relation. */
export const flashArrayAliases = new Map<string, string>([
  ["/hosts/host-groups", "/host-groups/hosts"],
  ...Object.entries(PG_ALIASES),
  ["/volumes/volume-groups", "/volume-groups/volumes"],
]);

/** `{ volumes: N, hosts: N }` generators. */
export const flashArrayGenerators: Record<string, SeedGenerator> = {
  "/array-connections": generateArrayConnections,
  "/volumes": generateVolumes,
  "/hosts": generateHosts,
};
