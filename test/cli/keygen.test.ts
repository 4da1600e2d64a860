/**
 * `purekit keygen` as a subprocess: the public key it prints is the SPKI form of the
 * private key it writes (checked by OpenSSL), the file is private (0600), encryption
 * works and OpenSSL reads it back, nothing is overwritten, and scripts get JSON.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectNoSecrets, openssl, PW, pemBodyLines, purekit, useTempDir } from "./helpers.ts";

const tmp = useTempDir("purekit-keygen-");

const PUBLIC = /^-----BEGIN PUBLIC KEY-----\n(?:[A-Za-z0-9+/=]{1,64}\n)+-----END PUBLIC KEY-----\n$/;

describe("purekit keygen", () => {
  it("--out writes a 0600 PKCS#8 RSA 2048 key and prints only its SPKI public key", async () => {
    const out = tmp("plain.pem");
    const r = await purekit(["keygen", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(PUBLIC);
    expect(r.stderr).toContain(`wrote the private key to ${out}`);
    const pem = readFileSync(out, "utf8");
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(openssl(tmp(), "pkey", "-in", out, "-pubout")).toBe(r.stdout);
    expect(openssl(tmp(), "rsa", "-in", out, "-noout", "-text")).toMatch(/Private-Key: \(2048 bit/);
    for (const line of pemBodyLines(pem)) expect(r.stdout + r.stderr).not.toContain(line);
  });

  it("without --out prints the private key, then the public key, with a warning on stderr", async () => {
    const r = await purekit(["keygen"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: no --out given, so the private key is printed to stdout/);
    const [priv, pub] = r.stdout.split(/(?=-----BEGIN PUBLIC KEY-----)/);
    expect(priv).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+-----END PRIVATE KEY-----\n$/);
    expect(pub).toMatch(PUBLIC);
    writeFileSync(tmp("stdout.pem"), priv!);
    expect(openssl(tmp(), "pkey", "-in", "stdout.pem", "-pubout")).toBe(pub);
  });

  it("--password-stdin encrypts the key (PBES2/AES-256) so that OpenSSL opens it with that password only", async () => {
    const out = tmp("encrypted.pem");
    const r = await purekit(["keygen", "--out", out, "--password-stdin"], { input: `${PW}\n` });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("wrote the encrypted private key");
    expectNoSecrets(r, [PW]);
    expect(readFileSync(out, "utf8")).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    expect(openssl(tmp(), "pkey", "-in", out, "-passin", `pass:${PW}`, "-pubout")).toBe(r.stdout);
    expect(openssl(tmp(), "asn1parse", "-in", out)).toMatch(/PBES2[\s\S]*PBKDF2[\s\S]*aes-256-cbc/);
    expect(() => openssl(tmp(), "pkey", "-in", out, "-passin", "pass:wrong-password", "-pubout")).toThrow();
  });

  it("--json gives the public key, the file and whether it is encrypted; never the private key with --out", async () => {
    const out = tmp("json.pem");
    const pubOut = tmp("json.pub.pem");
    const r = await purekit(["keygen", "--out", out, "--public-out", pubOut, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(j).toEqual({
      publicKey: expect.stringMatching(PUBLIC),
      privateKeyFile: out,
      publicKeyFile: pubOut,
      encrypted: false,
    });
    expect(readFileSync(pubOut, "utf8")).toBe(j.publicKey);
    expect(openssl(tmp(), "pkey", "-in", out, "-pubout")).toBe(j.publicKey);
  });

  it("--json without --out includes the private key", async () => {
    const r = await purekit(["keygen", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { privateKey: string; publicKey: string; privateKeyFile: null };
    expect(j.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(j.privateKeyFile).toBeNull();
  });

  it("never overwrites an existing key file unless --force", async () => {
    const out = tmp("existing.pem");
    writeFileSync(out, "precious");
    const r = await purekit(["keygen", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exists; purekit keygen never overwrites a key unless --force/);
    expect(r.stdout).toBe("");
    expect(readFileSync(out, "utf8")).toBe("precious");
    const forced = await purekit(["keygen", "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it("--password without a terminal is a usage error that points to --password-stdin, and writes nothing", async () => {
    const out = tmp("never.pem");
    const r = await purekit(["keygen", "--out", out, "--password"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/stdin is not one; use --password-stdin/);
    expect(() => statSync(out)).toThrow();
  });

  it("rejects stray arguments and unknown options with exit 2; --help documents options and exit codes", async () => {
    expect((await purekit(["keygen", "private.pem"])).code).toBe(2);
    expect((await purekit(["keygen", "--bits", "4096"])).code).toBe(2);
    const help = await purekit(["keygen", "--help"]);
    expect(help.code).toBe(0);
    for (const word of ["--out", "--password-stdin", "--json", "Exit codes", "0600"])
      expect(help.stdout).toContain(word);
  });
});
