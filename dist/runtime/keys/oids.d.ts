/** Object identifiers of the key, cipher, KDF and PKCS#12 structures we read or name in errors. */
export declare const OID: {
    readonly rsaEncryption: "1.2.840.113549.1.1.1";
    readonly rsassaPss: "1.2.840.113549.1.1.10";
    readonly pbes2: "1.2.840.113549.1.5.13";
    readonly pbkdf2: "1.2.840.113549.1.5.12";
    readonly pbmac1: "1.2.840.113549.1.5.14";
    readonly hmacWithSHA1: "1.2.840.113549.2.7";
    readonly hmacWithSHA256: "1.2.840.113549.2.9";
    readonly hmacWithSHA384: "1.2.840.113549.2.10";
    readonly hmacWithSHA512: "1.2.840.113549.2.11";
    readonly aes128Cbc: "2.16.840.1.101.3.4.1.2";
    readonly aes192Cbc: "2.16.840.1.101.3.4.1.22";
    readonly aes256Cbc: "2.16.840.1.101.3.4.1.42";
    readonly desEde3Cbc: "1.2.840.113549.3.7";
    readonly desCbc: "1.3.14.3.2.7";
    readonly pbeSha1Des3: "1.2.840.113549.1.12.1.3";
    readonly pbeSha1Des2: "1.2.840.113549.1.12.1.4";
    readonly sha1: "1.3.14.3.2.26";
    readonly sha256: "2.16.840.1.101.3.4.2.1";
    readonly sha384: "2.16.840.1.101.3.4.2.2";
    readonly sha512: "2.16.840.1.101.3.4.2.3";
    readonly data: "1.2.840.113549.1.7.1";
    readonly encryptedData: "1.2.840.113549.1.7.6";
    readonly keyBag: "1.2.840.113549.1.12.10.1.1";
    readonly shroudedKeyBag: "1.2.840.113549.1.12.10.1.2";
    readonly safeContentsBag: "1.2.840.113549.1.12.10.1.6";
};
/** "scrypt (1.3.6.1.4.1.11591.4.11)" or "OID 1.2.3" — always includes the digits, which are searchable. */
export declare function describeOid(oid: string): string;
/** Just the name of a key algorithm ("EC"), or its OID when we have no name. */
export declare function keyAlgorithmName(oid: string): string;
//# sourceMappingURL=oids.d.ts.map