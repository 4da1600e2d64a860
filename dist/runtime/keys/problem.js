/**
 * Internal failures of the key readers. The readers do not know which file they are reading,
 * so they throw a {@link KeyProblem} holding the end of a sentence ("is encrypted; …") and the
 * public functions finish it with the file name. Nothing here ever holds key bytes or the
 * password: details are fixed strings, OIDs, cipher names and PEM labels.
 */
import { PurekitError } from "../errors.js";
import { Asn1Error } from "./asn1.js";
import { describeOid, keyAlgorithmName } from "./oids.js";
export class KeyProblem extends Error {
    code;
    detail;
    name = "KeyProblem";
    constructor(code, detail) {
        super(detail);
        this.code = code;
        this.detail = detail;
    }
}
/** Decryption produced bad padding or non-DER plaintext: with these formats, a wrong password. */
export class BadDecrypt extends Error {
    name = "BadDecrypt";
}
export const PASSWORD_HINT = "privateKeyPassword / --password / PURE1_PRIVATE_KEY_PASSWORD";
export const passwordRequired = () => new KeyProblem("ERR_KEY_PASSWORD_REQUIRED", `is encrypted; give its password (${PASSWORD_HINT})`);
export const wrongPassword = (why) => new KeyProblem("ERR_KEY_WRONG_PASSWORD", `could not be decrypted: the password is wrong (${why})`);
export const unsupported = (what) => new KeyProblem("ERR_KEY_UNSUPPORTED", what);
/** An algorithm OID we cannot handle, with the usual way out. */
export const unsupportedAlgorithm = (oid) => unsupported(`uses ${describeOid(oid)}, which purekit does not support; convert it with ` +
    "`openssl pkcs8 -topk8 -v2 aes-256-cbc -in <file> -out <new file>` (add -legacy for old ciphers)");
export const notRsa = (algorithmOid) => new KeyProblem("ERR_KEY_NOT_RSA", `is not an RSA key (its algorithm is ${keyAlgorithmName(algorithmOid)}); purekit signs with RS256 and needs ` +
    "an RSA private key (create one with `purekit keygen` or `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048`)");
export const malformed = (what) => new KeyProblem("ERR_KEY_MALFORMED", what);
/** "key.pem" or "The private key": the subject of every message. */
export const subjectOf = (source) => source || "The private key";
/** Finishes an internal failure as the PurekitError callers see. */
export function toPurekitError(e, source) {
    const subject = subjectOf(source);
    if (e instanceof KeyProblem)
        return new PurekitError(e.code, `${subject} ${e.detail}`);
    if (e instanceof Asn1Error)
        return new PurekitError("ERR_KEY_MALFORMED", `${subject} is damaged or not a private key (its ASN.1 structure is invalid)`, { cause: e });
    if (e instanceof BadDecrypt)
        return new PurekitError("ERR_KEY_WRONG_PASSWORD", `${subject} ${wrongPassword(e.message).detail}`);
    // Web Crypto rejects a structurally valid but mathematically broken key with a DOMException.
    if (e instanceof DOMException)
        return new PurekitError("ERR_KEY_MALFORMED", `${subject} is not a valid RSA private key (${e.name})`, {
            cause: e,
        });
    return e;
}
//# sourceMappingURL=problem.js.map