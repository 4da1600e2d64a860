/** Object identifiers of the key, cipher, KDF and PKCS#12 structures we read or name in errors. */
export const OID = {
    rsaEncryption: "1.2.840.113549.1.1.1",
    rsassaPss: "1.2.840.113549.1.1.10",
    // PKCS#5 v2 (RFC 8018)
    pbes2: "1.2.840.113549.1.5.13",
    pbkdf2: "1.2.840.113549.1.5.12",
    pbmac1: "1.2.840.113549.1.5.14",
    hmacWithSHA1: "1.2.840.113549.2.7",
    hmacWithSHA256: "1.2.840.113549.2.9",
    hmacWithSHA384: "1.2.840.113549.2.10",
    hmacWithSHA512: "1.2.840.113549.2.11",
    aes128Cbc: "2.16.840.1.101.3.4.1.2",
    aes192Cbc: "2.16.840.1.101.3.4.1.22",
    aes256Cbc: "2.16.840.1.101.3.4.1.42",
    desEde3Cbc: "1.2.840.113549.3.7",
    desCbc: "1.3.14.3.2.7",
    // PKCS#12 (RFC 7292)
    pbeSha1Des3: "1.2.840.113549.1.12.1.3",
    pbeSha1Des2: "1.2.840.113549.1.12.1.4",
    sha1: "1.3.14.3.2.26",
    sha256: "2.16.840.1.101.3.4.2.1",
    sha384: "2.16.840.1.101.3.4.2.2",
    sha512: "2.16.840.1.101.3.4.2.3",
    data: "1.2.840.113549.1.7.1",
    encryptedData: "1.2.840.113549.1.7.6",
    keyBag: "1.2.840.113549.1.12.10.1.1",
    shroudedKeyBag: "1.2.840.113549.1.12.10.1.2",
    safeContentsBag: "1.2.840.113549.1.12.10.1.6",
};
/** Names for OIDs people meet in the wild, so an error can say more than digits. */
const NAMES = {
    "1.2.840.10045.2.1": "EC",
    "1.2.840.10040.4.1": "DSA",
    "1.3.101.110": "X25519",
    "1.3.101.111": "X448",
    "1.3.101.112": "Ed25519",
    "1.3.101.113": "Ed448",
    "1.2.840.113549.1.3.1": "DH",
    [OID.rsassaPss]: "RSASSA-PSS",
    "1.3.6.1.4.1.11591.4.11": "scrypt",
    "1.2.840.113549.1.5.3": "PBES1 pbeWithMD5AndDES-CBC",
    "1.2.840.113549.1.5.6": "PBES1 pbeWithMD5AndRC2-CBC",
    "1.2.840.113549.1.5.10": "PBES1 pbeWithSHA1AndDES-CBC",
    "1.2.840.113549.1.5.11": "PBES1 pbeWithSHA1AndRC2-CBC",
    "1.2.840.113549.1.12.1.1": "pbeWithSHAAnd128BitRC4",
    "1.2.840.113549.1.12.1.2": "pbeWithSHAAnd40BitRC4",
    "1.2.840.113549.1.12.1.5": "pbeWithSHAAnd128BitRC2-CBC",
    "1.2.840.113549.1.12.1.6": "pbeWithSHAAnd40BitRC2-CBC",
    "1.2.840.113549.3.2": "RC2-CBC",
    "1.2.840.113549.2.5": "MD5",
    "1.2.840.113549.2.8": "hmacWithSHA224",
    "2.16.840.1.101.3.4.2.4": "SHA-224",
    "1.2.840.113549.1.7.2": "signedData (public-key integrity mode)",
    "1.2.840.113549.1.7.3": "envelopedData (public-key privacy mode)",
};
/** "scrypt (1.3.6.1.4.1.11591.4.11)" or "OID 1.2.3" — always includes the digits, which are searchable. */
export function describeOid(oid) {
    const name = NAMES[oid];
    return name ? `${name} (OID ${oid})` : `OID ${oid}`;
}
/** Just the name of a key algorithm ("EC"), or its OID when we have no name. */
export function keyAlgorithmName(oid) {
    return NAMES[oid] ?? `OID ${oid}`;
}
//# sourceMappingURL=oids.js.map