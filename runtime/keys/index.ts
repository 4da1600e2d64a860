/**
 * Private keys as storage admins actually have them — PKCS#8, PKCS#1, encrypted either way,
 * PKCS#12 from Windows — turned into a Web Crypto RS256 key. Web globals only (`crypto.subtle`,
 * `TextEncoder`, `atob`): runs unchanged on Node, Deno and browsers.
 */
export { detectKeyFormat, type KeyFormat } from "./detect.ts";
export { readKeyFile } from "./file.ts";
export { type EncryptPkcs8Options, encryptPkcs8Pem, generateRsaKeyPair } from "./keygen.ts";
export { type ImportPrivateKeyOptions, importPrivateKey, publicKeyPemFromPrivate } from "./private-key.ts";
