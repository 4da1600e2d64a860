/**
 * Just enough ASN.1 for key containers: a reader for DER (plus the two BER habits some
 * PKCS#12 writers have — indefinite lengths and constructed OCTET STRINGs, seen in NSS and
 * old Java exports) and a DER writer for the few structures we build ourselves: keys here,
 * and the mock server's X.509 certificates (mock/tls/certificate.ts).
 * Low-tag-number form only: nothing in PKCS#1/#5/#8/#12 or X.509 uses tag numbers above 30.
 */

/** Bytes backed by a plain ArrayBuffer, the shape `crypto.subtle` accepts. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** Bytes that are not the ASN.1 we expect. Messages are fixed strings: never any input bytes. */
export class Asn1Error extends Error {
  override name = "Asn1Error";
}

/** One element: identifier octet, content octets and the whole encoding. */
export interface Asn1 {
  tag: number;
  /** Content octets; for an indefinite length, without the end-of-contents marker. */
  body: Bytes;
  /** The element's full encoding, header included. */
  raw: Bytes;
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/**
 * Deepest BER nesting read (indefinite lengths, constructed OCTET STRINGs). Real key files
 * nest a handful of levels; 5,000 nested indefinite SEQUENCEs (10 KB) used to exhaust the stack.
 */
export const MAX_NESTING = 64;

/** Reads the element at `pos`; returns it and the offset just past it. */
function readAt(buf: Bytes, pos: number, depth = 0): [Asn1, number] {
  if (depth > MAX_NESTING) throw new Asn1Error("ASN.1 nested too deeply");
  const start = pos;
  const tag = buf[pos++];
  let len = buf[pos++];
  if (tag === undefined || len === undefined) throw new Asn1Error("truncated ASN.1 element");
  if ((tag & 0x1f) === 0x1f) throw new Asn1Error("high-tag-number form is not used by key formats");
  if (len === 0x80) {
    // BER indefinite length: children follow until an end-of-contents marker (00 00).
    if (!(tag & 0x20)) throw new Asn1Error("indefinite length on a primitive element");
    let p = pos;
    while (buf[p] !== 0 || buf[p + 1] !== 0) {
      if (p >= buf.length) throw new Asn1Error("missing end-of-contents marker");
      p = readAt(buf, p, depth + 1)[1];
    }
    return [{ tag, body: buf.subarray(pos, p), raw: buf.subarray(start, p + 2) }, p + 2];
  }
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new Asn1Error("unsupported ASN.1 length");
    len = 0;
    for (let i = 0; i < n; i++) {
      const b = buf[pos++];
      if (b === undefined) throw new Asn1Error("truncated ASN.1 length");
      len = len * 256 + b;
    }
  }
  const end = pos + len;
  if (end > buf.length) throw new Asn1Error("truncated ASN.1 element");
  return [{ tag, body: buf.subarray(pos, end), raw: buf.subarray(start, end) }, end];
}

/** Parses `buf` as exactly one element; trailing bytes are an error (they mean garbage or a wrong key). */
export function parseDer(buf: Bytes): Asn1 {
  const [node, end] = readAt(buf, 0);
  if (end !== buf.length) throw new Asn1Error("trailing bytes after ASN.1 element");
  return node;
}

/** The elements inside a constructed element. */
export function children(node: Asn1): Asn1[] {
  if (!(node.tag & 0x20)) throw new Asn1Error("expected a constructed element");
  const out: Asn1[] = [];
  for (let p = 0; p < node.body.length; ) {
    const [child, next] = readAt(node.body, p);
    out.push(child);
    p = next;
  }
  return out;
}

/** Asserts `node` exists and has `tag`. */
export function expect(node: Asn1 | undefined, tag: number): Asn1 {
  if (node?.tag !== tag) throw new Asn1Error("unexpected ASN.1 structure");
  return node;
}

/** Children of a SEQUENCE (or another constructed `tag`), asserting the tag. */
export function seq(node: Asn1 | undefined, tag: number = TAG.SEQUENCE): Asn1[] {
  return children(expect(node, tag));
}

/** The single element inside an EXPLICIT context tag `[n]`. */
export function explicit(node: Asn1 | undefined, n: number): Asn1 {
  const [inner] = seq(node, 0xa0 | n);
  if (!inner) throw new Asn1Error("empty explicit tag");
  return inner;
}

/** Dotted form of an OBJECT IDENTIFIER. */
export function oidOf(node: Asn1 | undefined): string {
  const { body } = expect(node, TAG.OID);
  const arcs: number[] = [];
  let v = 0;
  for (const b of body) {
    v = v * 128 + (b & 0x7f);
    if (b & 0x80) continue;
    if (arcs.length === 0) arcs.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
    else arcs.push(v);
    v = 0;
  }
  if (arcs.length === 0 || (body.at(-1) ?? 0) & 0x80) throw new Asn1Error("bad OBJECT IDENTIFIER");
  return arcs.join(".");
}

/** A non-negative INTEGER small enough for a JS number (versions, iteration counts, key lengths). */
export function intOf(node: Asn1 | undefined): number {
  const { body } = expect(node, TAG.INTEGER);
  if (body.length === 0 || (body[0]! & 0x80) !== 0 || body.length > 7) throw new Asn1Error("bad INTEGER");
  return body.reduce((n, b) => n * 256 + b, 0);
}

/**
 * Content of an OCTET STRING — or of an IMPLICIT-tagged one when `tag` is given (0x80 for
 * `[0] IMPLICIT`). A BER constructed form (tag | 0x20) is the concatenation of its pieces.
 */
export function octetsOf(node: Asn1 | undefined, tag: number = TAG.OCTET_STRING, depth = 0): Bytes {
  if (node?.tag === tag) return node.body;
  if (node?.tag !== (tag | 0x20)) throw new Asn1Error("expected an OCTET STRING");
  if (depth >= MAX_NESTING) throw new Asn1Error("ASN.1 nested too deeply");
  return concat(...children(node).map((c) => octetsOf(c, TAG.OCTET_STRING, depth + 1)));
}

export function concat(...parts: Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// ---- writer ----------------------------------------------------------------------------

/** One DER element: tag, definite length, contents. */
export function derTlv(tag: number, ...parts: Uint8Array[]): Bytes {
  const body = concat(...parts);
  const n = body.length;
  const len: number[] = [];
  if (n < 0x80) len.push(n);
  else {
    for (let v = n; v > 0; v = Math.floor(v / 256)) len.unshift(v & 0xff);
    len.unshift(0x80 | len.length);
  }
  return concat(Uint8Array.of(tag, ...len), body);
}

export const derSeq = (...parts: Uint8Array[]): Bytes => derTlv(TAG.SEQUENCE, ...parts);
export const derOctets = (b: Uint8Array): Bytes => derTlv(TAG.OCTET_STRING, b);
export const derNull = (): Bytes => derTlv(TAG.NULL);
export const derSet = (...parts: Uint8Array[]): Bytes => derTlv(TAG.SET, ...parts);
export const derBoolean = (value: boolean): Bytes => derTlv(TAG.BOOLEAN, Uint8Array.of(value ? 0xff : 0));
export const derUtf8 = (text: string): Bytes => derTlv(TAG.UTF8_STRING, new TextEncoder().encode(text));
/** `[n] EXPLICIT`: a constructed context-specific wrapper around one encoded element. */
export const derExplicit = (n: number, inner: Uint8Array): Bytes => derTlv(0xa0 | n, inner);
/** `[n] IMPLICIT` of a primitive type: the content keeps its bytes, the tag changes. */
export const derImplicit = (n: number, content: Uint8Array): Bytes => derTlv(0x80 | n, content);

/**
 * BIT STRING; `unusedBits` counts the padding bits at the end of the last byte (none for
 * the key in an SPKI, some for X.509 key-usage flags).
 */
export const derBitString = (b: Uint8Array, unusedBits = 0): Bytes =>
  derTlv(TAG.BIT_STRING, Uint8Array.of(unusedBits), b);

/** X.509 validity time: UTCTime until 2049, GeneralizedTime from 2050 on (RFC 5280 §4.1.2.5). */
export function derTime(date: Date): Bytes {
  const digits = date.toISOString().slice(0, 19).replace(/[-:T]/g, ""); // 20240501123456
  const year = date.getUTCFullYear();
  const utc = year >= 1950 && year < 2050;
  return derTlv(
    utc ? TAG.UTC_TIME : TAG.GENERALIZED_TIME,
    new TextEncoder().encode(`${utc ? digits.slice(2) : digits}Z`),
  );
}

/** INTEGER from a number or from unsigned big-endian bytes (RSA moduli come as bytes). */
export function derInt(value: number | Uint8Array): Bytes {
  let b: number[] = [];
  if (typeof value === "number") for (let v = value; v > 0; v = Math.floor(v / 256)) b.unshift(v & 0xff);
  else b = [...value];
  while (b.length > 1 && b[0] === 0) b.shift();
  if (b.length === 0 || b[0]! & 0x80) b.unshift(0); // DER integers are signed: keep them positive
  return derTlv(TAG.INTEGER, Uint8Array.from(b));
}

export function derOid(dotted: string): Bytes {
  const [a = 0, b = 0, ...rest] = dotted.split(".").map(Number);
  const out: number[] = [];
  for (const arc of [a * 40 + b, ...rest]) {
    const groups = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) groups.unshift(0x80 | (v & 0x7f));
    out.push(...groups);
  }
  return derTlv(TAG.OID, Uint8Array.from(out));
}
