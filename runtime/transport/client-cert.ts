/**
 * Checks a client certificate before the first connection (Node and Deno, through
 * `node:crypto`, so only adapters import this): a wrong passphrase or a key that is
 * not the certificate's would otherwise surface as an obscure handshake failure at
 * the first call, or not at all until the server refuses.
 */

import { createPrivateKey, X509Certificate } from "node:crypto";
import { PurekitError } from "../errors.ts";
import type { ClientCertificate } from "./tls.ts";

const ENCRYPTED = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/;

/**
 * The key as unencrypted PKCS#8 PEM (what Deno's HttpClient takes) after checking it
 * opens with the passphrase and belongs to the certificate. PKCS#12 is left to the TLS
 * stack (`checkPfx`).
 */
export function checkClientCertificate(client: ClientCertificate & { cert: string }): string {
  const encrypted = ENCRYPTED.test(client.key);
  if (encrypted && client.passphrase === undefined) {
    throw new PurekitError(
      "ERR_KEY_PASSWORD_REQUIRED",
      "tls.key is encrypted: give its passphrase in tls.passphrase, or an unencrypted key.",
    );
  }
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = createPrivateKey({
      key: client.key,
      format: "pem",
      ...(encrypted && client.passphrase !== undefined ? { passphrase: client.passphrase } : {}),
    });
  } catch (error) {
    if (encrypted) {
      throw new PurekitError(
        "ERR_KEY_WRONG_PASSWORD",
        "tls.passphrase does not decrypt tls.key: check the passphrase.",
        { cause: error },
      );
    }
    throw new PurekitError(
      "ERR_TLS",
      "tls.key could not be read as a private key (damaged PEM, or an unsupported key type): give the certificate's key as PEM.",
      { cause: error },
    );
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(client.cert);
  } catch (error) {
    throw new PurekitError(
      "ERR_TLS",
      "tls.cert could not be read as an X.509 certificate: give the client certificate as PEM.",
      { cause: error },
    );
  }
  if (!certificate.checkPrivateKey(key)) {
    throw new PurekitError(
      "ERR_TLS",
      "tls.key is not the private key of the certificate in tls.cert (their public keys differ): " +
        "give the key the certificate was issued for (the first certificate of tls.cert is the client's).",
    );
  }
  return key.export({ format: "pem", type: "pkcs8" }).toString();
}
