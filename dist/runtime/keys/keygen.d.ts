/**
 * Creates an RSA 2048 key pair for RS256: the private key as PKCS#8 PEM
 * (`BEGIN PRIVATE KEY`), the public key as SPKI PEM (`BEGIN PUBLIC KEY`), the forms OpenSSL 3
 * writes and Pure1 accepts.
 *
 * @example
 * ```ts
 * const { privateKeyPem, publicKeyPem } = await generateRsaKeyPair();
 * await writeFile("private.pem", privateKeyPem, { mode: 0o600 });
 * ```
 */
export declare function generateRsaKeyPair(): Promise<{
    privateKeyPem: string;
    publicKeyPem: string;
}>;
export interface EncryptPkcs8Options {
    /**
     * PBKDF2 iterations. Default 600 000, OWASP's 2023 figure for PBKDF2-HMAC-SHA256 (OpenSSL
     * still defaults to 2048); costs about 0.1 s each time the key is loaded.
     */
    iterations?: number;
}
/**
 * Password-protects a private key as `BEGIN ENCRYPTED PRIVATE KEY` PEM using PBES2 with
 * PBKDF2-HMAC-SHA256 and AES-256-CBC, like OpenSSL 3 (`openssl pkey -aes256`); OpenSSL,
 * Python `cryptography`, Java and purekit itself read it. `key` is PKCS#8 DER or any unencrypted
 * PEM {@link importPrivateKey} reads.
 *
 * @example
 * ```ts
 * const { privateKeyPem } = await generateRsaKeyPair();
 * await writeFile("private.pem", await encryptPkcs8Pem(privateKeyPem, password), { mode: 0o600 });
 * ```
 */
export declare function encryptPkcs8Pem(key: string | Uint8Array, password: string, options?: EncryptPkcs8Options): Promise<string>;
//# sourceMappingURL=keygen.d.ts.map