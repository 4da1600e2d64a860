/**
 * Test certificates made with Web Crypto alone (no openssl, no `node:crypto`),
 * so the standalone mock HTTPS server can make its own at start on Node and Deno:
 * a small CA, and a server certificate it signed for `localhost`, `127.0.0.1`
 * and `::1` plus any names asked for. Both are ECDSA P-256 / SHA-256 X.509 v3,
 * accepted by OpenSSL (Node, curl) and rustls (Deno).
 */
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
export declare function createSelfSignedCertificate(options?: SelfSignedCertificateOptions): Promise<SelfSignedCertificate>;
/** An IPv4 or IPv6 address as the 4 or 16 bytes an iPAddress SAN holds. */
export declare function parseIp(text: string): Uint8Array;
//# sourceMappingURL=certificate.d.ts.map