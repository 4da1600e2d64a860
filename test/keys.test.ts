/**
 * runtime/keys against real key files: every fixture is written by the OpenSSL CLI at test time
 * (OpenSSL 3 required — without it these tests fail, they do not skip). Each recovered key
 * must sign something the OpenSSL-extracted public key verifies.
 */
import { execFileSync } from "node:child_process";
import { createCipheriv, createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PurekitError, type PurekitErrorCode } from "../runtime/errors.ts";
import {
  derBitString,
  derBoolean,
  derExplicit,
  derImplicit,
  derInt,
  derNull,
  derOctets,
  derOid,
  derSeq,
  derSet,
  derTime,
  derUtf8,
  explicit,
  octetsOf,
  parseDer,
  seq,
} from "../runtime/keys/asn1.ts";
import { desCbcDecrypt } from "../runtime/keys/des.ts";
import {
  detectKeyFormat,
  encryptPkcs8Pem,
  generateRsaKeyPair,
  importPrivateKey,
  type KeyFormat,
  publicKeyPemFromPrivate,
  readKeyFile,
} from "../runtime/keys/index.ts";
import { md5 } from "../runtime/keys/md5.ts";

const PW = "Tr0ub4dor&3 purekit";
const WRONG = "not-the-password";
const TIMEOUT = 60_000;
const root = fileURLToPath(new URL("..", import.meta.url));
let dir = "";
const path = (name: string) => join(dir, name);
const openssl = (...args: string[]) =>
  execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] }).toString();

const RS256 = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const;
const DATA = new TextEncoder().encode("purekit signs this");
const pemBody = (pem: string) => Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ""), "base64");

/** Every error the tests provoke, checked at the end for leaked secrets. */
const errors: unknown[] = [];

async function expectKeyError(p: Promise<unknown>, code: PurekitErrorCode, source?: string): Promise<Error> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  errors.push(e);
  expect(e).toBeInstanceOf(PurekitError);
  expect((e as PurekitError).code).toBe(code);
  if (source) expect((e as Error).message).toContain(source);
  return e as Error;
}

interface Fixture {
  file: string;
  format: KeyFormat;
  /** Public key file written by `openssl rsa -pubout` from the same key. */
  pub: string;
  password?: string;
  /** Pass the file as a string instead of bytes. */
  text?: boolean;
}

const FIXTURES: Fixture[] = [
  { file: "pkcs8.pem", format: "pkcs8", pub: "pkcs8.pub.pem", text: true },
  { file: "pkcs8.der", format: "pkcs8", pub: "pkcs8.pub.pem" },
  { file: "pkcs1.pem", format: "pkcs1", pub: "pkcs1.pub.pem", text: true },
  { file: "pkcs1.der", format: "pkcs1", pub: "pkcs1.pub.pem" },
  { file: "pkcs1-utf16.pem", format: "pkcs1", pub: "pkcs1.pub.pem" },
  { file: "bundle.pem", format: "pkcs8", pub: "pkcs8.pub.pem", text: true },
  { file: "genrsa-aes256.pem", format: "encrypted-pkcs8", pub: "genrsa-aes256.pub.pem", password: PW },
  { file: "legacy-aes256.pem", format: "encrypted-pkcs1", pub: "pkcs1.pub.pem", password: PW, text: true },
  { file: "legacy-aes128.pem", format: "encrypted-pkcs1", pub: "pkcs1.pub.pem", password: PW },
  { file: "legacy-aes192.pem", format: "encrypted-pkcs1", pub: "pkcs1.pub.pem", password: PW },
  { file: "legacy-des3.pem", format: "encrypted-pkcs1", pub: "pkcs1.pub.pem", password: PW },
  { file: "pkcs8-aes128-sha1.pem", format: "encrypted-pkcs8", pub: "pkcs8.pub.pem", password: PW },
  { file: "pkcs8-aes192-sha384.pem", format: "encrypted-pkcs8", pub: "pkcs8.pub.pem", password: PW },
  { file: "pkcs8-aes256-sha512.der", format: "encrypted-pkcs8", pub: "pkcs8.pub.pem", password: PW },
  { file: "pkcs8-des3.pem", format: "encrypted-pkcs8", pub: "pkcs8.pub.pem", password: PW },
  { file: "pkcs8-pbe-sha1-3des.pem", format: "encrypted-pkcs8", pub: "pkcs8.pub.pem", password: PW },
  { file: "default.p12", format: "pkcs12", pub: "pkcs8.pub.pem", password: PW },
  { file: "default.p12.b64", format: "pkcs12", pub: "pkcs8.pub.pem", password: PW, text: true },
  { file: "legacy.p12", format: "pkcs12", pub: "pkcs8.pub.pem", password: PW },
  { file: "windows-3des.p12", format: "pkcs12", pub: "pkcs8.pub.pem", password: PW },
  { file: "pbmac1.p12", format: "pkcs12", pub: "pkcs8.pub.pem", password: PW },
  { file: "ber.p12", format: "pkcs12", pub: "pkcs8.pub.pem", password: PW },
  { file: "nopass.p12", format: "pkcs12", pub: "pkcs8.pub.pem" },
  { file: "plain.p12", format: "pkcs12", pub: "pkcs8.pub.pem" },
];

const read = (f: { file: string; text?: boolean }) =>
  f.text ? readFileSync(path(f.file), "utf8") : new Uint8Array(readFileSync(path(f.file)));

/** Rewrites a PFX's MAC as RFC 9579 PBMAC1 (what OpenSSL 3.4 `-pbmac1_pbkdf2` writes), via node:crypto. */
function withPbmac1(p12: Uint8Array, password: string): Uint8Array {
  const [version, authSafe] = seq(parseDer(new Uint8Array(p12)));
  const content = octetsOf(explicit(seq(authSafe)[1], 0));
  const salt = randomBytes(16);
  const mac = createHmac("sha256", pbkdf2Sync(password, salt, 2048, 32, "sha256"))
    .update(content)
    .digest();
  const hmacSha256 = derSeq(derOid("1.2.840.113549.2.9"), derNull());
  const kdf = derSeq(
    derOid("1.2.840.113549.1.5.12"),
    derSeq(derOctets(salt), derInt(2048), derInt(32), hmacSha256),
  );
  const pbmac1 = derSeq(derOid("1.2.840.113549.1.5.14"), derSeq(kdf, hmacSha256));
  const macData = derSeq(derSeq(pbmac1, derOctets(mac)), derOctets(Buffer.from("NOT USED")), derInt(1));
  return derSeq(version!.raw, authSafe!.raw, macData);
}

/** Re-encodes a PFX the way NSS and old Java do: BER indefinite lengths, a chunked OCTET STRING. */
function asBer(p12: Uint8Array): Uint8Array {
  const indefinite = (tag: number, ...parts: Uint8Array[]) =>
    Buffer.concat([Buffer.from([tag, 0x80]), ...parts, Buffer.from([0, 0])]);
  const [version, authSafe, macData] = seq(parseDer(new Uint8Array(p12)));
  const [contentType, content] = seq(authSafe);
  const octets = octetsOf(explicit(content, 0));
  const chunks = [octets.subarray(0, 1000), octets.subarray(1000)].map(derOctets);
  const ci = indefinite(0x30, contentType!.raw, indefinite(0xa0, indefinite(0x24, ...chunks)));
  return indefinite(0x30, version!.raw, ci, macData!.raw);
}

/** Why the fixtures could not be made; rethrown by every test so none is reported as skipped. */
let setupError: unknown;
beforeEach(() => {
  if (setupError) throw setupError;
});

beforeAll(() => {
  try {
    makeFixtures();
  } catch (e) {
    setupError = e; // e.g. `spawnSync openssl ENOENT`: OpenSSL is required
  }
}, 120_000);

function makeFixtures() {
  dir = mkdtempSync(join(tmpdir(), "purekit-keys-"));
  execFileSync("openssl", ["version"]);
  const pass = ["-passout", `pass:${PW}`];
  const passin = ["-passin", `pass:${PW}`];
  openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "pkcs8.pem");
  openssl("pkcs8", "-topk8", "-nocrypt", "-in", "pkcs8.pem", "-outform", "DER", "-out", "pkcs8.der");
  openssl("genrsa", "-traditional", "-out", "pkcs1.pem", "2048");
  openssl("rsa", "-in", "pkcs1.pem", "-traditional", "-outform", "DER", "-out", "pkcs1.der");
  const pkcs1Pem = readFileSync(path("pkcs1.pem"), "utf8").replace(/\n/g, "\r\n");
  writeFileSync(
    path("pkcs1-utf16.pem"),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pkcs1Pem, "utf16le")]),
  );
  openssl("genrsa", "-aes256", ...pass, "-out", "genrsa-aes256.pem", "2048");
  for (const c of ["aes256", "aes128", "aes192", "des3"])
    openssl("rsa", "-in", "pkcs1.pem", `-${c}`, "-traditional", ...pass, "-out", `legacy-${c}.pem`);
  const topk8 = (out: string, ...args: string[]) =>
    openssl("pkcs8", "-topk8", "-in", "pkcs8.pem", ...args, ...pass, "-out", out);
  topk8("pkcs8-aes128-sha1.pem", "-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA1");
  topk8("pkcs8-aes192-sha384.pem", "-v2", "aes-192-cbc", "-v2prf", "hmacWithSHA384");
  topk8("pkcs8-aes256-sha512.der", "-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA512", "-outform", "DER");
  topk8("pkcs8-des3.pem", "-v2", "des3");
  topk8("pkcs8-pbe-sha1-3des.pem", "-v1", "PBE-SHA1-3DES");
  topk8("scrypt.pem", "-scrypt");
  openssl("rsa", "-in", "pkcs8.pem", "-pubout", "-out", "pkcs8.pub.pem");
  openssl("rsa", "-in", "pkcs1.pem", "-pubout", "-out", "pkcs1.pub.pem");
  openssl("rsa", "-in", "genrsa-aes256.pem", ...passin, "-pubout", "-out", "genrsa-aes256.pub.pem");

  openssl("req", "-x509", "-key", "pkcs8.pem", "-subj", "/CN=purekit-test", "-days", "2", "-out", "cert.pem");
  openssl("x509", "-in", "cert.pem", "-outform", "DER", "-out", "cert.der");
  writeFileSync(
    path("bundle.pem"),
    readFileSync(path("cert.pem"), "utf8") + readFileSync(path("pkcs8.pem"), "utf8"),
  );
  const export12 = (out: string, ...args: string[]) =>
    openssl("pkcs12", "-export", "-inkey", "pkcs8.pem", "-in", "cert.pem", "-out", out, ...args);
  export12("default.p12", ...pass);
  const des3Everywhere = ["-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-macalg", "sha1"];
  try {
    export12("legacy.p12", "-legacy", ...pass); // 3DES key, RC2-40 certificates
  } catch {
    export12("legacy.p12", ...des3Everywhere, ...pass); // no legacy provider, so no RC2
  }
  export12("windows-3des.p12", ...des3Everywhere, ...pass); // "TripleDES-SHA1" in Windows' export
  export12("nopass.p12", "-passout", "pass:");
  export12("plain.p12", "-nomac", "-keypbe", "NONE", "-certpbe", "NONE", "-passout", "pass:");
  openssl("pkcs12", "-export", "-nokeys", "-in", "cert.pem", "-out", "certonly.p12", ...pass);
  const p12 = readFileSync(path("default.p12"));
  writeFileSync(path("default.p12.b64"), p12.toString("base64").replace(/.{76}/g, "$&\n"));
  writeFileSync(path("pbmac1.p12"), withPbmac1(p12, PW));
  writeFileSync(path("ber.p12"), asBer(p12));

  openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.pem");
  openssl("ec", "-in", "ec.pem", "-out", "ec-sec1.pem");
  openssl("pkcs8", "-topk8", "-in", "ec.pem", "-v2", "aes-256-cbc", ...pass, "-out", "ec-encrypted.pem");
  openssl("genpkey", "-algorithm", "ed25519", "-out", "ed25519.pem");
  openssl("genpkey", "-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa-pss.pem");
}

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("importPrivateKey recovers the right key from every format", () => {
  it.each(FIXTURES)(
    "$file",
    async (f) => {
      const input = read(f);
      expect(detectKeyFormat(input)).toBe(f.format);
      const options = f.password ? { password: f.password, source: f.file } : { source: f.file };
      const key = await importPrivateKey(input, options);
      expect(key.extractable).toBe(false);
      expect(key.usages).toEqual(["sign"]);
      expect(key.algorithm).toMatchObject({ name: "RSASSA-PKCS1-v1_5", hash: { name: "SHA-256" } });
      const sig = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", key, DATA);
      const opensslPub = readFileSync(path(f.pub), "utf8");
      const pub = await crypto.subtle.importKey("spki", pemBody(opensslPub), RS256, false, ["verify"]);
      expect(await crypto.subtle.verify("RSASSA-PKCS1-v1_5", pub, sig, DATA)).toBe(true);
      expect(await publicKeyPemFromPrivate(input, options)).toBe(opensslPub);
    },
    TIMEOUT,
  );
});

describe("passwords", () => {
  const encrypted = FIXTURES.filter((f) => f.password);

  it.each(encrypted)(
    "$file without a password → ERR_KEY_PASSWORD_REQUIRED",
    async (f) => {
      const e = await expectKeyError(
        importPrivateKey(read(f), { source: f.file }),
        "ERR_KEY_PASSWORD_REQUIRED",
        f.file,
      );
      expect(e.message).toBe(
        `${f.file} is encrypted; give its password (privateKeyPassword / --password / PURE1_PRIVATE_KEY_PASSWORD)`,
      );
    },
    TIMEOUT,
  );

  it.each(encrypted)(
    "$file with a wrong password → ERR_KEY_WRONG_PASSWORD",
    async (f) => {
      await expectKeyError(
        importPrivateKey(read(f), { password: WRONG, source: f.file }),
        "ERR_KEY_WRONG_PASSWORD",
        f.file,
      );
    },
    TIMEOUT,
  );

  it("an unencrypted key ignores a password it does not need", async () => {
    await expect(importPrivateKey(read({ file: "pkcs8.pem" }), { password: PW })).resolves.toBeDefined();
  });

  it("without a source, messages say “The private key”", async () => {
    const e = await expectKeyError(
      importPrivateKey(read({ file: "default.p12" })),
      "ERR_KEY_PASSWORD_REQUIRED",
    );
    expect(e.message).toMatch(/^The private key is encrypted;/);
  });
});

describe("keys purekit cannot use", () => {
  const cases: [string, PurekitErrorCode, RegExp][] = [
    [
      "ec.pem",
      "ERR_KEY_NOT_RSA",
      /is not an RSA key \(its algorithm is EC\); purekit signs with RS256 and needs an RSA private key/,
    ],
    ["ec-sec1.pem", "ERR_KEY_NOT_RSA", /its algorithm is EC\)/],
    ["ec-encrypted.pem", "ERR_KEY_NOT_RSA", /its algorithm is EC\)/],
    ["ed25519.pem", "ERR_KEY_NOT_RSA", /its algorithm is Ed25519\)/],
    ["rsa-pss.pem", "ERR_KEY_UNSUPPORTED", /RSA-PSS/],
    ["scrypt.pem", "ERR_KEY_UNSUPPORTED", /scrypt \(OID 1\.3\.6\.1\.4\.1\.11591\.4\.11\)/],
    [
      "pkcs8.pub.pem",
      "ERR_KEY_PUBLIC_GIVEN",
      /is a public key; purekit needs the private key that pairs with it/,
    ],
    ["cert.pem", "ERR_KEY_PUBLIC_GIVEN", /is a certificate \(a public key\); purekit needs the private key/],
    ["cert.der", "ERR_KEY_PUBLIC_GIVEN", /is a certificate/],
    ["certonly.p12", "ERR_KEY_PUBLIC_GIVEN", /holding only certificates/],
  ];
  it.each(cases)(
    "%s → %s",
    async (file, code, message) => {
      const e = await expectKeyError(
        importPrivateKey(read({ file }), { password: PW, source: file }),
        code,
        file,
      );
      expect(e.message).toMatch(message);
    },
    TIMEOUT,
  );

  it("detectKeyFormat calls public keys and certificates “public”", () => {
    for (const file of ["pkcs8.pub.pem", "cert.pem", "cert.der"])
      expect(detectKeyFormat(read({ file }))).toBe("public");
  });
});

describe("garbage and other things people paste", () => {
  const garbage: [string, string | Uint8Array, PurekitErrorCode, RegExp, KeyFormat][] = [
    ["text", "this is not a key, just some words", "ERR_KEY_MALFORMED", /is not a private key/, "unknown"],
    ["an empty string", "", "ERR_KEY_MALFORMED", /is empty/, "unknown"],
    ["an empty file", new Uint8Array(0), "ERR_KEY_MALFORMED", /is empty/, "unknown"],
    ["whitespace", "  \n\t\n", "ERR_KEY_MALFORMED", /is empty/, "unknown"],
    [
      "a PEM without END",
      "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n",
      "ERR_KEY_MALFORMED",
      /no complete PEM block/,
      "unknown",
    ],
    [
      "a PEM with a broken body",
      "-----BEGIN PRIVATE KEY-----\nMAMCAQA=\n-----END PRIVATE KEY-----\n",
      "ERR_KEY_MALFORMED",
      /is damaged or not a private key/,
      "pkcs8",
    ],
    [
      "random bytes",
      Uint8Array.from([0x30, 0x82, 0x01, 0x00, 1, 2, 3]),
      "ERR_KEY_MALFORMED",
      /not a private/,
      "unknown",
    ],
    [
      "an unknown PEM label",
      "-----BEGIN STUFF-----\nAAAA\n-----END STUFF-----\n",
      "ERR_KEY_UNSUPPORTED",
      /holds a "STUFF" PEM block/,
      "unknown",
    ],
    [
      "an OpenSSH public key",
      "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ admin@array\n",
      "ERR_KEY_PUBLIC_GIVEN",
      /is an OpenSSH public key; purekit needs the private key/,
      "public",
    ],
    [
      "an OpenSSH private key",
      "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n",
      "ERR_KEY_UNSUPPORTED",
      /ssh-keygen -p -m PKCS8/,
      "unknown",
    ],
    [
      "a PuTTY key",
      "PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\n",
      "ERR_KEY_UNSUPPORTED",
      /PuTTYgen/,
      "unknown",
    ],
  ];
  it.each(garbage)("%s → %s", async (_name, input, code, message, format) => {
    const e = await expectKeyError(importPrivateKey(input, { source: "junk.pem" }), code, "junk.pem");
    expect(e.message).toMatch(message);
    expect(detectKeyFormat(input)).toBe(format);
  });

  it("a truncated DER key is ERR_KEY_MALFORMED", async () => {
    const der = read({ file: "pkcs8.der" }) as Uint8Array;
    await expectKeyError(
      importPrivateKey(der.subarray(0, 600), { source: "cut.der" }),
      "ERR_KEY_MALFORMED",
      "cut.der",
    );
  });
});

describe("keygen", () => {
  it(
    "generateRsaKeyPair + encryptPkcs8Pem round-trip, and OpenSSL reads the result",
    async () => {
      const { privateKeyPem, publicKeyPem } = await generateRsaKeyPair();
      expect(privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
      expect(publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
      writeFileSync(path("keygen.pem"), privateKeyPem);
      expect(openssl("pkey", "-in", "keygen.pem", "-pubout")).toBe(publicKeyPem);
      expect(openssl("rsa", "-in", "keygen.pem", "-noout", "-text")).toMatch(/Private-Key: \(2048 bit/);

      const enc = await encryptPkcs8Pem(privateKeyPem, PW);
      expect(enc).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
      expect(detectKeyFormat(enc)).toBe("encrypted-pkcs8");
      writeFileSync(path("keygen-enc.pem"), enc);
      expect(openssl("pkey", "-in", "keygen-enc.pem", "-passin", `pass:${PW}`, "-pubout")).toBe(publicKeyPem);
      const asn1 = openssl("asn1parse", "-in", "keygen-enc.pem");
      for (const alg of ["PBES2", "PBKDF2", "hmacWithSHA256", "aes-256-cbc"]) expect(asn1).toContain(alg);

      const key = await importPrivateKey(enc, { password: PW });
      const pub = await crypto.subtle.importKey("spki", pemBody(publicKeyPem), RS256, false, ["verify"]);
      const sig = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", key, DATA);
      expect(await crypto.subtle.verify("RSASSA-PKCS1-v1_5", pub, sig, DATA)).toBe(true);
      expect(await publicKeyPemFromPrivate(enc, { password: PW })).toBe(publicKeyPem);
      await expectKeyError(importPrivateKey(enc, { password: WRONG }), "ERR_KEY_WRONG_PASSWORD");
    },
    TIMEOUT,
  );

  it("encryptPkcs8Pem takes DER and other unencrypted formats, and an iteration count", async () => {
    const enc = await encryptPkcs8Pem(read({ file: "pkcs1.der" }), PW, { iterations: 1000 });
    writeFileSync(path("pkcs1-enc.pem"), enc);
    expect(openssl("pkey", "-in", "pkcs1-enc.pem", "-passin", `pass:${PW}`, "-pubout")).toBe(
      readFileSync(path("pkcs1.pub.pem"), "utf8"),
    );
  });

  it("encryptPkcs8Pem refuses an empty password", async () => {
    await expect(encryptPkcs8Pem(read({ file: "pkcs8.pem" }), "")).rejects.toMatchObject({
      code: "ERR_INVALID_ARGUMENT",
    });
  });
});

describe("the pure-TS primitives Web Crypto lacks", () => {
  it("MD5 matches node:crypto", () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 1000]) {
      const m = randomBytes(n);
      expect(Buffer.from(md5(m)).toString("hex")).toBe(createHash("md5").update(m).digest("hex"));
    }
  });

  it("DES matches the FIPS 46 worked example; 3DES matches node:crypto", () => {
    const des = desCbcDecrypt(
      Buffer.from("133457799BBCDFF1", "hex"),
      new Uint8Array(8),
      Buffer.from("85E813540F0AB405", "hex"),
    );
    expect(Buffer.from(des).toString("hex")).toBe("0123456789abcdef");
    for (const [cipher, keyLength] of [
      ["des-ede3-cbc", 24],
      ["des-ede-cbc", 16],
    ] as const) {
      const [key, iv, plain] = [randomBytes(keyLength), randomBytes(8), randomBytes(96)];
      const c = createCipheriv(cipher, key, iv).setAutoPadding(false);
      const ct = Buffer.concat([c.update(plain), c.final()]);
      expect(Buffer.from(desCbcDecrypt(key, iv, ct))).toEqual(plain);
    }
  });
});

describe("the DER writer (keys, and the mock's X.509 certificates)", () => {
  const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
  it("writes each element as X.690 DER has it", () => {
    expect(hex(derBoolean(true))).toBe("0101ff");
    expect(hex(derBoolean(false))).toBe("010100");
    expect(hex(derUtf8("é"))).toBe("0c02c3a9");
    expect(hex(derSet())).toBe("3100");
    expect(hex(derBitString(Uint8Array.of(0x80), 7))).toBe("03020780");
    expect(hex(derBitString(Uint8Array.of(0xab)))).toBe("030200ab");
    expect(hex(derImplicit(2, new TextEncoder().encode("a")))).toBe("820161");
    expect(hex(derExplicit(3, derInt(2)))).toBe("a303020102");
    expect(hex(derInt(0))).toBe("020100");
    expect(hex(derInt(Uint8Array.of(0, 0, 0x80)))).toBe("02020080");
    expect(hex(derOctets(new Uint8Array(300))).slice(0, 8)).toBe("0482012c");
  });

  it("UTCTime until 2049, GeneralizedTime before 1950 and from 2050 (RFC 5280)", () => {
    const text = (der: Uint8Array) => new TextDecoder().decode(der.subarray(2));
    const late = derTime(new Date("2049-12-31T23:59:59.999Z"));
    expect([late[0], text(late)]).toEqual([0x17, "491231235959Z"]);
    const next = derTime(new Date("2050-01-01T00:00:00Z"));
    expect([next[0], text(next)]).toEqual([0x18, "20500101000000Z"]);
    const early = derTime(new Date("1949-06-01T12:00:00Z"));
    expect([early[0], text(early)]).toEqual([0x18, "19490601120000Z"]);
  });

  it("what it writes, the reader and OpenSSL read back", () => {
    const der = derSeq(derOid("2.5.4.3"), derUtf8("purekit"), derTime(new Date("2030-01-02T03:04:05Z")));
    expect(seq(parseDer(der)).map((n) => n.tag)).toEqual([0x06, 0x0c, 0x17]);
    writeFileSync(join(dir, "written.der"), der);
    const parsed = execFileSync("openssl", ["asn1parse", "-inform", "DER", "-in", join(dir, "written.der")], {
      encoding: "utf8",
    });
    expect(parsed).toMatch(/OBJECT\s+:commonName/);
    expect(parsed).toMatch(/UTF8STRING\s+:purekit/);
    expect(parsed).toMatch(/UTCTIME\s+:300102030405Z/);
  });
});

describe("readKeyFile (the clients' privateKeyFile and the CLI's --key)", () => {
  it("reads the bytes; a missing file or a directory is ERR_KEY_UNREADABLE saying why in words", async () => {
    const file = join(dir, "pkcs8.pem");
    expect(Buffer.from(await readKeyFile(file))).toEqual(readFileSync(file));
    await expect(readKeyFile(join(dir, "no-such.pem"))).rejects.toMatchObject({
      code: "ERR_KEY_UNREADABLE",
      message: `Cannot read the private key file ${join(dir, "no-such.pem")}: no such file`,
    });
    await expect(readKeyFile(dir)).rejects.toMatchObject({
      code: "ERR_KEY_UNREADABLE",
      message: `Cannot read the private key file ${dir}: it is a directory`,
    });
  });
});

describe("Deno", () => {
  it(
    "imports PKCS#1, encrypted PKCS#8, legacy 3DES PEM and legacy PKCS#12 unchanged",
    () => {
      const files = ["pkcs1.pem", "genrsa-aes256.pem", "legacy-des3.pem", "legacy.p12"].map(path);
      const out = execFileSync(
        join(root, "node_modules/.bin/deno"),
        ["run", "-A", "test/keys.deno.ts", ...files],
        {
          cwd: root,
          env: { ...process.env, PUREKIT_TEST_KEY_PASSWORD: PW, NO_COLOR: "1" },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      expect(out.toString().trim()).toBe("ok");
    },
    TIMEOUT,
  );
});

describe("secrets", () => {
  it("no error message or cause carries the password or any line of a key", () => {
    expect(errors.length).toBeGreaterThan(40);
    const lines = new Set<string>();
    for (const f of [
      ...FIXTURES.map((x) => x.file),
      "ec.pem",
      "ec-encrypted.pem",
      "scrypt.pem",
      "rsa-pss.pem",
    ]) {
      const text = f.endsWith(".pem") || f.endsWith(".b64") ? readFileSync(path(f), "utf8") : "";
      for (const line of text.split(/\r?\n/)) if (/^[A-Za-z0-9+/=]{16,}$/.test(line)) lines.add(line);
    }
    for (const f of ["pkcs8.der", "default.p12"])
      lines.add(readFileSync(path(f)).toString("base64").slice(0, 40));
    expect(lines.size).toBeGreaterThan(100);
    for (const e of errors) {
      let text = "";
      for (let x: unknown = e; x instanceof Error; x = x.cause) text += `${x.message}\n${x.stack ?? ""}\n`;
      expect(text).not.toContain(PW);
      expect(text).not.toContain(WRONG);
      for (const line of lines) expect(text.includes(line), `error leaks a key line: ${line}`).toBe(false);
    }
  });
});
