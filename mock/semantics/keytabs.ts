/**
 * FlashBlade Kerberos keytabs as files: `POST /keytabs/upload` takes a keytab file
 * (multipart/form-data field `keytab_file`, binary or base64) and makes one keytab object
 * per entry, named `<name_prefixes>.<suffix>`; it answers the file it stored.
 * `GET /keytabs/download` answers a keytab file of the named keytabs (binary, or base64
 * when the client accepts only `text/plain`). See docs/protocol.md "Keytabs and logs".
 *
 * The file format is MIT Kerberos' (`0x05 0x02`, then length-prefixed entries), the one
 * `ktutil`, `ktpass` and `kadmin` write.
 */
import { type DataContext, type DataHandler, findTargets } from "../collections.ts";
import { badRequest, bytesAnswer, type MockAnswer, MockHttpError, textAnswer } from "../http.ts";
import type { Item } from "../state/collection.ts";
import { hash32 } from "../state/random.ts";
import type { MockState } from "../state/store.ts";

/** One keytab entry, decoded. */
export interface KeytabEntry {
  realm: string;
  /** Principal name components: `["nfs", "vip1.example.com"]`. */
  components: string[];
  nameType: number;
  timestamp: number;
  kvno: number;
  enctype: number;
  key: Uint8Array;
  /** The entry's bytes as uploaded: written back unchanged, so a download is byte for byte the upload. */
  raw?: Uint8Array;
}

/** Kerberos encryption type numbers (RFC 3961, 8009, 4757) → the names the arrays show. */
const ENCTYPES: Record<number, string> = {
  1: "des-cbc-crc",
  3: "des-cbc-md5",
  16: "des3-cbc-sha1",
  17: "aes128-cts-hmac-sha1-96",
  18: "aes256-cts-hmac-sha1-96",
  19: "aes128-cts-hmac-sha256-128",
  20: "aes256-cts-hmac-sha384-192",
  23: "arcfour-hmac",
};
const ENCTYPE_NUMBERS = new Map(Object.entries(ENCTYPES).map(([n, name]) => [name, Number(n)]));

class KeytabFormatError extends Error {}

/**
 * Decodes a keytab file (format 0x0502, or the old 0x0501). Throws on anything that is not
 * one, with the byte offset where it went wrong.
 *
 * @example
 * ```ts
 * parseKeytab(encodeKeytab([{ realm: "EXAMPLE.COM", components: ["nfs", "fb.example.com"], nameType: 1, timestamp: 0, kvno: 2, enctype: 18, key: new Uint8Array(32) }]));
 * ```
 */
export function parseKeytab(bytes: Uint8Array): KeytabEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 2 || bytes[0] !== 0x05 || (bytes[1] !== 0x02 && bytes[1] !== 0x01)) {
    throw new KeytabFormatError("it does not start with the keytab format bytes 0x05 0x02");
  }
  const v1 = bytes[1] === 0x01;
  const entries: KeytabEntry[] = [];
  let at = 2;
  const need = (n: number, end: number) => {
    if (at + n > end) throw new KeytabFormatError(`an entry is cut off at byte ${at}`);
  };
  while (at + 4 <= bytes.length) {
    const size = view.getInt32(at);
    at += 4;
    if (size === 0) break;
    if (size < 0) {
      at += -size; // a hole left by a deleted entry
      continue;
    }
    const end = at + size;
    if (end > bytes.length) throw new KeytabFormatError(`the entry at byte ${at - 4} runs past the end`);
    const u16 = () => {
      need(2, end);
      const v = view.getUint16(at);
      at += 2;
      return v;
    };
    const u32 = () => {
      need(4, end);
      const v = view.getUint32(at);
      at += 4;
      return v;
    };
    const octets = () => {
      const n = u16();
      need(n, end);
      const v = bytes.slice(at, at + n);
      at += n;
      return v;
    };
    const text = () => new TextDecoder("utf-8", { fatal: true }).decode(octets());
    let count = u16();
    if (v1) count--;
    const realm = text();
    const components: string[] = [];
    for (let i = 0; i < count; i++) components.push(text());
    // Format 0x0501 has no name type (a principal, 1) and lays entries out differently.
    const nameType = v1 ? 1 : u32();
    const timestamp = u32();
    need(1, end);
    let kvno = bytes[at] as number;
    at++;
    const enctype = u16();
    const key = octets();
    if (end - at >= 4) kvno = u32();
    at = end;
    if (!realm || components.length === 0) throw new KeytabFormatError("an entry has no principal");
    const entry: KeytabEntry = { realm, components, nameType, timestamp, kvno, enctype, key };
    if (!v1) entry.raw = bytes.slice(end - size, end);
    entries.push(entry);
  }
  if (entries.length === 0) throw new KeytabFormatError("it holds no keys");
  return entries;
}

/** Encodes entries as a keytab file (format 0x0502). */
export function encodeKeytab(entries: readonly KeytabEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const parts: number[] = [0x05, 0x02];
  const u16 = (out: number[], v: number) => out.push((v >>> 8) & 0xff, v & 0xff);
  const u32 = (out: number[], v: number) =>
    out.push((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
  const octets = (out: number[], b: Uint8Array) => {
    u16(out, b.length);
    for (const x of b) out.push(x);
  };
  for (const e of entries) {
    if (e.raw) {
      u32(parts, e.raw.length);
      for (const x of e.raw) parts.push(x);
      continue;
    }
    const body: number[] = [];
    u16(body, e.components.length);
    octets(body, enc.encode(e.realm));
    for (const c of e.components) octets(body, enc.encode(c));
    u32(body, e.nameType);
    u32(body, e.timestamp);
    body.push(e.kvno & 0xff);
    u16(body, e.enctype);
    octets(body, e.key);
    u32(body, e.kvno);
    u32(parts, body.length);
    parts.push(...body);
  }
  return Uint8Array.from(parts);
}

/** The raw entries of uploaded keytabs, by mock state and keytab id (not part of any listing). */
const uploaded = new WeakMap<MockState, Map<string, KeytabEntry>>();

function entriesOf(state: MockState): Map<string, KeytabEntry> {
  let map = uploaded.get(state);
  if (!map) {
    map = new Map();
    uploaded.set(state, map);
  }
  return map;
}

/** The keytab file's bytes from a multipart field: binary as sent, or base64 text decoded. */
function fileBytes(value: unknown): Uint8Array {
  let bytes: Uint8Array | undefined =
    value instanceof Uint8Array
      ? value
      : typeof value === "string"
        ? new TextEncoder().encode(value)
        : undefined;
  if (!bytes || bytes.length === 0) {
    throw badRequest("keytab_file is empty: upload a Kerberos keytab file.", "keytab_file");
  }
  if (bytes[0] !== 0x05) {
    // The base64 form: the file's bytes as base64 text.
    const text = new TextDecoder().decode(bytes).replace(/\s+/g, "");
    if (/^[A-Za-z0-9+/]+={0,2}$/.test(text)) {
      try {
        bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
      } catch {
        // Not base64 after all: parseKeytab says what is wrong.
      }
    }
  }
  return bytes;
}

const binary = (bytes: Uint8Array, accept: string | null): MockAnswer => {
  // Base64 when the client takes only text (py-pure-client's `text/plain`), bytes otherwise.
  if (accept && /text\/plain/i.test(accept) && !/octet-stream|\*\/\*/i.test(accept)) {
    let text = "";
    for (const b of bytes) text += String.fromCharCode(b);
    return textAnswer(btoa(text), "text/plain");
  }
  return bytesAnswer(bytes, "application/octet-stream");
};

/** `POST /keytabs/upload?name_prefixes=P` with `keytab_file`: one keytab object per entry. */
const uploadKeytabs: DataHandler = (ctx) => {
  const body = ctx.body as Record<string, unknown> | undefined;
  const prefix = ctx.query.name_prefixes;
  if (typeof prefix !== "string" || !prefix.trim()) {
    throw badRequest(
      "name_prefixes is required: the prefix of the new keytabs' names (<prefix>.<n>).",
      "name_prefixes",
    );
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(prefix)) {
    throw badRequest(
      `Invalid name_prefixes '${prefix}': use letters, digits, '-' and '_', starting with a letter or digit.`,
      "name_prefixes",
    );
  }
  const bytes = fileBytes(body?.keytab_file);
  let entries: KeytabEntry[];
  try {
    entries = parseKeytab(bytes);
  } catch (e) {
    if (!(e instanceof KeytabFormatError)) throw e;
    throw badRequest(`keytab_file is not a Kerberos keytab file: ${e.message}.`, "keytab_file");
  }
  const keytabs = ctx.state.collection("/keytabs");
  const raw = entriesOf(ctx.state);
  let suffix = [...keytabs.scan()].filter(({ item }) => item.prefix === prefix).length;
  for (const entry of entries) {
    do suffix++;
    while (keytabs.slotOfName(`${prefix}.${suffix}`) !== undefined);
    const name = `${prefix}.${suffix}`;
    const item: Item = {
      name,
      id: ctx.newId(`/keytabs|${name}`),
      prefix,
      suffix,
      principal: entry.components[0] ?? null,
      fqdn: entry.components.slice(1).join("/") || null,
      realm: entry.realm,
      encryption_type: ENCTYPES[entry.enctype] ?? `enctype-${entry.enctype}`,
      kvno: entry.kvno,
      // Uploaded from a file, not made from an Active Directory account.
      source: { name: null, id: null, resource_type: null },
    };
    keytabs.add(item);
    raw.set(item.id as string, entry);
  }
  return binary(bytes, ctx.headers.get("accept"));
};

/** A keytab object's entry: the uploaded one, or one made from its fields (seeded keytabs). */
function entryOf(state: MockState, item: Item): KeytabEntry {
  const stored = entriesOf(state).get(String(item.id));
  if (stored) return stored;
  const enctype = ENCTYPE_NUMBERS.get(String(item.encryption_type)) ?? 18;
  const key = new Uint8Array(enctype === 17 ? 16 : 32);
  let h = hash32(String(item.id ?? item.name));
  for (let i = 0; i < key.length; i++) {
    h = hash32(`${h}|${i}`);
    key[i] = h & 0xff;
  }
  const fqdn = typeof item.fqdn === "string" && item.fqdn ? [item.fqdn] : [];
  return {
    realm: typeof item.realm === "string" ? item.realm : "EXAMPLE.COM",
    components: [typeof item.principal === "string" ? item.principal : "nfs", ...fqdn],
    nameType: 1,
    timestamp: 0,
    kvno: typeof item.kvno === "number" ? item.kvno : 1,
    enctype,
    key,
  };
}

/**
 * `GET /keytabs/download?keytab_names=…` (or `keytab_ids`; none: every keytab): one keytab
 * file (with no keytabs, just the format bytes, as `ktutil` writes an empty keytab).
 */
const downloadKeytabs: DataHandler = (ctx: DataContext) => {
  const keytabs = ctx.state.collection("/keytabs");
  const { keytab_names: names, keytab_ids: ids } = ctx.query;
  if (names !== undefined && ids !== undefined) {
    throw badRequest(
      "keytab_names and keytab_ids cannot be set together; name the keytabs by one of them.",
      "keytab_ids",
    );
  }
  const lookup = findTargets(
    {
      ...ctx,
      query: { ...(names !== undefined ? { names } : {}), ...(ids !== undefined ? { ids } : {}) },
      itemProps: { name: {}, id: {} },
    },
    keytabs,
  );
  if (lookup.errors.length) throw new MockHttpError(400, lookup.errors);
  const items = lookup.addressed ? lookup.found.map((f) => f.item) : [...keytabs.scan()].map((s) => s.item);
  return binary(encodeKeytab(items.map((item) => entryOf(ctx.state, item))), ctx.headers.get("accept"));
};

export const keytabSemantics: Record<string, DataHandler> = {
  "POST /keytabs/upload": uploadKeytabs,
  "GET /keytabs/download": downloadKeytabs,
};
