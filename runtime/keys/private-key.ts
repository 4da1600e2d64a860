/** Any supported private key file → PKCS#8 → a Web Crypto RS256 signing key. */

import type { CryptoKey } from "../crypto-key.ts";
import { PurekitError } from "../errors.ts";
import {
  Asn1Error,
  type Bytes,
  derBitString,
  derInt,
  derNull,
  derOctets,
  derOid,
  derSeq,
  oidOf,
  parseDer,
  seq,
  TAG,
} from "./asn1.ts";
import { classify } from "./detect.ts";
import { OID } from "./oids.ts";
import {
  DEFAULT_KEY_LIMITS,
  decryptLegacyPem,
  decryptPkcs8,
  type KeyLimits,
  type Password,
  passwordBytes,
} from "./pbe.ts";
import { base64UrlToBytes, toPem } from "./pem.ts";
import { pkcs12ToPkcs8 } from "./pkcs12.ts";
import { BadDecrypt, notRsa, passwordRequired, subjectOf, toPurekitError, unsupported } from "./problem.ts";

export interface ImportPrivateKeyOptions {
  /** Password of an encrypted PEM or a PKCS#12 file; ignored for unencrypted keys. */
  password?: string;
  /** File name (or other label) used in error messages. */
  source?: string;
  /**
   * Most key-derivation iterations an encrypted file may ask for; default 1,000,000 (real
   * files use 2,000 to a few hundred thousand). Bounds the work a hostile file can cause.
   */
  maxIterations?: number;
}

/** RS256 keys shorter than this are refused (jose refuses to sign with them; RFC 7518 §3.3). */
export const MIN_RSA_BITS = 2048;

const RS256 = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const;

/** Checks a PrivateKeyInfo holds an RSA key; returns it unchanged. */
function checkPkcs8(der: Bytes): Bytes {
  const [version, algorithm, key] = seq(parseDer(der));
  if (version?.tag !== TAG.INTEGER || key?.tag !== TAG.OCTET_STRING)
    throw new Asn1Error("not a PrivateKeyInfo");
  const oid = oidOf(seq(algorithm)[0]);
  if (oid === OID.rsaEncryption) return der;
  // An RSA-PSS key is RSA, but restricted to PSS by its own encoding: RS256 must not use it.
  if (oid === OID.rsassaPss)
    throw unsupported(
      "is an RSA-PSS key, which may only make PSS signatures; purekit signs with RS256 and needs a plain RSA key " +
        "(create one with `purekit keygen` or `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048`)",
    );
  throw notRsa(oid);
}

/** PKCS#1 RSAPrivateKey → PKCS#8 PrivateKeyInfo, since Web Crypto imports only the latter. */
function wrapPkcs1(der: Bytes): Bytes {
  const kids = seq(parseDer(der));
  if (kids.length < 9 || kids.some((k) => k.tag !== TAG.INTEGER)) throw new Asn1Error("not an RSAPrivateKey");
  return derSeq(derInt(0), derSeq(derOid(OID.rsaEncryption), derNull()), derOctets(der));
}

/** Parses freshly decrypted plaintext: garbage there means the password was wrong. */
function afterDecrypt(plain: Bytes, check: (der: Bytes) => Bytes): Bytes {
  try {
    return check(plain);
  } catch (e) {
    if (e instanceof Asn1Error) throw new BadDecrypt("the decrypted data is not a private key");
    throw e;
  }
}

/**
 * Runs a decryption with the password, or with the empty password when none was given (some
 * tools write those); failing then means "password required", not "wrong password".
 */
async function withPassword(password: string | undefined, attempt: (pw: Password) => Promise<Bytes>) {
  try {
    return await attempt(passwordBytes(password ?? ""));
  } catch (e) {
    if (e instanceof BadDecrypt && !password) throw passwordRequired();
    throw e;
  }
}

/** The RSA key of any supported file as PKCS#8 DER; errors are internal (see problem.ts). */
async function toPkcs8(
  input: string | Uint8Array,
  password: string | undefined,
  limits: KeyLimits,
): Promise<Bytes> {
  const c = classify(input);
  switch (c.format) {
    case "pkcs8":
      return checkPkcs8(c.der);
    case "pkcs1":
      return wrapPkcs1(c.der);
    case "encrypted-pkcs8":
      return withPassword(password, async (pw) =>
        afterDecrypt(await decryptPkcs8(parseDer(c.der), pw, limits), checkPkcs8),
      );
    case "encrypted-pkcs1":
      return withPassword(password, async (pw) =>
        afterDecrypt(await decryptLegacyPem(c.dekInfo, c.der, pw), wrapPkcs1),
      );
    case "pkcs12":
      return checkPkcs8(await pkcs12ToPkcs8(c.der, password, limits));
    default:
      throw c.problem;
  }
}

/** {@link toPkcs8} with errors finished as PurekitErrors naming `source`. */
export async function privateKeyToPkcs8(
  input: string | Uint8Array,
  options: ImportPrivateKeyOptions = {},
): Promise<Bytes> {
  const maxIterations = options.maxIterations ?? DEFAULT_KEY_LIMITS.maxIterations;
  if (!(Number.isSafeInteger(maxIterations) && maxIterations > 0)) {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `maxIterations must be a positive whole number, got ${String(maxIterations)}.`,
    );
  }
  try {
    return await toPkcs8(input, options.password, { maxIterations });
  } catch (e) {
    throw toPurekitError(e, options.source);
  }
}

/** Refuses RSA keys too short for RS256, at import rather than at the first signature. */
export function checkRsaKeySize(key: CryptoKey, source: string | undefined): CryptoKey {
  const bits = (key.algorithm as { modulusLength?: number }).modulusLength;
  if (typeof bits === "number" && bits < MIN_RSA_BITS) {
    throw new PurekitError(
      "ERR_KEY_UNSUPPORTED",
      `${subjectOf(source)} is a ${bits}-bit RSA key; RS256 needs at least ${MIN_RSA_BITS} bits. ` +
        "Create a new key (`purekit keygen`, or `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048`) and register its public key.",
    );
  }
  return key;
}

async function importPkcs8(
  pkcs8: Bytes,
  extractable: boolean,
  source: string | undefined,
): Promise<CryptoKey> {
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey("pkcs8", pkcs8, RS256, extractable, ["sign"]);
  } catch (e) {
    throw toPurekitError(e, source);
  }
  return checkRsaKeySize(key, source);
}

/**
 * Turns the private key file a storage admin has into a Web Crypto key for RS256 (the JWT
 * signature Pure1 expects): RSASSA-PKCS1-v1_5 with SHA-256, non-extractable, usage `sign`.
 *
 * Reads PKCS#8 (`BEGIN PRIVATE KEY`, or DER), PKCS#1 (`BEGIN RSA PRIVATE KEY`), encrypted
 * PKCS#8 (`BEGIN ENCRYPTED PRIVATE KEY`: PBES2 with AES or 3DES, what `openssl genrsa -aes256`
 * writes since OpenSSL 3), OpenSSL 1.x encrypted PKCS#1 (`Proc-Type: 4,ENCRYPTED`), and
 * PKCS#12 `.pfx`/`.p12` (binary or base64; AES or legacy 3DES). Runs on Web globals only.
 *
 * Throws a `PurekitError`: `ERR_KEY_PASSWORD_REQUIRED`, `ERR_KEY_WRONG_PASSWORD`,
 * `ERR_KEY_NOT_RSA`, `ERR_KEY_PUBLIC_GIVEN`, `ERR_KEY_UNSUPPORTED` (also: an RSA key under
 * 2048 bits, or a file asking for more than `maxIterations` key-derivation iterations) or
 * `ERR_KEY_MALFORMED` (also: ASN.1 nested deeper than any real file).
 * Messages name `source` and never contain key material or the password.
 *
 * @example
 * ```ts
 * const key = await importPrivateKey(await readFile("private.pem"), {
 *   password: process.env.PURE1_PRIVATE_KEY_PASSWORD,
 *   source: "private.pem",
 * });
 * const sig = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", key, new TextEncoder().encode(jwtInput));
 * ```
 */
export async function importPrivateKey(
  input: string | Uint8Array,
  options: ImportPrivateKeyOptions = {},
): Promise<CryptoKey> {
  return importPkcs8(await privateKeyToPkcs8(input, options), false, options.source);
}

/**
 * The public half of a private key, as SPKI PEM (`BEGIN PUBLIC KEY`) — what Pure1 asks for
 * when registering an API client. Accepts every format {@link importPrivateKey} does.
 *
 * @example
 * ```ts
 * const pem = await publicKeyPemFromPrivate(await readFile("private.pem"), { password });
 * console.log(pem); // paste into Pure1 → Administration → API Registration
 * ```
 */
export async function publicKeyPemFromPrivate(
  input: string | Uint8Array,
  options: ImportPrivateKeyOptions = {},
): Promise<string> {
  const key = await importPkcs8(await privateKeyToPkcs8(input, options), true, options.source);
  // Web Crypto cannot export SPKI from a private key, but its JWK carries n and e.
  const { n, e } = await crypto.subtle.exportKey("jwk", key);
  if (!n || !e) throw new TypeError("Web Crypto exported an RSA JWK without n or e");
  const rsaPublicKey = derSeq(derInt(base64UrlToBytes(n)), derInt(base64UrlToBytes(e)));
  return toPem(
    "PUBLIC KEY",
    derSeq(derSeq(derOid(OID.rsaEncryption), derNull()), derBitString(rsaPublicKey)),
  );
}
