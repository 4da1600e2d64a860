/**
 * Client certificates for mutual-TLS tests, made at test time with the openssl CLI
 * (as test/runtime/keys/keys.test.ts does): a client CA, a client certificate it signed (RSA,
 * extendedKeyUsage clientAuth), the key plain and passphrase-encrypted, and a PKCS#12
 * bundle. Written to a temporary folder (for the Deno side) and returned as text/bytes.
 */

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ClientCertificates {
  dir: string;
  /** The CA a server trusts for client certificates (PEM). */
  caPem: string;
  /** The client certificate (PEM) and its key, plain and encrypted with `passphrase`. */
  certPem: string;
  keyPem: string;
  encryptedKeyPem: string;
  passphrase: string;
  /** Certificate and key as PKCS#12, protected by `pfxPassword`. */
  pfx: Uint8Array;
  pfxPassword: string;
  /** Another CA's client certificate and key: valid, but not trusted by the server. */
  strangerCertPem: string;
  strangerKeyPem: string;
  remove(): void;
}

/** Makes the set (about a second: three RSA keys). */
export function createClientCertificates(): ClientCertificates {
  const dir = mkdtempSync(join(tmpdir(), "purekit-mtls-"));
  const openssl = (...args: string[]) =>
    execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  writeFileSync(
    join(dir, "client.ext"),
    "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n",
  );
  const ca = (name: string) =>
    openssl(
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      `${name}-ca.key`,
      "-out",
      `${name}-ca.pem`,
      "-days",
      "2",
      "-subj",
      `/CN=purekit test ${name} CA`,
      "-addext",
      "basicConstraints=critical,CA:TRUE",
      "-addext",
      "keyUsage=critical,keyCertSign,cRLSign",
    );
  const leaf = (name: string) => {
    openssl(
      "req",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      `${name}.key`,
      "-out",
      `${name}.csr`,
      "-subj",
      `/CN=${name}`,
    );
    openssl(
      "x509",
      "-req",
      "-in",
      `${name}.csr`,
      "-CA",
      `${name}-ca.pem`,
      "-CAkey",
      `${name}-ca.key`,
      "-CAcreateserial",
      "-out",
      `${name}.pem`,
      "-days",
      "2",
      "-extfile",
      "client.ext",
    );
  };
  ca("client");
  leaf("client");
  ca("stranger");
  leaf("stranger");
  const passphrase = "client-key-pass!";
  const pfxPassword = "pfx-pass-1234";
  openssl(
    "pkey",
    "-in",
    "client.key",
    "-aes256",
    "-passout",
    `pass:${passphrase}`,
    "-out",
    "client-encrypted.key",
  );
  openssl(
    "pkcs12",
    "-export",
    "-in",
    "client.pem",
    "-inkey",
    "client.key",
    "-out",
    "client.p12",
    "-passout",
    `pass:${pfxPassword}`,
  );
  const text = (f: string) => readFileSync(join(dir, f), "utf8");
  return {
    dir,
    caPem: text("client-ca.pem"),
    certPem: text("client.pem"),
    keyPem: text("client.key"),
    encryptedKeyPem: text("client-encrypted.key"),
    passphrase,
    pfx: new Uint8Array(readFileSync(join(dir, "client.p12"))),
    pfxPassword,
    strangerCertPem: text("stranger.pem"),
    strangerKeyPem: text("stranger.key"),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
