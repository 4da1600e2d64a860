/** Works out what a key file is, from PEM labels or, for DER and bare base64, from its shape. */
import { children, intOf, parseDer, seq, TAG } from "./asn1.js";
import { base64ToBytes, parsePem } from "./pem.js";
import { KeyProblem, malformed, notRsa, unsupported } from "./problem.js";
const EC = "1.2.840.10045.2.1";
const DSA = "1.2.840.10040.4.1";
const NOT_A_KEY = "is not a private key purekit can read (expected PEM, DER or PKCS#12)";
const publicGiven = (what) => ({
    format: "public",
    problem: new KeyProblem("ERR_KEY_PUBLIC_GIVEN", `is ${what}; purekit needs the private key that pairs with it`),
});
const unknown = (problem) => ({ format: "unknown", problem });
/** Classifies raw DER by the shape of its outer SEQUENCE. */
export function classifyDer(der) {
    let kids;
    try {
        kids = seq(parseDer(der));
    }
    catch {
        return unknown(malformed(NOT_A_KEY));
    }
    const [a, b, c] = kids;
    const ints = kids.every((k) => k.tag === TAG.INTEGER);
    if (a?.tag === TAG.INTEGER) {
        // PrivateKeyInfo: version, AlgorithmIdentifier, OCTET STRING key [, attributes, public key]
        if (b?.tag === TAG.SEQUENCE && c?.tag === TAG.OCTET_STRING)
            return { format: "pkcs8", der };
        // PFX: version 3, ContentInfo authSafe [, MacData]
        if (b?.tag === TAG.SEQUENCE && a.body.length === 1 && a.body[0] === 3)
            return { format: "pkcs12", der };
        // RSAPrivateKey: version, n, e, d, p, q, dp, dq, qi
        if (ints && kids.length >= 9)
            return { format: "pkcs1", der };
        if (ints && kids.length === 6)
            return unknown(notRsa(DSA)); // OpenSSL's traditional DSA key
        if (ints && kids.length === 2)
            return publicGiven("an RSA public key (PKCS#1)");
        if (b?.tag === TAG.OCTET_STRING && intOf(a) === 1)
            return unknown(notRsa(EC)); // SEC1 ECPrivateKey
    }
    if (a?.tag === TAG.SEQUENCE && kids.length >= 2) {
        const algorithmFirst = children(a)[0]?.tag === TAG.OID;
        // EncryptedPrivateKeyInfo: AlgorithmIdentifier, OCTET STRING
        if (algorithmFirst && b?.tag === TAG.OCTET_STRING)
            return { format: "encrypted-pkcs8", der };
        // SubjectPublicKeyInfo: AlgorithmIdentifier, BIT STRING
        if (algorithmFirst && b?.tag === TAG.BIT_STRING)
            return publicGiven("a public key");
        // Certificate or CSR: to-be-signed SEQUENCE, signature AlgorithmIdentifier, BIT STRING
        if (kids.length === 3 && c?.tag === TAG.BIT_STRING)
            return publicGiven("a certificate (a public key)");
    }
    return unknown(malformed(NOT_A_KEY));
}
function classifyBlock({ label, headers, der }) {
    switch (label) {
        case "PRIVATE KEY":
            return { format: "pkcs8", der };
        case "ENCRYPTED PRIVATE KEY":
            return { format: "encrypted-pkcs8", der };
        case "RSA PRIVATE KEY":
            return /ENCRYPTED/i.test(headers.get("proc-type") ?? "")
                ? { format: "encrypted-pkcs1", der, dekInfo: headers.get("dek-info") ?? "" }
                : { format: "pkcs1", der };
        case "EC PRIVATE KEY":
            return unknown(notRsa(EC));
        case "DSA PRIVATE KEY":
            return unknown(notRsa(DSA));
        case "OPENSSH PRIVATE KEY":
            return unknown(unsupported("is in OpenSSH's own key format; convert a copy with `ssh-keygen -p -m PKCS8 -f <copy>` and use that"));
        case "PUBLIC KEY":
        case "RSA PUBLIC KEY":
            return publicGiven("a public key");
        case "CERTIFICATE":
        case "X509 CERTIFICATE":
        case "TRUSTED CERTIFICATE":
        case "CERTIFICATE REQUEST":
        case "NEW CERTIFICATE REQUEST":
            return publicGiven("a certificate (a public key)");
    }
    // Odd labels ("PKCS12", tools' own names): trust the DER if it is something we know.
    const byShape = classifyDer(der);
    if (byShape.format !== "unknown")
        return byShape;
    return unknown(unsupported(`holds a "${label}" PEM block, which is not a private key format purekit reads`));
}
/**
 * Text decoding that survives Windows: PowerShell 5.1's `Out-File` and `>` write UTF-16LE
 * with a byte-order mark, which would otherwise look like garbage.
 */
function decodeText(bytes) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
        return new TextDecoder("utf-16le").decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
        return new TextDecoder("utf-16be").decode(bytes.subarray(2));
    return new TextDecoder().decode(bytes);
}
/** Classifies a key file's contents: PEM text, DER bytes or bare base64 of DER (a .pfx in an env var). */
export function classify(input) {
    if (typeof input !== "string" && input[0] === 0x30)
        return classifyDer(new Uint8Array(input));
    const text = (typeof input === "string" ? input : decodeText(input)).replace(/^\uFEFF/, "").trim();
    if (!text)
        return unknown(malformed("is empty"));
    if (text.includes("-----BEGIN")) {
        const blocks = parsePem(text);
        // A bundle with certificates and the key (`openssl pkcs12 -nodes` output): take the key.
        const block = blocks.find((b) => b.label.endsWith("PRIVATE KEY")) ?? blocks[0];
        if (!block)
            return unknown(malformed("has a -----BEGIN line but no complete PEM block (truncated or damaged?)"));
        return classifyBlock(block);
    }
    if (text.startsWith("PuTTY-User-Key-File"))
        return unknown(unsupported("is a PuTTY .ppk key; in PuTTYgen use Conversions → Export OpenSSH key and use that file"));
    if (/^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-\S+) /.test(text))
        return publicGiven("an OpenSSH public key");
    const der = base64ToBytes(text);
    if (der?.[0] === 0x30)
        return classifyDer(der);
    return unknown(malformed(NOT_A_KEY));
}
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
export function detectKeyFormat(input) {
    try {
        return classify(input).format;
    }
    catch {
        return "unknown";
    }
}
//# sourceMappingURL=detect.js.map