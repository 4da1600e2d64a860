/**
 * TLS options: validation, and the one clear error every platform adapter throws
 * when verification fails. Web globals only; the adapters (`node.ts`, `deno.ts`)
 * tell which failure it was.
 */
import { PurekitError } from "../errors.js";
const DEFAULT_HINT = "Give the array's CA with tls.ca (PEM), or tls.insecure for a lab array.";
export const INSECURE_WARNING = "TLS certificate verification is OFF (tls.insecure): anyone on the network path can impersonate " +
    "the array and read its credentials. Use it for lab arrays only; give the array's CA with tls.ca instead.";
/** Checks the options and splits CA bundles into single PEM certificates. */
export function resolveTls(tls) {
    if (tls.insecure !== undefined && typeof tls.insecure !== "boolean") {
        throw new PurekitError("ERR_INVALID_ARGUMENT", `tls.insecure must be true or false, got ${typeof tls.insecure} (parse environment variables first)`);
    }
    const given = tls.ca === undefined ? [] : Array.isArray(tls.ca) ? tls.ca : [tls.ca];
    const ca = given.flatMap((entry, i) => pemCertificates(entry, Array.isArray(tls.ca) ? `tls.ca[${i}]` : "tls.ca"));
    return { ca, insecure: tls.insecure === true, client: clientCertificate(tls) };
}
/** Validates `cert`/`key`/`passphrase`/`pfx`; messages never echo the input. */
function clientCertificate(tls) {
    const { cert, key, passphrase, pfx } = tls;
    if (passphrase !== undefined && typeof passphrase !== "string") {
        throw new PurekitError("ERR_INVALID_ARGUMENT", `tls.passphrase must be a string, got ${typeof passphrase}`);
    }
    if (pfx !== undefined) {
        if (cert !== undefined || key !== undefined) {
            throw new PurekitError("ERR_INVALID_ARGUMENT", "give either tls.pfx or tls.cert with tls.key, not both");
        }
        if (!(pfx instanceof Uint8Array) || pfx.byteLength === 0) {
            throw new PurekitError("ERR_TLS", `tls.pfx must be the PKCS#12 file's bytes (a non-empty Uint8Array or Buffer), got ${typeof pfx === "string" ? "a string" : typeof pfx}: ` +
                "read the file without an encoding, e.g. readFileSync(path)");
        }
        if (pfx[0] !== 0x30)
            throw new PurekitError("ERR_TLS", "tls.pfx is not a PKCS#12 file (it is not DER)");
        return { pfx, passphrase };
    }
    if (cert === undefined && key === undefined) {
        if (passphrase !== undefined) {
            throw new PurekitError("ERR_INVALID_ARGUMENT", "tls.passphrase is given without tls.key or tls.pfx");
        }
        return undefined;
    }
    if (cert === undefined) {
        throw new PurekitError("ERR_INVALID_ARGUMENT", "tls.key is given without tls.cert: give the client certificate too");
    }
    if (key === undefined) {
        throw new PurekitError("ERR_INVALID_ARGUMENT", "tls.cert is given without tls.key: give its private key too");
    }
    const chain = pemCertificates(cert, "tls.cert", "the client certificate");
    return { cert: chain.join(""), key: pemPrivateKey(key), passphrase };
}
/** The key's PEM text, checked to be one private key block. */
function pemPrivateKey(entry) {
    const fail = (what) => new PurekitError("ERR_TLS", `tls.key ${what}`);
    if (typeof entry !== "string") {
        throw fail(`must be PEM text (a string), got ${entry === null ? "null" : typeof entry}: read the file first, e.g. readFileSync(path, "utf8")`);
    }
    const blocks = [...entry.trim().matchAll(PEM_BLOCK)];
    const key = blocks.find((b) => (b[1] ?? "").endsWith("PRIVATE KEY"));
    if (!key) {
        if (blocks.some((b) => b[1] === "CERTIFICATE")) {
            throw fail("holds a certificate, not a private key: give the key that goes with tls.cert (-----BEGIN PRIVATE KEY-----)");
        }
        throw fail(`is not a PEM private key: expected text starting with -----BEGIN PRIVATE KEY----- (or RSA/EC/ENCRYPTED PRIVATE KEY; ${entry.trim().length} characters given)`);
    }
    return `${key[0]}\n`;
}
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
/** The certificates in one `ca` entry; a clear ERR_TLS that never echoes the input otherwise. */
function pemCertificates(entry, where, what = "the CA certificate") {
    const fail = (what) => new PurekitError("ERR_TLS", `${where} ${what}`);
    if (typeof entry !== "string") {
        throw fail(`must be PEM text (a string), got ${entry === null ? "null" : typeof entry}: ` +
            `read the file first, e.g. readFileSync(path, "utf8")`);
    }
    const text = entry.trim();
    if (text === "")
        throw fail(`is empty: give ${what} as PEM text`);
    const blocks = [...text.matchAll(PEM_BLOCK)];
    if (blocks.length === 0) {
        if (text.includes("-----BEGIN ")) {
            throw fail("holds a PEM header without its matching -----END----- line: the PEM is truncated");
        }
        if (!/\s/.test(text) && text.length < 1024 && /[\\/.]/.test(text)) {
            throw fail("looks like a file name, not PEM text: read the file first, " +
                `e.g. readFileSync(path, "utf8") (${text.length} characters given)`);
        }
        throw fail(`is not a PEM certificate: expected text starting with -----BEGIN CERTIFICATE----- ` +
            `(${text.length} characters given)`);
    }
    const certificates = [];
    for (const [n, block] of blocks.entries()) {
        const label = block[1] ?? "";
        const which = blocks.length > 1 ? ` (PEM block ${n + 1} of ${blocks.length})` : "";
        if (label.includes("PRIVATE KEY")) {
            throw fail(`holds a private key${which}, not a certificate: give ${what} ` +
                `(-----BEGIN CERTIFICATE-----)${where.startsWith("tls.ca") ? "; a private key never belongs here" : " here and its key in tls.key"}`);
        }
        if (label !== "CERTIFICATE") {
            throw fail(`holds -----BEGIN ${label}-----${which}; expected -----BEGIN CERTIFICATE-----`);
        }
        const base64 = (block[2] ?? "").replace(/\s+/g, "");
        if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || !startsWithDerSequence(base64)) {
            throw fail(`holds a certificate${which} whose base64 body is damaged`);
        }
        certificates.push(`-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g).join("\n")}\n-----END CERTIFICATE-----\n`);
    }
    return certificates;
}
function startsWithDerSequence(base64) {
    try {
        return atob(base64.slice(0, 4)).charCodeAt(0) === 0x30;
    }
    catch {
        return false;
    }
}
/** The single ERR_TLS a failed verification becomes, with the original error as `cause`. */
export function tlsError(url, failure, tls, cause) {
    const origin = originOf(url);
    let hint;
    switch (failure.kind) {
        case "unknown-ca":
            hint =
                tls.ca.length > 0
                    ? "The CA given in tls.ca did not issue it: give the CA that did (PEM), or tls.insecure for a lab array."
                    : DEFAULT_HINT;
            break;
        case "name-mismatch":
            hint =
                `Connect with a host name or address the certificate lists${failure.names ? ` (${failure.names})` : ""}, ` +
                    "or reissue the array's certificate for this name, or tls.insecure for a lab array.";
            break;
        case "validity":
            hint = "Renew the array's certificate (or fix this machine's clock), or tls.insecure for a lab array.";
            break;
        case "client-certificate":
            hint = tls.client
                ? "The array (or a gateway before it) did not accept the client certificate in tls.cert/tls.pfx: " +
                    "give one issued by a CA it trusts, and check that it has not expired."
                : "The array (or a gateway before it) requires a client certificate: give it with tls.cert and tls.key (PEM), or tls.pfx.";
            return new PurekitError("ERR_TLS", `TLS handshake with ${origin} failed: ${failure.reason}. ${hint}`, {
                cause,
            });
        case "handshake":
            hint = tls.client
                ? "Check that the URL names the array's HTTPS port."
                : "Check that the URL names the array's HTTPS port; if the array requires a client certificate, give tls.cert and tls.key.";
            return new PurekitError("ERR_TLS", `TLS handshake with ${origin} failed: ${failure.reason}. ${hint}`, {
                cause,
            });
    }
    return new PurekitError("ERR_TLS", `TLS verification of ${origin} failed: ${failure.reason}. ${hint}`, {
        cause,
    });
}
function originOf(url) {
    try {
        const parsed = new URL(url);
        return `${parsed.protocol}//${parsed.host}`;
    }
    catch {
        return url;
    }
}
/** The URL a fetch call goes to, for error messages. */
export function urlOf(input) {
    if (typeof input === "string")
        return input;
    if (input instanceof URL)
        return input.href;
    return input.url;
}
/** `fetchFn` with its TLS failures turned into the one ERR_TLS; other errors pass unchanged. */
export function withTlsErrors(fetchFn, tls) {
    return async (input, init) => {
        try {
            return await fetchFn(input, init);
        }
        catch (error) {
            const failure = tlsFailureOf(error);
            throw failure ? tlsError(urlOf(input), failure, tls, error) : error;
        }
    };
}
/** OpenSSL verification codes as Node reports them (undici puts them on `cause.code`), in words. */
const NODE_UNKNOWN_CA = {
    SELF_SIGNED_CERT_IN_CHAIN: "self-signed certificate in chain",
    DEPTH_ZERO_SELF_SIGNED_CERT: "the array presents a self-signed certificate",
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: "certificate issued by an unknown CA",
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "certificate issued by an unknown CA",
    UNABLE_TO_GET_ISSUER_CERT: "certificate issued by an unknown CA",
    CERT_UNTRUSTED: "certificate not trusted",
    CERT_SIGNATURE_FAILURE: "certificate signature does not verify",
    INVALID_CA: "a CA certificate in the chain is not valid as a CA",
    CERT_REJECTED: "certificate rejected",
    CERT_REVOKED: "certificate revoked",
    INVALID_PURPOSE: "certificate not valid for a TLS server",
    PATH_LENGTH_EXCEEDED: "certificate chain too long",
    CERT_CHAIN_TOO_LONG: "certificate chain too long",
};
const NODE_VALIDITY = {
    CERT_HAS_EXPIRED: "certificate has expired",
    CERT_NOT_YET_VALID: "certificate is not yet valid",
    ERROR_IN_CERT_NOT_BEFORE_FIELD: "certificate has a damaged validity period",
    ERROR_IN_CERT_NOT_AFTER_FIELD: "certificate has a damaged validity period",
};
/**
 * Whether a fetch failure is a TLS failure, and which. Reads what Node (OpenSSL
 * codes on the error or its causes) and Deno (rustls messages) report; anything
 * else is not TLS and stays as it is, for the retry layer to classify.
 */
export function tlsFailureOf(error) {
    for (const e of causeChain(error)) {
        if (typeof e !== "object" || e === null)
            continue;
        const code = e.code;
        if (typeof code === "string") {
            const failure = nodeFailure(code, e);
            if (failure)
                return failure;
        }
        const message = e.message;
        if (typeof message === "string") {
            const failure = rustlsFailure(message);
            if (failure)
                return failure;
        }
    }
    return undefined;
}
function nodeFailure(code, e) {
    const unknownCa = NODE_UNKNOWN_CA[code];
    if (unknownCa)
        return { kind: "unknown-ca", reason: unknownCa };
    const validity = NODE_VALIDITY[code];
    if (validity)
        return { kind: "validity", reason: validity };
    if (code === "ERR_TLS_CERT_ALTNAME_INVALID" || code === "HOSTNAME_MISMATCH") {
        // reason: "Host: x. is not in the cert's altnames: DNS:localhost, …" or "IP: x is not in the cert's list: …"
        const reason = String(e.reason ?? "");
        const names = /(?:altnames|list): (.*)$/.exec(reason)?.[1];
        return { kind: "name-mismatch", reason: "the certificate does not name this host", names };
    }
    if (/ALERT_CERTIFICATE_REQUIRED$/.test(code)) {
        return {
            kind: "client-certificate",
            reason: "the server requires a client certificate (TLS alert certificate required)",
        };
    }
    if (/ALERT_(UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_UNKNOWN|UNSUPPORTED_CERTIFICATE|CERTIFICATE_EXPIRED|CERTIFICATE_REVOKED|ACCESS_DENIED)$/.test(code)) {
        const alert = /ALERT_(\w+)$/.exec(code)?.[1]?.toLowerCase().replace(/_/g, " ");
        return {
            kind: "client-certificate",
            reason: `the server refused the client certificate (TLS alert ${alert})`,
        };
    }
    if (code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_")) {
        const message = String(e.message ?? "").split("\n")[0] || code;
        return { kind: "handshake", reason: `${message} (${code})` };
    }
    return undefined;
}
/**
 * Deno (rustls): "…: invalid peer certificate: UnknownIssuer", "…: invalid peer certificate:
 * certificate not valid for name "x"; certificate is only valid for DnsName("localhost"), …",
 * "…: received fatal alert: HandshakeFailure". Older rustls prints Debug forms
 * (`NotValidForNameContext { … }`, `Expired`): both are read.
 */
function rustlsFailure(message) {
    const certificate = /invalid peer certificate: (.*)$/s.exec(message)?.[1];
    if (certificate !== undefined) {
        if (/^UnknownIssuer/.test(certificate)) {
            return { kind: "unknown-ca", reason: "certificate issued by an unknown CA" };
        }
        if (/^NotValidForName|not valid for name/.test(certificate)) {
            const names = [...certificate.matchAll(/(DnsName|IpAddress)\(\\?"?([^")\\]+)/g)]
                .map(([, type, name]) => `${type === "DnsName" ? "DNS:" : "IP Address:"}${name}`)
                .join(", ");
            return { kind: "name-mismatch", reason: "the certificate does not name this host", names };
        }
        if (/^Expired|certificate expired/i.test(certificate)) {
            return { kind: "validity", reason: "certificate has expired" };
        }
        if (/^NotValidYet|not valid yet/i.test(certificate)) {
            return { kind: "validity", reason: "certificate is not yet valid" };
        }
        if (/^BadSignature/.test(certificate)) {
            return { kind: "unknown-ca", reason: "certificate signature does not verify" };
        }
        if (/^Revoked/.test(certificate))
            return { kind: "unknown-ca", reason: "certificate revoked" };
        if (/^InvalidPurpose|extended key usage/.test(certificate)) {
            return { kind: "unknown-ca", reason: "certificate not valid for a TLS server" };
        }
        return { kind: "unknown-ca", reason: `certificate not accepted (${certificate.slice(0, 200)})` };
    }
    const alert = /received fatal alert: (\w+)/i.exec(message)?.[1];
    if (alert === "CertificateRequired") {
        return {
            kind: "client-certificate",
            reason: "the server requires a client certificate (TLS alert certificate required)",
        };
    }
    if (alert &&
        /^(UnknownCA|BadCertificate|CertificateUnknown|UnsupportedCertificate|CertificateExpired|CertificateRevoked|AccessDenied)$/.test(alert)) {
        return {
            kind: "client-certificate",
            reason: `the server refused the client certificate (TLS alert ${alert})`,
        };
    }
    const handshake = /(received corrupt message[^,;)]*|received fatal alert: \w+|peer is incompatible[^,;)]*|peer misbehaved[^,;)]*|tls handshake eof)/i.exec(message);
    if (handshake)
        return { kind: "handshake", reason: handshake[1] ?? "handshake failed" };
    return undefined;
}
/** The chain `error`, `error.cause`, … (undici and Deno both wrap the real error). */
export function causeChain(error) {
    const chain = [];
    for (let e = error; e !== undefined && e !== null && chain.length < 8; e = e.cause) {
        chain.push(e);
        if (typeof e !== "object")
            break;
    }
    return chain;
}
//# sourceMappingURL=tls.js.map