/** Key creation for `purekit keygen`: a fresh RSA pair, and password protection for it. */
import { PurekitError } from "../errors.js";
import { encryptPkcs8, passwordBytes } from "./pbe.js";
import { toPem } from "./pem.js";
import { privateKeyToPkcs8 } from "./private-key.js";
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
export async function generateRsaKeyPair() {
    const pair = await crypto.subtle.generateKey({
        name: "RSASSA-PKCS1-v1_5",
        modulusLength: 2048,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: "SHA-256",
    }, true, ["sign", "verify"]);
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey("pkcs8", pair.privateKey));
    const spki = new Uint8Array(await crypto.subtle.exportKey("spki", pair.publicKey));
    return { privateKeyPem: toPem("PRIVATE KEY", pkcs8), publicKeyPem: toPem("PUBLIC KEY", spki) };
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
export async function encryptPkcs8Pem(key, password, options = {}) {
    const iterations = options.iterations ?? 600_000;
    if (!password)
        throw new PurekitError("ERR_INVALID_ARGUMENT", "encryptPkcs8Pem needs a non-empty password");
    if (!Number.isInteger(iterations) || iterations < 1)
        throw new PurekitError("ERR_INVALID_ARGUMENT", "encryptPkcs8Pem: iterations must be a positive integer");
    const pkcs8 = await privateKeyToPkcs8(key, { source: "The key to encrypt" });
    return toPem("ENCRYPTED PRIVATE KEY", await encryptPkcs8(pkcs8, passwordBytes(password), iterations));
}
//# sourceMappingURL=keygen.js.map