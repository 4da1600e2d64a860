/**
 * Test certificates made with Web Crypto alone (no openssl, no `node:crypto`),
 * so the standalone mock HTTPS server can make its own at start on Node and Deno:
 * a small CA, and a server certificate it signed for `localhost`, `127.0.0.1`
 * and `::1` plus any names asked for. Both are ECDSA P-256 / SHA-256 X.509 v3,
 * accepted by OpenSSL (Node, curl) and rustls (Deno).
 */

import { PurekitError } from "../../runtime/errors.ts";
// The runtime's DER writer and PEM armour (the key code's), not a second one.
import {
  derBitString,
  derBoolean,
  derExplicit,
  derImplicit,
  derInt,
  derOctets,
  derOid,
  derSeq,
  derSet,
  derTime,
  derUtf8,
} from "../../runtime/keys/asn1.ts";
import { toPem } from "../../runtime/keys/pem.ts";

export interface SelfSignedCertificateOptions {
  /** DNS names the server certificate is valid for, besides `localhost`. */
  hostnames?: string[] | undefined;
  /** IP addresses (v4 or v6) it is valid for, besides `127.0.0.1` and `::1`. */
  ips?: string[] | undefined;
  /** Days until both certificates expire; default 30. */
  days?: number | undefined;
}

export interface SelfSignedCertificate {
  /** The server's certificate (PEM), signed by the CA. */
  certPem: string;
  /** The server's private key (PEM, unencrypted PKCS#8). */
  keyPem: string;
  /** The CA certificate (PEM) that clients trust, e.g. as `tls.ca` or `curl --cacert`. */
  caPem: string;
}

const OID = {
  ecPublicKey: "1.2.840.10045.2.1",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  commonName: "2.5.4.3",
  organization: "2.5.4.10",
  subjectKeyIdentifier: "2.5.29.14",
  keyUsage: "2.5.29.15",
  subjectAltName: "2.5.29.17",
  basicConstraints: "2.5.29.19",
  authorityKeyIdentifier: "2.5.29.35",
  extKeyUsage: "2.5.29.37",
  serverAuth: "1.3.6.1.5.5.7.3.1",
} as const;

const ALGORITHM = { name: "ECDSA", namedCurve: "P-256" } as const;
const SIGNATURE = { name: "ECDSA", hash: "SHA-256" } as const;
const DAY_MS = 86_400_000;

/**
 * Makes a CA and a server certificate signed by it.
 *
 * @example
 * ```ts
 * const { certPem, keyPem, caPem } = await createSelfSignedCertificate({ hostnames: ["array.lab"] });
 * https.createServer({ cert: certPem, key: keyPem }, handler);   // the server side (Deno.serve alike)
 * const fetch = await createTransportFetch({ tls: { ca: caPem } }); // the client side
 * ```
 */
export async function createSelfSignedCertificate(
  options: SelfSignedCertificateOptions = {},
): Promise<SelfSignedCertificate> {
  const days = options.days ?? 30;
  if (!Number.isFinite(days) || days <= 0) {
    throw new PurekitError("ERR_INVALID_ARGUMENT", `days must be a positive number of days, got ${days}`);
  }
  const hostnames = unique(["localhost", ...(options.hostnames ?? [])]);
  for (const name of hostnames) {
    if (!/^(\*\.)?[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.?$/.test(name)) {
      throw new PurekitError(
        "ERR_INVALID_ARGUMENT",
        `hostname ${JSON.stringify(name)} is not a DNS name (ASCII labels separated by dots; punycode for IDNs)`,
      );
    }
  }
  const ips = unique(["127.0.0.1", "::1", ...(options.ips ?? [])]).map((ip) => ({ ip, bytes: parseIp(ip) }));

  const notBefore = new Date(Date.now() - 60 * 60 * 1000); // an hour back, for clock skew
  const notAfter = new Date(Date.now() + days * DAY_MS);

  const caKeys = await crypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"]);
  const serverKeys = await crypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"]);
  const caSpki = new Uint8Array(await crypto.subtle.exportKey("spki", caKeys.publicKey));
  const serverSpki = new Uint8Array(await crypto.subtle.exportKey("spki", serverKeys.publicKey));
  const caKeyId = await keyIdentifier(caSpki);
  const serverKeyId = await keyIdentifier(serverSpki);

  const caName = name(`purekit mock CA ${hex(caKeyId.subarray(0, 4))}`);
  const caDer = await signCertificate(caKeys.privateKey, {
    issuer: caName,
    subject: caName,
    notBefore,
    notAfter,
    spki: caSpki,
    extensions: [
      extension(OID.basicConstraints, true, derSeq(derBoolean(true), derInt(0))),
      // digitalSignature (bit 0), keyCertSign (5), cRLSign (6): 1000 0110, one unused bit
      extension(OID.keyUsage, true, derBitString(Uint8Array.of(0x86), 1)),
      extension(OID.subjectKeyIdentifier, false, derOctets(caKeyId)),
    ],
  });

  const serverDer = await signCertificate(caKeys.privateKey, {
    issuer: caName,
    subject: name(hostnames[0]!),
    notBefore,
    notAfter,
    spki: serverSpki,
    extensions: [
      extension(OID.basicConstraints, true, derSeq()),
      // digitalSignature (bit 0) only: 1000 0000, seven unused bits
      extension(OID.keyUsage, true, derBitString(Uint8Array.of(0x80), 7)),
      extension(OID.extKeyUsage, false, derSeq(derOid(OID.serverAuth))),
      extension(
        OID.subjectAltName,
        false,
        derSeq(
          ...hostnames.map((host) => derImplicit(2, new TextEncoder().encode(host))), // dNSName
          ...ips.map(({ bytes }) => derImplicit(7, bytes)), // iPAddress
        ),
      ),
      extension(OID.subjectKeyIdentifier, false, derOctets(serverKeyId)),
      extension(OID.authorityKeyIdentifier, false, derSeq(derImplicit(0, caKeyId))),
    ],
  });

  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey("pkcs8", serverKeys.privateKey));
  return {
    certPem: toPem("CERTIFICATE", serverDer),
    keyPem: toPem("PRIVATE KEY", pkcs8),
    caPem: toPem("CERTIFICATE", caDer),
  };
}

interface CertificateFields {
  issuer: Uint8Array;
  subject: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  spki: Uint8Array;
  extensions: Uint8Array[];
}

/** RFC 5280 §4.1: TBSCertificate, then its ECDSA signature. */
async function signCertificate(signer: CryptoKey, fields: CertificateFields): Promise<Uint8Array> {
  const algorithm = derSeq(derOid(OID.ecdsaWithSha256));
  const serial = crypto.getRandomValues(new Uint8Array(16));
  serial[0] = (serial[0]! & 0x7f) | 0x40; // positive, 16 significant bytes
  const tbs = derSeq(
    derExplicit(0, derInt(2)), // v3
    derInt(serial),
    algorithm,
    fields.issuer,
    derSeq(derTime(fields.notBefore), derTime(fields.notAfter)),
    fields.subject,
    fields.spki,
    derExplicit(3, derSeq(...fields.extensions)),
  );
  const raw = new Uint8Array(await crypto.subtle.sign(SIGNATURE, signer, tbs));
  return derSeq(tbs, algorithm, derBitString(ecdsaSignatureToDer(raw)));
}

/** Web Crypto gives ECDSA signatures as r‖s; X.509 wants SEQUENCE { r INTEGER, s INTEGER }. */
function ecdsaSignatureToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  return derSeq(derInt(raw.subarray(0, half)), derInt(raw.subarray(half)));
}

function extension(oid: string, critical: boolean, value: Uint8Array): Uint8Array {
  return critical
    ? derSeq(derOid(oid), derBoolean(true), derOctets(value))
    : derSeq(derOid(oid), derOctets(value));
}

function name(commonName: string): Uint8Array {
  return derSeq(
    derSet(derSeq(derOid(OID.organization), derUtf8("purekit"))),
    derSet(derSeq(derOid(OID.commonName), derUtf8(commonName))),
  );
}

/** RFC 5280 §4.2.1.2 method (1)-like: a SHA-1 over the key, here over the whole SPKI. */
async function keyIdentifier(spki: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-1", spki));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** An IPv4 or IPv6 address as the 4 or 16 bytes an iPAddress SAN holds. */
export function parseIp(text: string): Uint8Array {
  const invalid = () =>
    new PurekitError("ERR_INVALID_ARGUMENT", `${JSON.stringify(text)} is not an IPv4 or IPv6 address`);
  const v4 = (s: string): number[] | undefined => {
    const parts = s.split(".");
    if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) {
      return undefined;
    }
    return parts.map(Number);
  };
  if (!text.includes(":")) {
    const bytes = v4(text);
    if (!bytes) throw invalid();
    return Uint8Array.from(bytes);
  }
  const address = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  const halves = address.split("::");
  if (halves.length > 2) throw invalid();
  const groups = (s: string): number[] => {
    if (s === "") return [];
    const out: number[] = [];
    const pieces = s.split(":");
    for (const [i, piece] of pieces.entries()) {
      if (i === pieces.length - 1 && piece.includes(".")) {
        const tail = v4(piece);
        if (!tail) throw invalid();
        out.push((tail[0]! << 8) | tail[1]!, (tail[2]! << 8) | tail[3]!);
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(piece)) {
        out.push(Number.parseInt(piece, 16));
      } else {
        throw invalid();
      }
    }
    return out;
  };
  const head = groups(halves[0] ?? "");
  const tail = halves.length === 2 ? groups(halves[1] ?? "") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) throw invalid();
  const all = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return Uint8Array.from(all.flatMap((g) => [g >> 8, g & 0xff]));
}
