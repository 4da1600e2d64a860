/** PEM (RFC 7468, plus the RFC 1421 headers OpenSSL's legacy encryption uses) and base64. */
import type { Bytes } from "./asn1.js";
export interface PemBlock {
    /** "PRIVATE KEY", "RSA PRIVATE KEY", "CERTIFICATE", … */
    label: string;
    /** RFC 1421 headers such as `Proc-Type` and `DEK-Info`, keyed by lower-cased name. */
    headers: Map<string, string>;
    der: Bytes;
}
/** Strict base64 (whitespace allowed); undefined if `text` is anything else. */
export declare function base64ToBytes(text: string): Bytes | undefined;
export declare function bytesToBase64(bytes: Uint8Array): string;
/** base64url without padding (JWK fields) to bytes. */
export declare function base64UrlToBytes(s: string): Bytes;
/** PEM text with 64-character lines, as OpenSSL writes it. */
export declare function toPem(label: string, der: Uint8Array): string;
/**
 * Every well-formed block in `text`, in order. Text around blocks is ignored (OpenSSL's
 * "Bag Attributes" preambles, comments); a block whose body is not base64 is skipped, and
 * the caller reports "no usable block".
 *
 * Linear in the text: one pass finds the markers, and each BEGIN is paired with the next END
 * of its label (a lazy `BEGIN…END` pattern rescanned the rest of the text from every BEGIN:
 * 1.1 MB of BEGIN lines took 24 s).
 */
export declare function parsePem(text: string): PemBlock[];
//# sourceMappingURL=pem.d.ts.map