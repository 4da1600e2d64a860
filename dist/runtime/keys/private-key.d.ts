/** Any supported private key file → PKCS#8 → a Web Crypto RS256 signing key. */
import type { CryptoKey } from "../crypto-key.js";
import { type Bytes } from "./asn1.js";
export interface ImportPrivateKeyOptions {
    /** Password of an encrypted PEM or a PKCS#12 file; ignored for unencrypted keys. */
    password?: string;
    /** File name (or other label) used in error messages. */
    source?: string;
    /**
     * Most key-derivation iterations an encrypted file may ask for; default 1,000,000 (real
     * files use 2,000 to a few hundred thousand). Bounds the work a hostile file can cause.
     */
    maxIterations?: number;
}
/** RS256 keys shorter than this are refused (jose refuses to sign with them; RFC 7518 §3.3). */
export declare const MIN_RSA_BITS = 2048;
/** {@link toPkcs8} with errors finished as PurekitErrors naming `source`. */
export declare function privateKeyToPkcs8(input: string | Uint8Array, options?: ImportPrivateKeyOptions): Promise<Bytes>;
/** Refuses RSA keys too short for RS256, at import rather than at the first signature. */
export declare function checkRsaKeySize(key: CryptoKey, source: string | undefined): CryptoKey;
/**
 * Turns the private key file a storage admin has into a Web Crypto key for RS256 (the JWT
 * signature Pure1 expects): RSASSA-PKCS1-v1_5 with SHA-256, non-extractable, usage `sign`.
 *
 * Reads PKCS#8 (`BEGIN PRIVATE KEY`, or DER), PKCS#1 (`BEGIN RSA PRIVATE KEY`), encrypted
 * PKCS#8 (`BEGIN ENCRYPTED PRIVATE KEY`: PBES2 with AES or 3DES, what `openssl genrsa -aes256`
 * writes since OpenSSL 3), OpenSSL 1.x encrypted PKCS#1 (`Proc-Type: 4,ENCRYPTED`), and
 * PKCS#12 `.pfx`/`.p12` (binary or base64; AES or legacy 3DES). Runs on Web globals only.
 *
 * Throws a `PurekitError`: `ERR_KEY_PASSWORD_REQUIRED`, `ERR_KEY_WRONG_PASSWORD`,
 * `ERR_KEY_NOT_RSA`, `ERR_KEY_PUBLIC_GIVEN`, `ERR_KEY_UNSUPPORTED` (also: an RSA key under
 * 2048 bits, or a file asking for more than `maxIterations` key-derivation iterations) or
 * `ERR_KEY_MALFORMED` (also: ASN.1 nested deeper than any real file).
 * Messages name `source` and never contain key material or the password.
 *
 * @example
 * ```ts
 * const key = await importPrivateKey(await readFile("private.pem"), {
 *   password: process.env.PURE1_PRIVATE_KEY_PASSWORD,
 *   source: "private.pem",
 * });
 * const sig = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", key, new TextEncoder().encode(jwtInput));
 * ```
 */
export declare function importPrivateKey(input: string | Uint8Array, options?: ImportPrivateKeyOptions): Promise<CryptoKey>;
/**
 * The public half of a private key, as SPKI PEM (`BEGIN PUBLIC KEY`) — what Pure1 asks for
 * when registering an API client. Accepts every format {@link importPrivateKey} does.
 *
 * @example
 * ```ts
 * const pem = await publicKeyPemFromPrivate(await readFile("private.pem"), { password });
 * console.log(pem); // paste into Pure1 → Administration → API Registration
 * ```
 */
export declare function publicKeyPemFromPrivate(input: string | Uint8Array, options?: ImportPrivateKeyOptions): Promise<string>;
//# sourceMappingURL=private-key.d.ts.map