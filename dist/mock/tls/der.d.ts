/**
 * The few DER (ASN.1 distinguished encoding) builders an X.509 certificate
 * needs. Hand-written instead of a dependency: certificate generation must run
 * on Node and Deno with Web Crypto alone, and this is all it takes.
 * Reference: ITU-T X.690 §8 (BER) and §10 (DER restrictions).
 */
/** DER bytes, on a plain ArrayBuffer as Web Crypto wants them. */
export type Der = Uint8Array<ArrayBuffer>;
/** A tag-length-value with an already encoded content. */
export declare function tlv(tag: number, content: Uint8Array): Der;
export declare const sequence: (...items: Uint8Array[]) => Der;
export declare const set: (...items: Uint8Array[]) => Der;
export declare const boolean: (value: boolean) => Der;
export declare const octetString: (bytes: Uint8Array) => Der;
export declare const utf8String: (text: string) => Der;
/** `[n] EXPLICIT`: a constructed context-specific wrapper. */
export declare const explicit: (n: number, inner: Uint8Array) => Der;
/** `[n] IMPLICIT` of a primitive type: the content keeps its bytes, the tag changes. */
export declare const implicit: (n: number, bytes: Uint8Array) => Der;
/** BIT STRING; `unusedBits` counts the padding bits at the end of the last byte. */
export declare function bitString(bytes: Uint8Array, unusedBits?: number): Der;
/** INTEGER from unsigned big-endian bytes (minimal, with a 0 byte where the top bit is set). */
export declare function unsignedInteger(bytes: Uint8Array): Der;
export declare function smallInteger(value: number): Der;
export declare function objectIdentifier(dotted: string): Der;
/** UTCTime until 2049, GeneralizedTime from 2050 on (RFC 5280 §4.1.2.5). */
export declare function time(date: Date): Der;
/** PEM armour (RFC 7468) around DER bytes. */
export declare function pem(label: string, der: Uint8Array): string;
//# sourceMappingURL=der.d.ts.map