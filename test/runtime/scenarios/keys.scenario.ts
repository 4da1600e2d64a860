/**
 * runtime/keys unchanged on both runtimes: the key containers whose decryption purekit
 * does itself (PKCS#1, encrypted PKCS#8, legacy 3DES PEM, legacy PKCS#12) made by OpenSSL
 * at test time, imported, used to sign, and checked against the public key purekit
 * derives. The full format matrix is test/runtime/keys/keys.test.ts (Node).
 */

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { importPrivateKey, publicKeyPemFromPrivate } from "../../../runtime/keys/index.ts";
import { describe, it } from "../../helpers/scenario.ts";
import { inTempDir, openssl, selfSignedCertificate } from "./openssl.ts";

const PASSWORD = "Tr0ub4dor&3 purekit-scenario";
const DATA = new TextEncoder().encode("purekit signs this on every runtime");
const RS256 = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const;

const files = await inTempDir("purekit-scenario-keys-", async (dir) => {
  const pass = ["-passout", `pass:${PASSWORD}`];
  await openssl(dir, "genrsa", "-traditional", "-out", "pkcs1.pem", "2048");
  await openssl(dir, "genrsa", "-aes256", ...pass, "-out", "genrsa-aes256.pem", "2048");
  await openssl(dir, "rsa", "-in", "pkcs1.pem", "-des3", "-traditional", ...pass, "-out", "des3.pem");
  await selfSignedCertificate(dir, "pkcs1.pem", "/CN=purekit", "c.pem");
  const export12 = (...args: string[]) =>
    openssl(dir, "pkcs12", "-export", "-inkey", "pkcs1.pem", "-in", "c.pem", "-out", "legacy.p12", ...args);
  // 3DES key, RC2-40 certificates; without OpenSSL's legacy provider, 3DES throughout.
  await export12("-legacy", ...pass).catch(() =>
    export12("-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-macalg", "sha1", ...pass),
  );
  const bytes = async (name: string) => new Uint8Array(await readFile(join(dir, name)));
  return {
    "PKCS#1 PEM": { bytes: await bytes("pkcs1.pem") },
    "encrypted PKCS#8 (genrsa -aes256)": { bytes: await bytes("genrsa-aes256.pem"), password: PASSWORD },
    "legacy 3DES PKCS#1 PEM": { bytes: await bytes("des3.pem"), password: PASSWORD },
    "legacy PKCS#12": { bytes: await bytes("legacy.p12"), password: PASSWORD },
  };
});

describe("keys", () => {
  for (const [name, { bytes, ...rest }] of Object.entries(files)) {
    it(`imports ${name}, signs, and verifies with the public key it derives`, async () => {
      const options = { source: name, ...rest };
      const key = await importPrivateKey(bytes, options);
      const signature = await crypto.subtle.sign(RS256, key, DATA);
      const spki = (await publicKeyPemFromPrivate(bytes, options)).replace(/-----[^-]+-----|\s/g, "");
      const pub = await crypto.subtle.importKey(
        "spki",
        Uint8Array.from(atob(spki), (c) => c.charCodeAt(0)),
        RS256,
        false,
        ["verify"],
      );
      assert.equal(await crypto.subtle.verify(RS256, pub, signature, DATA), true);
      const other = new TextEncoder().encode("not what was signed");
      assert.equal(await crypto.subtle.verify(RS256, pub, signature, other), false);
    });
  }
});
