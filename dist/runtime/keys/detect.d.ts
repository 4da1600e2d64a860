/** Works out what a key file is, from PEM labels or, for DER and bare base64, from its shape. */
import { type Bytes } from "./asn1.js";
import { KeyProblem } from "./problem.js";
/** The container format of a key file, as {@link detectKeyFormat} reports it. */
export type KeyFormat = "pkcs8" | "pkcs1" | "encrypted-pkcs8" | "encrypted-pkcs1" | "pkcs12" | "public" | "unknown";
export type Classified = {
    format: "pkcs8" | "pkcs1" | "encrypted-pkcs8" | "pkcs12";
    der: Bytes;
} | {
    format: "encrypted-pkcs1";
    der: Bytes;
    dekInfo: string;
} | {
    format: "public";
    problem: KeyProblem;
} | {
    format: "unknown";
    problem: KeyProblem;
};
/** Classifies raw DER by the shape of its outer SEQUENCE. */
export declare function classifyDer(der: Bytes): Classified;
/** Classifies a key file's contents: PEM text, DER bytes or bare base64 of DER (a .pfx in an env var). */
export declare function classify(input: string | Uint8Array): Classified;
/**
 * Tells which kind of key file `input` is, without decrypting or importing anything.
 * PEM text, DER bytes and bare base64 of DER (as .pfx files are pasted into env vars) are all
 * recognized; `"public"` covers public keys and certificates. Never throws.
 *
 * @example
 * ```ts
 * const format = detectKeyFormat(await readFile("private.pem"));
 * if (format === "encrypted-pkcs8" || format === "encrypted-pkcs1" || format === "pkcs12") askForPassword();
 * ```
 */
export declare function detectKeyFormat(input: string | Uint8Array): KeyFormat;
//# sourceMappingURL=detect.d.ts.map