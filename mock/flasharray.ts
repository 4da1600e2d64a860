/**
 * The FlashArray mock: REST 2.x at `/api/2.N`, login at `/api/2.N/login`,
 * `api_version` answering `{"version": [...]}` with 1.0–1.19 listed before the
 * served 2.x versions, as Purity//FA does.
 */

import { arrayErrorBody, arrayUnauthorized } from "./errors.ts";
import type { ProductProfile } from "./profile.ts";
import { flashArrayAliases, flashArrayGenerators, flashArraySemantics } from "./semantics/flasharray.ts";
import { generateArrayConnections } from "./semantics/replication.ts";

const LEGACY = Array.from({ length: 20 }, (_, i) => `1.${i}`);

/** Recorded FA answers (Purity//FA 6.3.3) → the paths they answer. */
const RECORDED: Record<string, string> = {
  "alerts.json": "/alerts",
  "arrays.json": "/arrays",
  "arrays_performance.json": "/arrays/performance",
  "connections.json": "/connections",
  "controllers.json": "/controllers",
  "directories.json": "/directories",
  "directories_performance.json": "/directories/performance",
  "drives.json": "/drives",
  "hardware.json": "/hardware",
  "hosts.json": "/hosts",
  "hosts_balance.json": "/hosts/performance/balance",
  "hosts_performance.json": "/hosts/performance",
  "network_interfaces.json": "/network-interfaces",
  "network_interfaces_performance.json": "/network-interfaces/performance",
  "pod_replica_links_lag.json": "/pod-replica-links/lag",
  "pod_replica_links_performance.json": "/pod-replica-links/performance/replication",
  "pods.json": "/pods",
  "pods_performance.json": "/pods/performance",
  "pods_performance_replication.json": "/pods/performance/replication",
  "ports.json": "/ports",
  "subscriptions.json": "/subscriptions",
  "volume_groups.json": "/volume-groups",
  "volume_groups_performance.json": "/volume-groups/performance",
  "volumes.json": "/volumes",
  "volumes_performance.json": "/volumes/performance",
};

export const flashArrayProfile: ProductProfile = {
  product: "flasharray",
  defaultBaseUrl: "https://flasharray.mock",
  apiVersionKey: "version",
  legacyVersions: LEGACY,
  login: "versioned",
  loginBody: (username) => ({ items: [{ username }] }),
  unauthorized: arrayUnauthorized,
  errorBody: arrayErrorBody,
  defaultAccessTokenTtlMs: 86_400_000,
  aliases: flashArrayAliases,
  storageRoots: new Set([
    // Block, file and object storage objects and their protection (Purity//FA user guide: Storage Admin).
    "volumes",
    "volume-groups",
    "volume-snapshots",
    "hosts",
    "host-groups",
    "connections",
    "protection-groups",
    "protection-group-snapshots",
    "pods",
    "pod-replica-links",
    "remote-protection-groups",
    "remote-protection-group-snapshots",
    "remote-volume-snapshots",
    "directories",
    "directory-exports",
    "directory-snapshots",
    "file-systems",
    "files",
    "policies",
    "buckets",
    "object-store-accounts",
    "object-store-users",
    "object-store-access-keys",
    "lifecycle-rules",
    "presets",
    "workloads",
    "vchosts",
    "vchost-connections",
    "virtual-machines",
    "container-default-protections",
  ]),
  partialSuccessSince: "2.49",
  semantics: flashArraySemantics,
  generators: flashArrayGenerators,
  recorded: { folder: "fa", files: RECORDED },
  // The lab recordings hold no array connection; a replicating array has one.
  afterRecorded: (state, spec) => generateArrayConnections(state, spec, 1),
};
