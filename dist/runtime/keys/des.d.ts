/**
 * DES and Triple-DES (FIPS 46-3, SP 800-67) CBC decryption. Web Crypto has no DES, yet
 * DES-EDE3-CBC is what `openssl rsa -des3`, `openssl pkcs8 -v2 des3`, OpenSSL `-legacy`
 * PKCS#12 and older Windows .pfx exports use. Decrypt only, bit-at-a-time for brevity: a key
 * file is a few hundred blocks, so speed does not matter.
 */
import type { Bytes } from "./asn1.js";
/**
 * CBC-decrypts `data` with DES (8-byte key), two-key 3DES (16) or three-key 3DES (24):
 * P = D_k1(E_k2(D_k3(C))). Returns the plaintext with its padding still on.
 */
export declare function desCbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Bytes;
//# sourceMappingURL=des.d.ts.map