/**
 * Internal failures of the key readers. The readers do not know which file they are reading,
 * so they throw a {@link KeyProblem} holding the end of a sentence ("is encrypted; …") and the
 * public functions finish it with the file name. Nothing here ever holds key bytes or the
 * password: details are fixed strings, OIDs, cipher names and PEM labels.
 */
import { type PurekitErrorCode } from "../errors.js";
export declare class KeyProblem extends Error {
    readonly code: PurekitErrorCode;
    readonly detail: string;
    name: string;
    constructor(code: PurekitErrorCode, detail: string);
}
/** Decryption produced bad padding or non-DER plaintext: with these formats, a wrong password. */
export declare class BadDecrypt extends Error {
    name: string;
}
export declare const PASSWORD_HINT = "privateKeyPassword / --password / PURE1_PRIVATE_KEY_PASSWORD";
export declare const passwordRequired: () => KeyProblem;
export declare const wrongPassword: (why: string) => KeyProblem;
export declare const unsupported: (what: string) => KeyProblem;
/** An algorithm OID we cannot handle, with the usual way out. */
export declare const unsupportedAlgorithm: (oid: string) => KeyProblem;
export declare const notRsa: (algorithmOid: string) => KeyProblem;
export declare const malformed: (what: string) => KeyProblem;
/** "key.pem" or "The private key": the subject of every message. */
export declare const subjectOf: (source: string | undefined) => string;
/** Finishes an internal failure as the PurekitError callers see. */
export declare function toPurekitError(e: unknown, source: string | undefined): unknown;
//# sourceMappingURL=problem.d.ts.map