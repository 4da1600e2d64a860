/**
 * PKCS#12 (.pfx/.p12, RFC 7292): find the private key. What real files look like:
 * - OpenSSL 3 default, Windows Server 2019+ "AES256-SHA256": key in a pkcs8ShroudedKeyBag
 *   under PBES2/PBKDF2-SHA256/AES-256-CBC, certificates in an encryptedData, HMAC-SHA256 MAC.
 * - OpenSSL `-legacy`, older Windows: pbeWithSHAAnd3-KeyTripleDES-CBC for the key, often
 *   RC2-40 for the certificates, HMAC-SHA1 MAC.
 * - RFC 9579 (OpenSSL 3.4 `-pbmac1_pbkdf2`): the MAC is PBMAC1 with PBKDF2.
 * Keys usually sit in a plain `data` content, so certificates (and their RC2, which we do not
 * implement) are decrypted only if no key turned up outside them.
 */
import { type Bytes } from "./asn1.js";
import { type KeyLimits } from "./pbe.js";
/** Returns the first private key of a PFX, as PrivateKeyInfo DER (not yet checked to be RSA). */
export declare function pkcs12ToPkcs8(der: Bytes, password: string | undefined, limits: KeyLimits): Promise<Bytes>;
//# sourceMappingURL=pkcs12.d.ts.map