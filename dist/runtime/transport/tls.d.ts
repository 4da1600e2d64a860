/**
 * TLS options: validation, and the one clear error every platform adapter throws
 * when verification fails. Web globals only; the adapters (`node.ts`, `deno.ts`)
 * tell which failure it was.
 */
import { PurekitError } from "../errors.js";
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
export type ClientCertificate = {
    cert: string;
    key: string;
    passphrase?: string | undefined;
    pfx?: undefined;
} | {
    pfx: Uint8Array;
    passphrase?: string | undefined;
    cert?: undefined;
    key?: undefined;
};
/** A transport's fetch; `close` releases its connections (an undici Agent, a Deno HttpClient). */
export type TransportFetch = typeof fetch & {
    close?: () => Promise<void>;
};
/** Validated options as the platform adapters get them: one PEM block per CA. */
export interface ResolvedTls {
    ca: string[];
    insecure: boolean;
    client?: ClientCertificate | undefined;
}
export declare const INSECURE_WARNING: string;
/** Checks the options and splits CA bundles into single PEM certificates. */
export declare function resolveTls(tls: TlsOptions): ResolvedTls;
/** What went wrong, in words a user acts on. */
export type TlsFailure = {
    kind: "unknown-ca";
    reason: string;
} | {
    kind: "name-mismatch";
    reason: string;
    names?: string | undefined;
} | {
    kind: "validity";
    reason: string;
} | {
    kind: "handshake";
    reason: string;
}
/** The server ended the handshake over our client certificate: none given, or not one it trusts. */
 | {
    kind: "client-certificate";
    reason: string;
};
/** The single ERR_TLS a failed verification becomes, with the original error as `cause`. */
export declare function tlsError(url: string, failure: TlsFailure, tls: ResolvedTls, cause: unknown): PurekitError;
/** The URL a fetch call goes to, for error messages. */
export declare function urlOf(input: string | URL | Request): string;
/** `fetchFn` with its TLS failures turned into the one ERR_TLS; other errors pass unchanged. */
export declare function withTlsErrors(fetchFn: typeof fetch, tls: ResolvedTls): typeof fetch;
/**
 * Whether a fetch failure is a TLS failure, and which. Reads what Node (OpenSSL
 * codes on the error or its causes) and Deno (rustls messages) report; anything
 * else is not TLS and stays as it is, for the retry layer to classify.
 */
export declare function tlsFailureOf(error: unknown): TlsFailure | undefined;
/** The chain `error`, `error.cause`, … (undici and Deno both wrap the real error). */
export declare function causeChain(error: unknown): unknown[];
//# sourceMappingURL=tls.d.ts.map