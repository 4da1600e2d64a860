/**
 * Password-based encryption of private keys: PBES2 (RFC 8018) as OpenSSL 3 and Windows write
 * it, the PKCS#12 PBE schemes and key derivation (RFC 7292 appendix B), and OpenSSL's legacy
 * PEM encryption (EVP_BytesToKey). AES goes through Web Crypto; DES and MD5, which Web Crypto
 * lacks, through the small local implementations.
 */
import { concat, derInt, derNull, derOctets, derOid, derSeq, intOf, octetsOf, oidOf, seq, } from "./asn1.js";
import { desCbcDecrypt } from "./des.js";
import { md5 } from "./md5.js";
import { OID } from "./oids.js";
import { BadDecrypt, malformed, unsupported, unsupportedAlgorithm } from "./problem.js";
import { rehash } from "./sha.js";
export const HASH_BYTES = { "SHA-1": 20, "SHA-256": 32, "SHA-384": 48, "SHA-512": 64 };
export function passwordBytes(password) {
    const bmp = new Uint8Array(password.length * 2 + 2);
    for (let i = 0; i < password.length; i++) {
        bmp[2 * i] = password.charCodeAt(i) >> 8;
        bmp[2 * i + 1] = password.charCodeAt(i) & 0xff;
    }
    return { utf8: new TextEncoder().encode(password), bmp };
}
/**
 * "No password" for PKCS#12. OpenSSL treats an absent password (empty BMP input) and an empty
 * one (just the 00 00 terminator) as different keys, and which one a file used depends on the
 * tool that wrote it, so readers try both — see {@link passwordBytes}("") for the other.
 */
export const ABSENT_PASSWORD = { utf8: new Uint8Array(0), bmp: new Uint8Array(0) };
/**
 * Real key files ask for 2,048 (OpenSSL), 2,000 (Windows), 10,000 (Java) and at most a few
 * hundred thousand iterations; a hostile 1.5 KB file asked for 10 million and kept the reader
 * busy for minutes. Raise it with `importPrivateKey(…, { maxIterations })` for a file you trust.
 */
export const DEFAULT_KEY_LIMITS = { maxIterations: 1_000_000 };
/** Longest derived key a file may ask for: HMAC-SHA-512's 64 bytes (PBMAC1), AES-256's 32. */
export const MAX_DERIVED_KEY_BYTES = 64;
export function iterationsOf(node, limits) {
    const n = intOf(node);
    if (n < 1)
        throw malformed(`has an implausible key-derivation iteration count (${n})`);
    if (n > limits.maxIterations) {
        throw unsupported(`asks for ${n} key-derivation iterations, more than the limit of ${limits.maxIterations} ` +
            "(real key files use 2,000 to a few hundred thousand); if you trust this file, raise the limit " +
            "with importPrivateKey's maxIterations option, or re-encrypt it with `openssl pkcs8 -topk8 -v2 aes-256-cbc`");
    }
    return n;
}
const HMAC_PRF = {
    [OID.hmacWithSHA1]: "SHA-1",
    [OID.hmacWithSHA256]: "SHA-256",
    [OID.hmacWithSHA384]: "SHA-384",
    [OID.hmacWithSHA512]: "SHA-512",
};
export const DIGESTS = {
    [OID.sha1]: "SHA-1",
    [OID.sha256]: "SHA-256",
    [OID.sha384]: "SHA-384",
    [OID.sha512]: "SHA-512",
};
/** Hash of an HMAC AlgorithmIdentifier (hmacWithSHA256 …), for PBKDF2's PRF and PBMAC1. */
export function hmacHashOf(algId) {
    const oid = oidOf(seq(algId)[0]);
    const hash = HMAC_PRF[oid];
    if (!hash)
        throw unsupportedAlgorithm(oid);
    return hash;
}
/** PBKDF2-params (RFC 8018 A.2); the PRF defaults to hmacWithSHA1 when absent. */
export function parsePbkdf2(kdf, limits) {
    const [kdfOid, params] = seq(kdf);
    const oid = oidOf(kdfOid);
    if (oid !== OID.pbkdf2)
        throw unsupportedAlgorithm(oid); // scrypt, most likely
    const [salt, iter, ...rest] = seq(params);
    const keyLength = rest[0]?.tag === 0x02 ? intOf(rest.shift()) : undefined;
    if (keyLength !== undefined && (keyLength < 1 || keyLength > MAX_DERIVED_KEY_BYTES)) {
        throw malformed(`asks for a ${keyLength}-byte derived key; real files ask for at most ${MAX_DERIVED_KEY_BYTES}`);
    }
    const out = {
        salt: octetsOf(salt),
        iterations: iterationsOf(iter, limits),
        hash: rest[0] ? hmacHashOf(rest[0]) : "SHA-1",
    };
    if (keyLength !== undefined)
        out.keyLength = keyLength;
    return out;
}
export async function pbkdf2(password, p, bytes) {
    const key = await crypto.subtle.importKey("raw", password, "PBKDF2", false, ["deriveBits"]);
    const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", salt: p.salt, iterations: p.iterations, hash: p.hash }, key, bytes * 8);
    return new Uint8Array(bits);
}
/** Rounds of the PKCS#12 KDF hashed between two yields to the event loop (~50 ms). */
const REHASH_SLICE = 50_000;
/** The PKCS#12 key derivation function (RFC 7292 B.2). `id` 1 = key, 2 = IV, 3 = MAC key. */
export async function pkcs12Kdf(hash, id, salt, iterations, password, n) {
    const u = HASH_BYTES[hash];
    const v = u > 32 ? 128 : 64; // hash block size
    const stretch = (src) => Uint8Array.from({ length: Math.ceil(src.length / v) * v }, (_, i) => src[i % src.length]);
    const D = new Uint8Array(v).fill(id);
    const I = concat(stretch(salt), stretch(password));
    const out = new Uint8Array(n);
    for (let done = 0;; done += u) {
        let A = new Uint8Array(await crypto.subtle.digest(hash, concat(D, I)));
        if (hash === "SHA-1" || hash === "SHA-256") {
            // Synchronous rounds, in slices, so a large count never blocks the event loop for long.
            for (let left = iterations - 1; left > 0; left -= REHASH_SLICE) {
                A = rehash(hash, A, Math.min(left, REHASH_SLICE));
                if (left > REHASH_SLICE)
                    await new Promise((resolve) => setTimeout(resolve, 0));
            }
        }
        else {
            for (let r = 1; r < iterations; r++)
                A = new Uint8Array(await crypto.subtle.digest(hash, A));
        }
        out.set(A.subarray(0, n - done), done);
        if (done + u >= n)
            return out;
        // I_j = (I_j + B + 1) mod 2^(8v) for each v-byte block, B being A repeated to v bytes.
        for (let j = 0; j < I.length; j += v) {
            let carry = 1;
            for (let k = v - 1; k >= 0; k--) {
                carry += I[j + k] + A[k % u];
                I[j + k] = carry & 0xff;
                carry >>>= 8;
            }
        }
    }
}
/** Removes PKCS#7 padding; bad padding is the usual sign of a wrong password. */
function unpad(data, block) {
    const n = data.at(-1) ?? 0;
    if (n < 1 || n > block || n > data.length || data.subarray(-n).some((b) => b !== n))
        throw new BadDecrypt("bad padding after decryption");
    return data.subarray(0, -n);
}
const PBES2_CIPHERS = {
    [OID.aes128Cbc]: { kind: "AES-CBC", keyLength: 16 },
    [OID.aes192Cbc]: { kind: "AES-CBC", keyLength: 24 },
    [OID.aes256Cbc]: { kind: "AES-CBC", keyLength: 32 },
    [OID.desEde3Cbc]: { kind: "DES", keyLength: 24 },
    [OID.desCbc]: { kind: "DES", keyLength: 8 },
};
async function cbcDecrypt(cipher, key, iv, data) {
    const block = cipher.kind === "DES" ? 8 : 16;
    if (iv.length !== block)
        throw malformed("has an initialization vector of the wrong length");
    if (data.length === 0 || data.length % block !== 0)
        throw malformed("has encrypted data of the wrong length");
    if (cipher.kind === "DES")
        return unpad(desCbcDecrypt(key, iv, data), 8);
    const k = await crypto.subtle.importKey("raw", key, "AES-CBC", false, ["decrypt"]);
    try {
        // Web Crypto checks and strips the padding itself, and rejects bad padding.
        return new Uint8Array(await crypto.subtle.decrypt({ name: "AES-CBC", iv }, k, data));
    }
    catch {
        throw new BadDecrypt("bad padding after decryption");
    }
}
/**
 * Decrypts data encrypted under a password-based AlgorithmIdentifier: PBES2 (PBKDF2 + AES or
 * 3DES) or PKCS#12's pbeWithSHAAnd3-KeyTripleDES-CBC / 2-Key. The plaintext is not checked;
 * callers parse it and treat garbage as {@link BadDecrypt}.
 */
export async function pbeDecrypt(algId, data, password, limits) {
    const [algOid, params] = seq(algId);
    const oid = oidOf(algOid);
    if (oid === OID.pbes2) {
        const [kdf, enc] = seq(params);
        const p = parsePbkdf2(kdf, limits);
        const [encOid, ivNode] = seq(enc);
        const cipherOid = oidOf(encOid);
        const cipher = PBES2_CIPHERS[cipherOid];
        if (!cipher)
            throw unsupportedAlgorithm(cipherOid);
        const key = await pbkdf2(password.utf8, p, cipher.keyLength);
        return cbcDecrypt(cipher, key, octetsOf(ivNode), data);
    }
    if (oid === OID.pbeSha1Des3 || oid === OID.pbeSha1Des2) {
        const [salt, iter] = seq(params);
        const s = octetsOf(salt);
        const n = iterationsOf(iter, limits);
        const keyLength = oid === OID.pbeSha1Des3 ? 24 : 16;
        const key = await pkcs12Kdf("SHA-1", 1, s, n, password.bmp, keyLength);
        const iv = await pkcs12Kdf("SHA-1", 2, s, n, password.bmp, 8);
        return cbcDecrypt({ kind: "DES", keyLength }, key, iv, data);
    }
    throw unsupportedAlgorithm(oid);
}
/** EncryptedPrivateKeyInfo → the PrivateKeyInfo DER inside (unchecked). */
export async function decryptPkcs8(epki, password, limits) {
    const [algId, data] = seq(epki);
    return pbeDecrypt(algId, octetsOf(data), password, limits);
}
const LEGACY_CIPHERS = {
    "AES-128-CBC": { kind: "AES-CBC", keyLength: 16 },
    "AES-192-CBC": { kind: "AES-CBC", keyLength: 24 },
    "AES-256-CBC": { kind: "AES-CBC", keyLength: 32 },
    "DES-EDE3-CBC": { kind: "DES", keyLength: 24 },
    "DES-CBC": { kind: "DES", keyLength: 8 },
};
/**
 * OpenSSL's legacy PEM encryption (`Proc-Type: 4,ENCRYPTED`, `DEK-Info: <cipher>,<iv hex>`):
 * key = EVP_BytesToKey(MD5, password, salt = first 8 bytes of the IV, one iteration).
 */
export async function decryptLegacyPem(dekInfo, data, password) {
    const [name = "", ivHex = ""] = dekInfo.split(",").map((s) => s.trim());
    const cipher = LEGACY_CIPHERS[name.toUpperCase()];
    if (!cipher)
        throw unsupported(`is encrypted with ${name || "an unnamed cipher"}, which purekit does not support; convert it with ` +
            "`openssl pkcs8 -topk8 -v2 aes-256-cbc -in <file> -out <new file>`");
    if (!/^([0-9a-fA-F]{2})+$/.test(ivHex))
        throw malformed("has a DEK-Info header without a valid IV");
    const iv = Uint8Array.from(ivHex.match(/../g), (h) => Number.parseInt(h, 16));
    let key = new Uint8Array(0);
    for (let d = new Uint8Array(0); key.length < cipher.keyLength; key = concat(key, d))
        d = md5(concat(d, password.utf8, iv.subarray(0, 8)));
    return cbcDecrypt(cipher, key.subarray(0, cipher.keyLength), iv, data);
}
/**
 * PrivateKeyInfo → EncryptedPrivateKeyInfo with PBES2, PBKDF2-HMAC-SHA256 and AES-256-CBC:
 * the algorithms OpenSSL 3 picks by default, read by every current tool.
 */
export async function encryptPkcs8(pkcs8, password, iterations) {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const iv = crypto.getRandomValues(new Uint8Array(16));
    const keyBytes = await pbkdf2(password.utf8, { salt, iterations, hash: "SHA-256" }, 32);
    const key = await crypto.subtle.importKey("raw", keyBytes, "AES-CBC", false, ["encrypt"]);
    const data = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-CBC", iv }, key, pkcs8));
    const kdf = derSeq(derOid(OID.pbkdf2), derSeq(derOctets(salt), derInt(iterations), derSeq(derOid(OID.hmacWithSHA256), derNull())));
    const enc = derSeq(derOid(OID.aes256Cbc), derOctets(iv));
    return derSeq(derSeq(derOid(OID.pbes2), derSeq(kdf, enc)), derOctets(data));
}
//# sourceMappingURL=pbe.js.map