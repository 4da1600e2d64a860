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
import { explicit, intOf, octetsOf, oidOf, parseDer, seq } from "./asn1.js";
import { OID } from "./oids.js";
import { ABSENT_PASSWORD, DIGESTS, HASH_BYTES, hmacHashOf, iterationsOf, parsePbkdf2, passwordBytes, pbeDecrypt, pbkdf2, pkcs12Kdf, } from "./pbe.js";
import { BadDecrypt, KeyProblem, malformed, passwordRequired, unsupportedAlgorithm, wrongPassword, } from "./problem.js";
/** Checks the MacData against `password`; true if it matches. */
async function macMatches(macData, content, password, limits) {
    const [digestInfo, macSalt, iter] = seq(macData);
    const [macAlg, digest] = seq(digestInfo);
    const [algOid, params] = seq(macAlg);
    const oid = oidOf(algOid);
    let hash;
    let key;
    if (oid === OID.pbmac1) {
        // RFC 9579: PBKDF2 over the UTF-8 password; macSalt and iterations are ignored.
        const [kdf, scheme] = seq(params);
        const p = parsePbkdf2(kdf, limits);
        if (!p.keyLength)
            throw malformed("has a PBMAC1 MAC without a key length");
        hash = hmacHashOf(scheme);
        key = await pbkdf2(password.utf8, p, p.keyLength);
    }
    else {
        const h = DIGESTS[oid];
        if (!h)
            throw unsupportedAlgorithm(oid);
        hash = h;
        const iterations = iter ? iterationsOf(iter, limits) : 1; // DEFAULT 1
        key = await pkcs12Kdf(hash, 3, octetsOf(macSalt), iterations, password.bmp, HASH_BYTES[hash]);
    }
    const k = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash }, false, ["verify"]);
    return crypto.subtle.verify("HMAC", k, octetsOf(digest), content);
}
/** Decrypts with the first candidate password that yields data `check` accepts. */
async function decrypt(s, algId, data, check) {
    for (const pw of s.candidates) {
        try {
            const plain = await pbeDecrypt(algId, data, pw, s.limits);
            try {
                check(plain);
            }
            catch {
                throw new BadDecrypt("decrypted data is not what it should be");
            }
            s.candidates = [pw];
            return plain;
        }
        catch (e) {
            if (!(e instanceof BadDecrypt))
                throw e;
        }
    }
    throw s.passwordGiven ? wrongPassword("a PKCS#12 content does not decrypt") : passwordRequired();
}
/** SafeContents inside SafeContents (safeContentsBag): real files nest none or one. */
const MAX_SAFE_CONTENTS_NESTING = 8;
/** Private keys (PrivateKeyInfo DER) in a SafeContents. */
async function keysIn(s, safeContents, depth = 0) {
    if (depth > MAX_SAFE_CONTENTS_NESTING)
        throw malformed("nests PKCS#12 SafeContents too deeply to be a real file");
    const keys = [];
    for (const bag of seq(safeContents)) {
        const [bagId, value] = seq(bag);
        const id = oidOf(bagId);
        if (id === OID.keyBag)
            keys.push(explicit(value, 0).raw);
        else if (id === OID.shroudedKeyBag) {
            const [algId, data] = seq(explicit(value, 0));
            keys.push(await decrypt(s, algId, octetsOf(data), (b) => seq(parseDer(b))));
        }
        else if (id === OID.safeContentsBag)
            keys.push(...(await keysIn(s, explicit(value, 0), depth + 1)));
    }
    return keys;
}
/** Returns the first private key of a PFX, as PrivateKeyInfo DER (not yet checked to be RSA). */
export async function pkcs12ToPkcs8(der, password, limits) {
    const [version, authSafe, macData] = seq(parseDer(der));
    if (intOf(version) !== 3)
        throw malformed("is not a PKCS#12 version 3 file");
    const [contentType, content] = seq(authSafe);
    const type = oidOf(contentType);
    if (type !== OID.data)
        throw unsupportedAlgorithm(type);
    const authSafeBytes = octetsOf(explicit(content, 0));
    const s = {
        candidates: password ? [passwordBytes(password)] : [ABSENT_PASSWORD, passwordBytes("")],
        passwordGiven: !!password,
        skipped: [],
        limits,
    };
    if (macData) {
        // The MAC tells a wrong password apart from a damaged file before any decryption.
        const matching = [];
        for (const pw of s.candidates)
            if (await macMatches(macData, authSafeBytes, pw, limits))
                matching.push(pw);
        if (matching.length === 0)
            throw s.passwordGiven
                ? wrongPassword("the PKCS#12 integrity check (MAC) does not match")
                : passwordRequired();
        s.candidates = matching.slice(0, 1);
    }
    const encrypted = [];
    const keys = [];
    for (const info of seq(parseDer(authSafeBytes))) {
        const [ctype, value] = seq(info);
        const t = oidOf(ctype);
        if (t === OID.data)
            keys.push(...(await keysIn(s, parseDer(octetsOf(explicit(value, 0))))));
        else if (t === OID.encryptedData)
            encrypted.push(explicit(value, 0));
        else
            s.skipped.push(unsupportedAlgorithm(t));
    }
    for (const enc of keys.length ? [] : encrypted) {
        // EncryptedData: version, EncryptedContentInfo { type, algorithm, [0] IMPLICIT content }.
        const [, eci] = seq(enc);
        const [, algId, data] = seq(eci);
        try {
            const plain = await decrypt(s, algId, octetsOf(data, 0x80), (b) => seq(parseDer(b)));
            keys.push(...(await keysIn(s, parseDer(plain))));
        }
        catch (e) {
            // Certificates under RC2-40 (OpenSSL -legacy) are fine to skip; the key may be elsewhere.
            if (!(e instanceof KeyProblem && e.code === "ERR_KEY_UNSUPPORTED"))
                throw e;
            s.skipped.push(e);
        }
        if (keys.length)
            break;
    }
    const [key] = keys;
    if (key)
        return key;
    throw (s.skipped[0] ??
        new KeyProblem("ERR_KEY_PUBLIC_GIVEN", "is a PKCS#12 file holding only certificates (public keys); purekit needs the private key that pairs with them"));
}
//# sourceMappingURL=pkcs12.js.map