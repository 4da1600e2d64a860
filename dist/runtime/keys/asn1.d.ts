/**
 * Just enough ASN.1 for key containers: a reader for DER (plus the two BER habits some
 * PKCS#12 writers have — indefinite lengths and constructed OCTET STRINGs, seen in NSS and
 * old Java exports) and a DER writer for the few structures we build ourselves.
 * Low-tag-number form only: nothing in PKCS#1/#5/#8/#12 or X.509 uses tag numbers above 30.
 */
/** Bytes backed by a plain ArrayBuffer, the shape `crypto.subtle` accepts. */
export type Bytes = Uint8Array<ArrayBuffer>;
/** Bytes that are not the ASN.1 we expect. Messages are fixed strings: never any input bytes. */
export declare class Asn1Error extends Error {
    name: string;
}
/** One element: identifier octet, content octets and the whole encoding. */
export interface Asn1 {
    tag: number;
    /** Content octets; for an indefinite length, without the end-of-contents marker. */
    body: Bytes;
    /** The element's full encoding, header included. */
    raw: Bytes;
}
export declare const TAG: {
    readonly INTEGER: 2;
    readonly BIT_STRING: 3;
    readonly OCTET_STRING: 4;
    readonly NULL: 5;
    readonly OID: 6;
    readonly SEQUENCE: 48;
    readonly SET: 49;
};
/**
 * Deepest BER nesting read (indefinite lengths, constructed OCTET STRINGs). Real key files
 * nest a handful of levels; 5,000 nested indefinite SEQUENCEs (10 KB) used to exhaust the stack.
 */
export declare const MAX_NESTING = 64;
/** Parses `buf` as exactly one element; trailing bytes are an error (they mean garbage or a wrong key). */
export declare function parseDer(buf: Bytes): Asn1;
/** The elements inside a constructed element. */
export declare function children(node: Asn1): Asn1[];
/** Asserts `node` exists and has `tag`. */
export declare function expect(node: Asn1 | undefined, tag: number): Asn1;
/** Children of a SEQUENCE (or another constructed `tag`), asserting the tag. */
export declare function seq(node: Asn1 | undefined, tag?: number): Asn1[];
/** The single element inside an EXPLICIT context tag `[n]`. */
export declare function explicit(node: Asn1 | undefined, n: number): Asn1;
/** Dotted form of an OBJECT IDENTIFIER. */
export declare function oidOf(node: Asn1 | undefined): string;
/** A non-negative INTEGER small enough for a JS number (versions, iteration counts, key lengths). */
export declare function intOf(node: Asn1 | undefined): number;
/**
 * Content of an OCTET STRING — or of an IMPLICIT-tagged one when `tag` is given (0x80 for
 * `[0] IMPLICIT`). A BER constructed form (tag | 0x20) is the concatenation of its pieces.
 */
export declare function octetsOf(node: Asn1 | undefined, tag?: number, depth?: number): Bytes;
export declare function concat(...parts: Uint8Array[]): Bytes;
/** One DER element: tag, definite length, contents. */
export declare function derTlv(tag: number, ...parts: Uint8Array[]): Bytes;
export declare const derSeq: (...parts: Uint8Array[]) => Bytes;
export declare const derOctets: (b: Uint8Array) => Bytes;
export declare const derNull: () => Bytes;
/** BIT STRING with no unused bits (how SPKI wraps the key). */
export declare const derBitString: (b: Uint8Array) => Bytes;
/** INTEGER from a number or from unsigned big-endian bytes (RSA moduli come as bytes). */
export declare function derInt(value: number | Uint8Array): Bytes;
export declare function derOid(dotted: string): Bytes;
//# sourceMappingURL=asn1.d.ts.map