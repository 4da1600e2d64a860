/**
 * The few DER (ASN.1 distinguished encoding) builders an X.509 certificate
 * needs. Hand-written instead of a dependency: certificate generation must run
 * on Node and Deno with Web Crypto alone, and this is all it takes.
 * Reference: ITU-T X.690 §8 (BER) and §10 (DER restrictions).
 */
const encoder = new TextEncoder();
function concat(parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const part of parts) {
        out.set(part, offset);
        offset += part.length;
    }
    return out;
}
/** The big-endian bytes of a non-negative integer, without leading zeros (none for 0). */
function bigEndian(value) {
    const bytes = [];
    for (let n = value; n > 0; n = Math.floor(n / 256))
        bytes.unshift(n % 256);
    return bytes;
}
function encodeLength(length) {
    if (length < 0x80)
        return Uint8Array.of(length);
    const bytes = bigEndian(length);
    return Uint8Array.of(0x80 | bytes.length, ...bytes);
}
/** A tag-length-value with an already encoded content. */
export function tlv(tag, content) {
    return concat([Uint8Array.of(tag), encodeLength(content.length), content]);
}
export const sequence = (...items) => tlv(0x30, concat(items));
export const set = (...items) => tlv(0x31, concat(items));
export const boolean = (value) => tlv(0x01, Uint8Array.of(value ? 0xff : 0));
export const octetString = (bytes) => tlv(0x04, bytes);
export const utf8String = (text) => tlv(0x0c, encoder.encode(text));
/** `[n] EXPLICIT`: a constructed context-specific wrapper. */
export const explicit = (n, inner) => tlv(0xa0 | n, inner);
/** `[n] IMPLICIT` of a primitive type: the content keeps its bytes, the tag changes. */
export const implicit = (n, bytes) => tlv(0x80 | n, bytes);
/** BIT STRING; `unusedBits` counts the padding bits at the end of the last byte. */
export function bitString(bytes, unusedBits = 0) {
    return tlv(0x03, concat([Uint8Array.of(unusedBits), bytes]));
}
/** INTEGER from unsigned big-endian bytes (minimal, with a 0 byte where the top bit is set). */
export function unsignedInteger(bytes) {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0)
        start++;
    const trimmed = bytes.subarray(start);
    const needsPad = trimmed.length === 0 || (trimmed[0] & 0x80) !== 0;
    return tlv(0x02, needsPad ? concat([Uint8Array.of(0), trimmed]) : trimmed);
}
export function smallInteger(value) {
    return unsignedInteger(Uint8Array.from(bigEndian(value)));
}
export function objectIdentifier(dotted) {
    const arcs = dotted.split(".").map(Number);
    const [first = 0, second = 0, ...rest] = arcs;
    const bytes = [first * 40 + second];
    for (const arc of rest) {
        const chunk = [arc & 0x7f];
        for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128))
            chunk.unshift((n & 0x7f) | 0x80);
        bytes.push(...chunk);
    }
    return tlv(0x06, Uint8Array.from(bytes));
}
/** UTCTime until 2049, GeneralizedTime from 2050 on (RFC 5280 §4.1.2.5). */
export function time(date) {
    const iso = date.toISOString(); // 2024-05-01T12:34:56.789Z
    const digits = iso.slice(0, 19).replace(/[-:T]/g, ""); // 20240501123456
    const year = date.getUTCFullYear();
    if (year >= 1950 && year < 2050)
        return tlv(0x17, encoder.encode(`${digits.slice(2)}Z`));
    return tlv(0x18, encoder.encode(`${digits}Z`));
}
/** PEM armour (RFC 7468) around DER bytes. */
export function pem(label, der) {
    let binary = "";
    for (const byte of der)
        binary += String.fromCharCode(byte);
    const lines = btoa(binary).match(/.{1,64}/g) ?? [];
    return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}
//# sourceMappingURL=der.js.map