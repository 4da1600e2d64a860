/**
 * The four array roles, as the Purity//FA and //FB user guides define them (the specs
 * name the roles but list no permissions; FB's `GET /roles` is empty in every recording):
 *
 * - `readonly`: "can perform operations that convey the state of the array … cannot
 *   alter the state of the array" — reads only.
 * - `ops_admin`: "the same operations as Read Only users plus enable and disable remote
 *   assistance sessions" — reads, and `PATCH /support`.
 * - `storage_admin`: "the same operations as Read Only users plus storage related
 *   operations, such as administering volumes, hosts, and host groups … cannot perform
 *   operations that deal with global and system configurations" — reads, and changes
 *   under the product's storage paths ({@link ProductProfile.storageRoots}).
 * - `array_admin`: everything.
 *
 * An API client's access token acts with the intersection of the user's role and the
 * client's `max_role` (the spec: "authorized to perform actions within the
 * intersection of this policy and that of the array user").
 */
import { MockHttpError } from "../http.ts";

/** The roles, each with what it may change beyond reading. */
export const ARRAY_ROLES = ["readonly", "ops_admin", "storage_admin", "array_admin"] as const;

/** A role name; unknown names act as `readonly` (the safe reading). */
export type ArrayRole = (typeof ARRAY_ROLES)[number];

function known(role: string): ArrayRole {
  return (ARRAY_ROLES as readonly string[]).includes(role) ? (role as ArrayRole) : "readonly";
}

/** What both roles allow: `ops_admin` ∩ `storage_admin` is `readonly`. */
export function intersectRoles(a: string, b: string): ArrayRole {
  const x = known(a);
  const y = known(b);
  if (x === y || y === "array_admin") return x;
  if (x === "array_admin") return y;
  return "readonly";
}

/**
 * Throws the arrays' 403 when `role` may not make this call. Reads are open to every
 * role; `root` is the first segment of the version-free path (`volumes`).
 *
 * @example
 * ```ts
 * checkRole("storage_admin", "post", "/volumes", storageRoots); // fine
 * checkRole("storage_admin", "patch", "/dns", storageRoots);    // throws 403
 * ```
 */
export function checkRole(
  role: string,
  method: string,
  path: string,
  storageRoots: ReadonlySet<string>,
): void {
  if (method === "get") return;
  const r = known(role);
  if (r === "array_admin") return;
  const root = path.split("/")[1] ?? "";
  if (r === "storage_admin" && storageRoots.has(root)) return;
  if (r === "ops_admin" && method === "patch" && path === "/support") return;
  const needs = storageRoots.has(root)
    ? "storage_admin or array_admin"
    : method === "patch" && path === "/support"
      ? "ops_admin or array_admin"
      : "array_admin";
  const may =
    r === "readonly"
      ? "reads the array but cannot change it"
      : r === "ops_admin"
        ? "reads the array and turns remote assist on or off (PATCH /support), nothing else"
        : "changes storage objects (volumes, hosts, protection groups, file systems…), not array-wide configuration";
  throw new MockHttpError(403, [
    {
      context: path,
      message: `Permission denied: the ${r} role ${may}; ${method.toUpperCase()} ${path} needs ${needs}.`,
    },
  ]);
}
