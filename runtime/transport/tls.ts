/**
 * TLS options: validation, and the one clear error every platform adapter throws
 * when verification fails. Web globals only; which failure it was is read from the
 * thrown error in `../network-errors.ts`.
 */

import { PurekitError } from "../errors.ts";
import { type TlsFailure, tlsFailureOf } from "../network-errors.ts";

// What a thrown error means is read in network-errors.ts; the adapters import it from here.
export { causeChain, type TlsFailure, tlsFailureOf } from "../network-errors.ts";

/** How a client verifies the array's certificate. */
export interface TlsOptions {
  /**
   * The CA certificate(s) that issued the array's certificate, as PEM text (not a
   * file name). A self-signed array certificate is its own CA: give the certificate.
   * On Node it replaces the default root CAs for this client; on Deno it adds to them.
   */
  ca?: string | string[] | undefined;
  /** Skip certificate verification entirely. For lab arrays only; the client warns once. */
  insecure?: boolean | undefined;
  /**
   * A client certificate (PEM text; a chain may follow it) for arrays or gateways that
   * demand one (mutual TLS). Goes with `key`.
   */
  cert?: string | undefined;
  /** The client certificate's private key (PEM text: PKCS#8, PKCS#1 or SEC1; encrypted with `passphrase`). */
  key?: string | undefined;
  /** Decrypts `key` or `pfx`. A secret: never printed. */
  passphrase?: string | undefined;
  /** Certificate and key as one PKCS#12 file's bytes (`.p12`/`.pfx`), instead of `cert` + `key`. Node only. */
  pfx?: Uint8Array | undefined;
}

/** A client certificate as the adapters get it. */
export type ClientCertificate =
  | { cert: string; key: string; passphrase?: string | undefined; pfx?: undefined }
  | { pfx: Uint8Array; passphrase?: string | undefined; cert?: undefined; key?: undefined };

/** A transport's fetch; `close` releases its connections (an undici Agent, a Deno HttpClient). */
export type TransportFetch = typeof fetch & { close?: () => Promise<void> };

/** Validated options as the platform adapters get them: one PEM block per CA. */
export interface ResolvedTls {
  ca: string[];
  insecure: boolean;
  client?: ClientCertificate | undefined;
}

const DEFAULT_HINT = "Give the array's CA with tls.ca (PEM), or tls.insecure for a lab array.";

export const INSECURE_WARNING =
  "TLS certificate verification is OFF (tls.insecure): anyone on the network path can impersonate " +
  "the array and read its credentials. Use it for lab arrays only; give the array's CA with tls.ca instead.";

/** Checks the options and splits CA bundles into single PEM certificates. */
export function resolveTls(tls: TlsOptions): ResolvedTls {
  if (tls.insecure !== undefined && typeof tls.insecure !== "boolean") {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `tls.insecure must be true or false, got ${typeof tls.insecure} (parse environment variables first)`,
    );
  }
  const given = tls.ca === undefined ? [] : Array.isArray(tls.ca) ? tls.ca : [tls.ca];
  const ca = given.flatMap((entry, i) =>
    pemCertificates(entry, Array.isArray(tls.ca) ? `tls.ca[${i}]` : "tls.ca"),
  );
  return { ca, insecure: tls.insecure === true, client: clientCertificate(tls) };
}

/** Validates `cert`/`key`/`passphrase`/`pfx`; messages never echo the input. */
function clientCertificate(tls: TlsOptions): ClientCertificate | undefined {
  const { cert, key, passphrase, pfx } = tls;
  if (passphrase !== undefined && typeof passphrase !== "string") {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `tls.passphrase must be a string, got ${typeof passphrase}`,
    );
  }
  if (pfx !== undefined) {
    if (cert !== undefined || key !== undefined) {
      throw new PurekitError(
        "ERR_INVALID_ARGUMENT",
        "give either tls.pfx or tls.cert with tls.key, not both",
      );
    }
    if (!(pfx instanceof Uint8Array) || pfx.byteLength === 0) {
      throw new PurekitError(
        "ERR_TLS",
        `tls.pfx must be the PKCS#12 file's bytes (a non-empty Uint8Array or Buffer), got ${typeof pfx === "string" ? "a string" : typeof pfx}: ` +
          "read the file without an encoding, e.g. readFileSync(path)",
      );
    }
    if (pfx[0] !== 0x30) throw new PurekitError("ERR_TLS", "tls.pfx is not a PKCS#12 file (it is not DER)");
    return { pfx, passphrase };
  }
  if (cert === undefined && key === undefined) {
    if (passphrase !== undefined) {
      throw new PurekitError("ERR_INVALID_ARGUMENT", "tls.passphrase is given without tls.key or tls.pfx");
    }
    return undefined;
  }
  if (cert === undefined) {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      "tls.key is given without tls.cert: give the client certificate too",
    );
  }
  if (key === undefined) {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      "tls.cert is given without tls.key: give its private key too",
    );
  }
  const chain = pemCertificates(cert, "tls.cert", "the client certificate");
  return { cert: chain.join(""), key: pemPrivateKey(key), passphrase };
}

/** The key's PEM text, checked to be one private key block. */
function pemPrivateKey(entry: unknown): string {
  const fail = (what: string) => new PurekitError("ERR_TLS", `tls.key ${what}`);
  if (typeof entry !== "string") {
    throw fail(
      `must be PEM text (a string), got ${entry === null ? "null" : typeof entry}: read the file first, e.g. readFileSync(path, "utf8")`,
    );
  }
  const blocks = [...entry.trim().matchAll(PEM_BLOCK)];
  const key = blocks.find((b) => (b[1] ?? "").endsWith("PRIVATE KEY"));
  if (!key) {
    if (blocks.some((b) => b[1] === "CERTIFICATE")) {
      throw fail(
        "holds a certificate, not a private key: give the key that goes with tls.cert (-----BEGIN PRIVATE KEY-----)",
      );
    }
    throw fail(
      `is not a PEM private key: expected text starting with -----BEGIN PRIVATE KEY----- (or RSA/EC/ENCRYPTED PRIVATE KEY; ${entry.trim().length} characters given)`,
    );
  }
  return `${key[0]}\n`;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** The certificates in one `ca` entry; a clear ERR_TLS that never echoes the input otherwise. */
function pemCertificates(entry: unknown, where: string, what = "the CA certificate"): string[] {
  const fail = (what: string) => new PurekitError("ERR_TLS", `${where} ${what}`);
  if (typeof entry !== "string") {
    throw fail(
      `must be PEM text (a string), got ${entry === null ? "null" : typeof entry}: ` +
        `read the file first, e.g. readFileSync(path, "utf8")`,
    );
  }
  const text = entry.trim();
  if (text === "") throw fail(`is empty: give ${what} as PEM text`);
  const blocks = [...text.matchAll(PEM_BLOCK)];
  if (blocks.length === 0) {
    if (text.includes("-----BEGIN ")) {
      throw fail("holds a PEM header without its matching -----END----- line: the PEM is truncated");
    }
    if (!/\s/.test(text) && text.length < 1024 && /[\\/.]/.test(text)) {
      throw fail(
        "looks like a file name, not PEM text: read the file first, " +
          `e.g. readFileSync(path, "utf8") (${text.length} characters given)`,
      );
    }
    throw fail(
      `is not a PEM certificate: expected text starting with -----BEGIN CERTIFICATE----- ` +
        `(${text.length} characters given)`,
    );
  }
  const certificates: string[] = [];
  for (const [n, block] of blocks.entries()) {
    const label = block[1] ?? "";
    const which = blocks.length > 1 ? ` (PEM block ${n + 1} of ${blocks.length})` : "";
    if (label.includes("PRIVATE KEY")) {
      throw fail(
        `holds a private key${which}, not a certificate: give ${what} ` +
          `(-----BEGIN CERTIFICATE-----)${where.startsWith("tls.ca") ? "; a private key never belongs here" : " here and its key in tls.key"}`,
      );
    }
    if (label !== "CERTIFICATE") {
      throw fail(`holds -----BEGIN ${label}-----${which}; expected -----BEGIN CERTIFICATE-----`);
    }
    const base64 = (block[2] ?? "").replace(/\s+/g, "");
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || !startsWithDerSequence(base64)) {
      throw fail(`holds a certificate${which} whose base64 body is damaged`);
    }
    certificates.push(
      `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)!.join("\n")}\n-----END CERTIFICATE-----\n`,
    );
  }
  return certificates;
}

function startsWithDerSequence(base64: string): boolean {
  try {
    return atob(base64.slice(0, 4)).charCodeAt(0) === 0x30;
  } catch {
    return false;
  }
}

/** The single ERR_TLS a failed verification becomes, with the original error as `cause`. */
export function tlsError(url: string, failure: TlsFailure, tls: ResolvedTls, cause: unknown): PurekitError {
  const origin = originOf(url);
  let hint: string;
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

function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return url;
  }
}

/** The URL a fetch call goes to, for error messages. */
export function urlOf(input: string | URL | Request): string {
  if (typeof input === "string") return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

/** `fetchFn` with its TLS failures turned into the one ERR_TLS; other errors pass unchanged. */
export function withTlsErrors(fetchFn: typeof fetch, tls: ResolvedTls): typeof fetch {
  return async (input, init) => {
    try {
      return await fetchFn(input, init);
    } catch (error) {
      const failure = tlsFailureOf(error);
      throw failure ? tlsError(urlOf(input), failure, tls, error) : error;
    }
  };
}
