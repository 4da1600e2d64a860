/**
 * MD5 (RFC 1321). Needed only for OpenSSL's legacy PEM encryption (`Proc-Type: 4,ENCRYPTED`),
 * whose key derivation EVP_BytesToKey is MD5-based; Web Crypto has no MD5.
 */
import type { Bytes } from "./asn1.js";
export declare function md5(msg: Uint8Array): Bytes;
//# sourceMappingURL=md5.d.ts.map