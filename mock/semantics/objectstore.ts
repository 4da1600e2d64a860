/**
 * Object store users and access keys (FlashBlade, and FlashArray file services): a
 * user `account/name` belongs to an existing account; `POST /object-store-access-keys`
 * with `{user}` and no `names` makes the array generate the key: the access key id is
 * the key's name, the secret is answered once, on creation, and never listed again
 * (the spec: "only populated on creation if it is not imported"). Importing a key
 * from another array takes `names` (the key id) and `secret_access_key`. A user holds
 * at most two keys, as on the arrays.
 */
import {
  baseItem,
  bodyObject,
  createItems,
  type DataHandler,
  itemsAnswer,
  referenceTo,
} from "../collections.ts";
import { badRequest } from "../http.ts";
import type { Item } from "../state/collection.ts";

const KEYS_PER_USER = 2;
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const SECRET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function randomText(alphabet: string, length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

/** POST /object-store-users?names=account/user: the account must exist. */
export const postObjectStoreUsers: DataHandler = (ctx) => {
  const names = Array.isArray(ctx.query.names) ? ctx.query.names.map(String) : [];
  for (const name of names) {
    const slash = name.indexOf("/");
    if (slash <= 0 || slash === name.length - 1) {
      throw badRequest(`User names take the form account/user; got '${name}'.`, name);
    }
    if (!referenceTo(ctx.state, "/object-store-accounts", name.slice(0, slash))) {
      throw badRequest("Object store account does not exist.", name.slice(0, slash));
    }
  }
  return createItems(ctx, ctx.state.collection("/object-store-users"), (base, { name }) => ({
    ...base,
    access_keys: [],
    account: referenceTo(ctx.state, "/object-store-accounts", String(name).split("/")[0] as string),
  }));
};

/** POST /object-store-access-keys: generated (body `{user}`) or imported (`names` + `secret_access_key`). */
export const postObjectStoreAccessKeys: DataHandler = (ctx) => {
  const body = bodyObject(ctx);
  const userName = (body.user as { name?: unknown } | undefined)?.name;
  if (typeof userName !== "string" || !userName) {
    throw badRequest('Name the user the key is for: {"user": {"name": "account/user"}}.', "user");
  }
  const user = referenceTo(ctx.state, "/object-store-users", userName);
  if (!user) throw badRequest("Object store user does not exist.", userName);
  const keys = ctx.state.collection("/object-store-access-keys");
  const held = [...keys.scan()].filter(
    ({ item }) => (item.user as Item | undefined)?.name === user.name,
  ).length;
  const names = Array.isArray(ctx.query.names) ? ctx.query.names.map(String) : [];
  const imported = typeof body.secret_access_key === "string";
  if (imported !== names.length > 0) {
    throw badRequest(
      "Import a key with both names (its access key id) and secret_access_key; leave both out to have the array generate one.",
      imported ? "names" : "secret_access_key",
    );
  }
  const count = Math.max(1, names.length);
  if (held + count > KEYS_PER_USER) {
    throw badRequest(
      `User already has ${held} access keys; a user holds at most ${KEYS_PER_USER}.`,
      userName,
    );
  }
  const made: Item[] = [];
  for (let i = 0; i < count; i++) {
    const id = names[i] ?? `PSFB${randomText(ALNUM, 16)}`;
    if (keys.slotOfName(id) !== undefined) throw badRequest("Object store access key already exists.", id);
    const secret = imported ? (body.secret_access_key as string) : randomText(SECRET, 40);
    const item: Item = {
      ...baseItem(ctx, keys.path, id),
      name: id,
      access_key_id: id,
      enabled: true,
      created: ctx.now,
      user,
    };
    keys.put(item);
    // The secret is answered once: on creation of a generated key.
    made.push(imported ? item : { ...item, secret_access_key: secret });
  }
  return itemsAnswer(made, ctx);
};
