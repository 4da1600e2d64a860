/**
 * What a thrown fetch error means. Transports wrap the real failure (undici as `cause`,
 * sometimes two deep; Deno in the message), so everything that reads one reads it here:
 *
 * - {@link networkErrorKind}: a refused connection or another network failure, for the
 *   retry policy (`retry.ts`);
 * - {@link describeNetworkError}: its system code and what it means in words, for messages
 *   (the CLI's "Cannot reach …");
 * - {@link tlsFailureOf}: a certificate or handshake failure, and which, for the one ERR_TLS
 *   (`transport/tls.ts`).
 *
 * Web globals only: errors are read by shape (`code`, `message`, `cause`), never by class.
 */

/** The chain `error`, `error.cause`, … (undici and Deno both wrap the real error). */
export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (
    let e = error;
    e !== undefined && e !== null && chain.length < 8;
    e = (e as { cause?: unknown }).cause
  ) {
    chain.push(e);
    if (typeof e !== "object") break;
  }
  return chain;
}

/** A field of an error in the chain, if it is a non-empty string. */
function field(e: unknown, name: "code" | "message"): string | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const value = (e as Record<string, unknown>)[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Deno on Windows says "…target machine actively refused it. (os error 10061)". */
const REFUSED = /ECONNREFUSED|connection refused|actively refused/i;
const NETWORK = /ECONNRESET|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|socket|network|other side closed/i;

/**
 * Whether a thrown fetch error is a network failure worth retrying, and which: a refused
 * connection (the request never left, so even a POST may be replayed) or another network
 * failure; `null` for an abort or timeout (the caller's or the attempt's own decision) and
 * for anything that is not a network failure. Every code and message in the cause chain counts.
 *
 * @example
 * ```ts
 * networkErrorKind(new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } })); // "connection-refused"
 * ```
 */
export function networkErrorKind(error: unknown): "connection-refused" | "network" | null {
  const name = (error as { name?: unknown } | null | undefined)?.name;
  if (name === "AbortError" || name === "TimeoutError") return null;
  const text = causeChain(error)
    .flatMap((e) => [field(e, "code") ?? "", field(e, "message") ?? ""])
    .join(" ");
  if (REFUSED.test(text)) return "connection-refused";
  if (error instanceof TypeError || NETWORK.test(text)) return "network";
  return null;
}

/** System and undici codes, in words a user acts on. */
const NETWORK_CODES: Record<string, string> = {
  ENOTFOUND: "unknown host (DNS lookup failed)",
  EAI_AGAIN: "DNS lookup failed (temporary)",
  ECONNREFUSED: "connection refused (nothing listens on that port)",
  ECONNRESET: "connection reset",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
  UND_ERR_SOCKET: "the connection closed unexpectedly",
};
/** What Deno (and fetch itself) say in messages instead of codes. */
const NETWORK_MESSAGES: [RegExp, string][] = [
  [
    /^bad port$/,
    "that port is blocked for fetch (it belongs to another protocol, e.g. 21, 25, 110); use the array's HTTPS port",
  ],
  [/connection refused/i, "connection refused (nothing listens on that port)"],
  [/dns error|failed to lookup address|name or service not known/i, "unknown host (DNS lookup failed)"],
];

/** A network failure as a message shows it. */
export interface NetworkErrorDescription {
  /** The innermost system or undici code (`ECONNREFUSED`, `UND_ERR_SOCKET`), if any. */
  code?: string;
  /** The first line of the innermost message: raw text, to be redacted before it is shown. */
  message: string;
  /** What it means, when the code or message is a known one. */
  words?: string;
}

/**
 * The innermost code and message of a fetch failure, and what they mean when known.
 *
 * @example
 * ```ts
 * const { code, message, words } = describeNetworkError(error);
 * console.error(`Cannot reach ${origin}: ${words ?? secrets.redact(message)}${code ? ` [${code}]` : ""}`);
 * ```
 */
export function describeNetworkError(error: unknown): NetworkErrorDescription {
  let code: string | undefined;
  let message = String((error as { message?: unknown } | null | undefined)?.message ?? error);
  for (const e of causeChain(error)) {
    code = field(e, "code") ?? code;
    message = field(e, "message") ?? message;
  }
  const first = message.split("\n")[0] ?? "";
  const words =
    (code === undefined ? undefined : NETWORK_CODES[code]) ??
    NETWORK_MESSAGES.find(([pattern]) => pattern.test(first))?.[1];
  return {
    ...(code === undefined ? {} : { code }),
    message: first,
    ...(words === undefined ? {} : { words }),
  };
}

/** What went wrong, in words a user acts on. */
export type TlsFailure =
  | { kind: "unknown-ca"; reason: string }
  | { kind: "name-mismatch"; reason: string; names?: string | undefined }
  | { kind: "validity"; reason: string }
  | { kind: "handshake"; reason: string }
  /** The server ended the handshake over our client certificate: none given, or not one it trusts. */
  | { kind: "client-certificate"; reason: string };

/** OpenSSL verification codes as Node reports them (undici puts them on `cause.code`), in words. */
const NODE_UNKNOWN_CA: Record<string, string> = {
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
const NODE_VALIDITY: Record<string, string> = {
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
export function tlsFailureOf(error: unknown): TlsFailure | undefined {
  for (const e of causeChain(error)) {
    if (typeof e !== "object" || e === null) continue;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") {
      const failure = nodeFailure(code, e);
      if (failure) return failure;
    }
    const message = (e as { message?: unknown }).message;
    if (typeof message === "string") {
      const failure = rustlsFailure(message);
      if (failure) return failure;
    }
  }
  return undefined;
}

function nodeFailure(code: string, e: object): TlsFailure | undefined {
  const unknownCa = NODE_UNKNOWN_CA[code];
  if (unknownCa) return { kind: "unknown-ca", reason: unknownCa };
  const validity = NODE_VALIDITY[code];
  if (validity) return { kind: "validity", reason: validity };
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID" || code === "HOSTNAME_MISMATCH") {
    // reason: "Host: x. is not in the cert's altnames: DNS:localhost, …" or "IP: x is not in the cert's list: …"
    const reason = String((e as { reason?: unknown }).reason ?? "");
    const names = /(?:altnames|list): (.*)$/.exec(reason)?.[1];
    return { kind: "name-mismatch", reason: "the certificate does not name this host", names };
  }
  if (/ALERT_CERTIFICATE_REQUIRED$/.test(code)) {
    return {
      kind: "client-certificate",
      reason: "the server requires a client certificate (TLS alert certificate required)",
    };
  }
  if (
    /ALERT_(UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_UNKNOWN|UNSUPPORTED_CERTIFICATE|CERTIFICATE_EXPIRED|CERTIFICATE_REVOKED|ACCESS_DENIED)$/.test(
      code,
    )
  ) {
    const alert = /ALERT_(\w+)$/.exec(code)?.[1]?.toLowerCase().replace(/_/g, " ");
    return {
      kind: "client-certificate",
      reason: `the server refused the client certificate (TLS alert ${alert})`,
    };
  }
  if (code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_")) {
    const message = String((e as { message?: unknown }).message ?? "").split("\n")[0] || code;
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
function rustlsFailure(message: string): TlsFailure | undefined {
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
    if (/^Revoked/.test(certificate)) return { kind: "unknown-ca", reason: "certificate revoked" };
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
  if (
    alert &&
    /^(UnknownCA|BadCertificate|CertificateUnknown|UnsupportedCertificate|CertificateExpired|CertificateRevoked|AccessDenied)$/.test(
      alert,
    )
  ) {
    return {
      kind: "client-certificate",
      reason: `the server refused the client certificate (TLS alert ${alert})`,
    };
  }
  const handshake =
    /(received corrupt message[^,;)]*|received fatal alert: \w+|peer is incompatible[^,;)]*|peer misbehaved[^,;)]*|tls handshake eof)/i.exec(
      message,
    );
  if (handshake) return { kind: "handshake", reason: handshake[1] ?? "handshake failed" };
  return undefined;
}
