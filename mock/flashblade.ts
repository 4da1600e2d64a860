/**
 * The FlashBlade mock: REST 2.x at `/api/2.N`, login and logout without a version
 * (`/api/login`, `/api/logout`), `api_version` answering `{"versions": [...]}`.
 * The login body is `{"username": …}`, as FlashBlade's `Login` schema declares.
 */

import { arrayErrorBody, arrayUnauthorized } from "./errors.ts";
import type { ProductProfile } from "./profile.ts";
import { flashBladeGenerators, flashBladeSemantics } from "./semantics/flashblade.ts";

/** What Purity//FB 4.1.2 lists before its 2.x versions (recorded `versions.json`). */
const LEGACY = [
  "1.0",
  "1.1",
  "1.2",
  "1.3",
  "1.4",
  "1.5",
  "1.6",
  "1.7",
  "1.8",
  "1.8.1",
  "1.9",
  "1.10",
  "1.11",
  "1.12",
];

/** Recorded FB answers (Purity//FB 4.1.2) → the paths they answer. */
const RECORDED: Record<string, string> = {
  "alerts.json": "/alerts",
  "array_s3performance.json": "/arrays/s3-specific-performance",
  "arrays.json": "/arrays",
  "arrays_http_performance.json": "/arrays/http-specific-performance",
  "arrays_nfs_performance.json": "/arrays/nfs-specific-performance",
  "arrays_performance_replication.json": "/arrays/performance/replication",
  "arrays_space.json": "/arrays/space",
  "blades.json": "/blades",
  "buckets.json": "/buckets",
  "buckets_performance.json": "/buckets/performance",
  "buckets_s3performance.json": "/buckets/s3-specific-performance",
  "clients_performance.json": "/arrays/clients/performance",
  "filesystems.json": "/file-systems",
  "filesystems_perf.json": "/file-systems/performance",
  "hardware.json": "/hardware",
  "hw_connectors_perf.json": "/hardware-connectors/performance",
  "nfs_export_policies.json": "/nfs-export-policies",
  "object_store_accounts.json": "/object-store-accounts",
};

export const flashBladeProfile: ProductProfile = {
  product: "flashblade",
  defaultBaseUrl: "https://flashblade.mock",
  apiVersionKey: "versions",
  legacyVersions: LEGACY,
  login: "unversioned",
  loginBody: (username) => ({ username }),
  unauthorized: arrayUnauthorized,
  errorBody: arrayErrorBody,
  defaultAccessTokenTtlMs: 86_400_000,
  aliases: new Map(),
  storageRoots: new Set([
    // File and object storage objects and their policies (Purity//FB user guide: Storage Admin).
    "file-systems",
    "file-system-snapshots",
    "file-system-exports",
    "file-system-junctions",
    "file-system-replica-links",
    "buckets",
    "bucket-replica-links",
    "object-store-accounts",
    "object-store-account-exports",
    "object-store-users",
    "object-store-access-keys",
    "object-store-access-policies",
    "object-store-roles",
    "object-store-remote-credentials",
    "lifecycle-rules",
    "legal-holds",
    "quotas",
    "policies",
    "nfs-export-policies",
    "smb-share-policies",
    "smb-client-policies",
    "s3-export-policies",
    "qos-policies",
    "audit-file-systems-policies",
    "audit-object-store-policies",
    "worm-data-policies",
    "user-group-quota-policies",
    "storage-class-tiering-policies",
    "data-eviction-policies",
    "presets",
    "workloads",
  ]),
  partialSuccessSince: "2.22",
  semantics: flashBladeSemantics,
  generators: flashBladeGenerators,
  recorded: { folder: "fb", files: RECORDED },
};
