/**
 * Password-based encryption of private keys: PBES2 (RFC 8018) as OpenSSL 3 and Windows write
 * it, the PKCS#12 PBE schemes and key derivation (RFC 7292 appendix B), and OpenSSL's legacy
 * PEM encryption (EVP_BytesToKey). AES goes through Web Crypto; DES and MD5, which Web Crypto
 * lacks, through the small local implementations.
 */
import { type Asn1, type Bytes } from "./asn1.js";
export type Hash = "SHA-1" | "SHA-256" | "SHA-384" | "SHA-512";
export declare const HASH_BYTES: Record<Hash, number>;
/** A password in both encodings the formats use. */
export interface Password {
    /** Raw bytes for PBKDF2, EVP_BytesToKey and PBMAC1: UTF-8, as OpenSSL passes them. */
    utf8: Bytes;
    /** For the PKCS#12 KDF: BMPString, i.e. UTF-16BE plus a 00 00 terminator (RFC 7292 B.1). */
    bmp: Bytes;
}
export declare function passwordBytes(password: string): Password;
/**
 * "No password" for PKCS#12. OpenSSL treats an absent password (empty BMP input) and an empty
 * one (just the 00 00 terminator) as different keys, and which one a file used depends on the
 * tool that wrote it, so readers try both — see {@link passwordBytes}("") for the other.
 */
export declare const ABSENT_PASSWORD: Password;
/** Bounds on what a key file may make the reader compute. */
export interface KeyLimits {
    /** Most key-derivation iterations (PBKDF2 and the PKCS#12 KDF) a file may ask for. */
    maxIterations: number;
}
/**
 * Real key files ask for 2,048 (OpenSSL), 2,000 (Windows), 10,000 (Java) and at most a few
 * hundred thousand iterations; a hostile 1.5 KB file asked for 10 million and kept the reader
 * busy for minutes. Raise it with `importPrivateKey(…, { maxIterations })` for a file you trust.
 */
export declare const DEFAULT_KEY_LIMITS: KeyLimits;
/** Longest derived key a file may ask for: HMAC-SHA-512's 64 bytes (PBMAC1), AES-256's 32. */
export declare const MAX_DERIVED_KEY_BYTES = 64;
export declare function iterationsOf(node: Asn1 | undefined, limits: KeyLimits): number;
export declare const DIGESTS: Record<string, Hash>;
/** Hash of an HMAC AlgorithmIdentifier (hmacWithSHA256 …), for PBKDF2's PRF and PBMAC1. */
export declare function hmacHashOf(algId: Asn1 | undefined): Hash;
export interface Pbkdf2Params {
    salt: Bytes;
    iterations: number;
    keyLength?: number;
    hash: Hash;
}
/** PBKDF2-params (RFC 8018 A.2); the PRF defaults to hmacWithSHA1 when absent. */
export declare function parsePbkdf2(kdf: Asn1 | undefined, limits: KeyLimits): Pbkdf2Params;
export declare function pbkdf2(password: Bytes, p: Pbkdf2Params, bytes: number): Promise<Bytes>;
/** The PKCS#12 key derivation function (RFC 7292 B.2). `id` 1 = key, 2 = IV, 3 = MAC key. */
export declare function pkcs12Kdf(hash: Hash, id: 1 | 2 | 3, salt: Bytes, iterations: number, password: Bytes, n: number): Promise<Bytes>;
/**
 * Decrypts data encrypted under a password-based AlgorithmIdentifier: PBES2 (PBKDF2 + AES or
 * 3DES) or PKCS#12's pbeWithSHAAnd3-KeyTripleDES-CBC / 2-Key. The plaintext is not checked;
 * callers parse it and treat garbage as {@link BadDecrypt}.
 */
export declare function pbeDecrypt(algId: Asn1 | undefined, data: Bytes, password: Password, limits: KeyLimits): Promise<Bytes>;
/** EncryptedPrivateKeyInfo → the PrivateKeyInfo DER inside (unchecked). */
export declare function decryptPkcs8(epki: Asn1 | undefined, password: Password, limits: KeyLimits): Promise<Bytes>;
/**
 * OpenSSL's legacy PEM encryption (`Proc-Type: 4,ENCRYPTED`, `DEK-Info: <cipher>,<iv hex>`):
 * key = EVP_BytesToKey(MD5, password, salt = first 8 bytes of the IV, one iteration).
 */
export declare function decryptLegacyPem(dekInfo: string, data: Bytes, password: Password): Promise<Bytes>;
/**
 * PrivateKeyInfo → EncryptedPrivateKeyInfo with PBES2, PBKDF2-HMAC-SHA256 and AES-256-CBC:
 * the algorithms OpenSSL 3 picks by default, read by every current tool.
 */
export declare function encryptPkcs8(pkcs8: Bytes, password: Password, iterations: number): Promise<Bytes>;
//# sourceMappingURL=pbe.d.ts.map