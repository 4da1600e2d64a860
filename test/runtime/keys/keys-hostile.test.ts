/**
 * Hostile key files (issue 9, points 6, 8 and 9): nesting that exhausted the stack, cost
 * parameters that kept the reader busy for minutes, a PEM scan that was quadratic, and RSA
 * keys too short for RS256. Each ends in a typed PurekitError. Sizes are chosen so the old
 * code fails (a stack overflow, or minutes of work past the test's timeout), not to time anything.
 */
import { describe, expect, it } from "vitest";
import { loadSigningKey } from "../../../runtime/auth/jwt.ts";
import { PurekitError, type PurekitErrorCode } from "../../../runtime/errors.ts";
import { concat, derInt, derNull, derOctets, derOid, derSeq, derTlv } from "../../../runtime/keys/asn1.ts";
import { detectKeyFormat, importPrivateKey } from "../../../runtime/keys/index.ts";
import { encryptPkcs8Pem } from "../../../runtime/keys/keygen.ts";
import { OID } from "../../../runtime/keys/oids.ts";
import { toPem } from "../../../runtime/keys/pem.ts";

async function keyError(p: Promise<unknown>, code: PurekitErrorCode): Promise<PurekitError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e, String(e)).toBeInstanceOf(PurekitError);
  expect((e as PurekitError).code, (e as Error).message).toBe(code);
  return e as PurekitError;
}

/** `depth` nested BER elements with indefinite lengths around `inner`. */
function indefinite(tag: number, depth: number, inner: Uint8Array): Uint8Array {
  const out = new Uint8Array(depth * 4 + inner.length);
  for (let i = 0; i < depth; i++) out.set([tag, 0x80], i * 2);
  out.set(inner, depth * 2);
  // The end-of-contents markers (00 00) are already zero.
  return out;
}

/** A PFX without MAC around an AuthenticatedSafe (DER bytes of a SEQUENCE OF ContentInfo). */
function pfx(authSafe: Uint8Array, macData?: Uint8Array): Uint8Array {
  const content = derSeq(derOid(OID.data), derTlv(0xa0, derOctets(authSafe)));
  return derSeq(derInt(3), content, ...(macData ? [macData] : []));
}

/**
 * A SafeContents whose single bag is a safeContentsBag holding the next one, `depth` deep.
 * Built from the inside out with one buffer per level would copy O(depth²) bytes; that is
 * ~0.3 GB at 5,000 levels, so lengths are computed first and the bytes written once.
 */
function nestedSafeContents(depth: number): Uint8Array {
  const oid = derOid(OID.safeContentsBag);
  const header = (tag: number, len: number) =>
    len < 0x80
      ? [tag, len]
      : len < 0x100
        ? [tag, 0x81, len]
        : len < 0x10000
          ? [tag, 0x82, len >> 8, len & 0xff]
          : [tag, 0x83, len >> 16, (len >> 8) & 0xff, len & 0xff];
  // Innermost: an empty SafeContents. Each level: SEQ { SEQ { oid, [0] { <inner> } } }.
  const heads: number[][] = [];
  let len = 2; // 30 00
  for (let i = 0; i < depth; i++) {
    const explicit = header(0xa0, len);
    const bagLen = oid.length + explicit.length + len;
    const bag = header(0x30, bagLen);
    const outerLen = bag.length + bagLen;
    const outer = header(0x30, outerLen);
    heads.push([...outer, ...bag, ...oid, ...explicit]);
    len = outer.length + outerLen;
  }
  const out = new Uint8Array(len);
  let at = 0;
  for (let i = heads.length - 1; i >= 0; i--) {
    out.set(heads[i]!, at);
    at += heads[i]!.length;
  }
  out.set([0x30, 0x00], at);
  return out;
}

describe("nesting is bounded (point 8)", () => {
  it("5,000 nested indefinite-length SEQUENCEs in a PEM: ERR_KEY_MALFORMED, not a stack overflow", async () => {
    const der = indefinite(0x30, 5000, derInt(0));
    await keyError(importPrivateKey(toPem("PRIVATE KEY", der)), "ERR_KEY_MALFORMED");
    await keyError(importPrivateKey(der), "ERR_KEY_MALFORMED");
    expect(detectKeyFormat(der)).toBe("unknown");
  });

  it("5,000 nested constructed OCTET STRINGs as encrypted key data: ERR_KEY_MALFORMED", async () => {
    const algorithm = derSeq(derOid(OID.pbes2), derSeq());
    const epki = concat(
      Uint8Array.of(0x30, 0x80),
      algorithm,
      indefinite(0x24, 5000, derOctets(new Uint8Array(16))),
      Uint8Array.of(0, 0),
    );
    await keyError(
      importPrivateKey(toPem("ENCRYPTED PRIVATE KEY", epki), { password: "x" }),
      "ERR_KEY_MALFORMED",
    );
  });

  it("a PKCS#12 AuthenticatedSafe nested 5,000 deep: ERR_KEY_MALFORMED", async () => {
    // The file's own header is definite, so it is recognised as PKCS#12 and its content read.
    const nested = indefinite(0x24, 5000, derOctets(derSeq()));
    const file = derSeq(derInt(3), derSeq(derOid(OID.data), derTlv(0xa0, nested)));
    await keyError(importPrivateKey(file), "ERR_KEY_MALFORMED");
  });

  it("PKCS#12 SafeContents nested 5,000 deep (safeContentsBag in safeContentsBag): ERR_KEY_MALFORMED", async () => {
    const safeContents = nestedSafeContents(5000);
    const authSafe = derSeq(derSeq(derOid(OID.data), derTlv(0xa0, derOctets(safeContents))));
    const e = await keyError(importPrivateKey(pfx(authSafe)), "ERR_KEY_MALFORMED");
    expect(e.message).toMatch(/nests PKCS#12 SafeContents too deeply/);
  });
});

describe("cost parameters are bounded (point 9)", () => {
  const pbes2 = (iterations: number, keyLength?: number) =>
    derSeq(
      derOid(OID.pbes2),
      derSeq(
        derSeq(
          derOid(OID.pbkdf2),
          derSeq(
            derOctets(new Uint8Array(8)),
            derInt(iterations),
            ...(keyLength === undefined ? [] : [derInt(keyLength)]),
            derSeq(derOid(OID.hmacWithSHA256), derNull()),
          ),
        ),
        derSeq(derOid(OID.aes256Cbc), derOctets(new Uint8Array(16))),
      ),
    );
  const encrypted = (algorithm: Uint8Array) =>
    toPem("ENCRYPTED PRIVATE KEY", derSeq(algorithm, derOctets(new Uint8Array(32))));

  it("PBES2 with 10 million iterations is refused at once (ERR_KEY_UNSUPPORTED naming the option)", async () => {
    const e = await keyError(
      importPrivateKey(encrypted(pbes2(10_000_000)), { password: "x" }),
      "ERR_KEY_UNSUPPORTED",
    );
    expect(e.message).toMatch(/10000000 key-derivation iterations.*maxIterations/);
  });

  it("PKCS#12's own KDF with 10 million iterations is refused at once (was 64 s per million)", async () => {
    const algorithm = derSeq(
      derOid(OID.pbeSha1Des3),
      derSeq(derOctets(new Uint8Array(8)), derInt(10_000_000)),
    );
    await keyError(importPrivateKey(encrypted(algorithm), { password: "x" }), "ERR_KEY_UNSUPPORTED");
  });

  it("the limit is an option: a real 2,048-iteration key is refused under maxIterations 1,000 and read above", async () => {
    const { privateKey } = await crypto.subtle.generateKey(
      {
        name: "RSASSA-PKCS1-v1_5",
        modulusLength: 2048,
        publicExponent: Uint8Array.of(1, 0, 1),
        hash: "SHA-256",
      },
      true,
      ["sign", "verify"],
    );
    const der = new Uint8Array(await crypto.subtle.exportKey("pkcs8", privateKey));
    const pem = await encryptPkcs8Pem(der, "pw-123456", { iterations: 2048 });
    await keyError(
      importPrivateKey(pem, { password: "pw-123456", maxIterations: 1000 }),
      "ERR_KEY_UNSUPPORTED",
    );
    const key = await importPrivateKey(pem, { password: "pw-123456", maxIterations: 5000 });
    expect(key.type).toBe("private");
    await keyError(
      importPrivateKey(pem, { password: "pw-123456", maxIterations: 0 }),
      "ERR_INVALID_ARGUMENT",
    );
  });

  it("a PBMAC1 key length of 100 million bytes is ERR_KEY_MALFORMED at once", async () => {
    const hmac = derSeq(derOid(OID.hmacWithSHA256), derNull());
    const kdf = derSeq(
      derOid(OID.pbkdf2),
      derSeq(derOctets(new Uint8Array(16)), derInt(2048), derInt(100_000_000), hmac),
    );
    const macData = derSeq(
      derSeq(derSeq(derOid(OID.pbmac1), derSeq(kdf, hmac)), derOctets(new Uint8Array(32))),
      derOctets(new Uint8Array(8)),
      derInt(1),
    );
    const e = await keyError(
      importPrivateKey(pfx(derSeq(), macData), { password: "x" }),
      "ERR_KEY_MALFORMED",
    );
    expect(e.message).toMatch(/100000000-byte derived key/);
  });

  it("4 MB of unmatched -----BEGIN lines is scanned once (quadratic, this took minutes)", async () => {
    const text = "-----BEGIN PRIVATE KEY-----\n".repeat(150_000);
    const e = await keyError(importPrivateKey(text), "ERR_KEY_MALFORMED");
    expect(e.message).toMatch(/no complete PEM block/);
    const labels = Array.from({ length: 100_000 }, (_, i) => `-----BEGIN K${i}-----\n`).join("");
    await keyError(importPrivateKey(labels), "ERR_KEY_MALFORMED");
  });
});

describe("RSA keys under 2048 bits are refused at import (point 6)", () => {
  async function rsa(bits: number) {
    return crypto.subtle.generateKey(
      {
        name: "RSASSA-PKCS1-v1_5",
        modulusLength: bits,
        publicExponent: Uint8Array.of(1, 0, 1),
        hash: "SHA-256",
      },
      true,
      ["sign", "verify"],
    );
  }

  it("a 1024-bit PKCS#8 key: ERR_KEY_UNSUPPORTED naming the size, not a TypeError at signing time", async () => {
    const { privateKey } = await rsa(1024);
    const der = new Uint8Array(await crypto.subtle.exportKey("pkcs8", privateKey));
    const e = await keyError(
      importPrivateKey(toPem("PRIVATE KEY", der), { source: "small.pem" }),
      "ERR_KEY_UNSUPPORTED",
    );
    expect(e.message).toMatch(/small\.pem is a 1024-bit RSA key; RS256 needs at least 2048 bits/);
  });

  it("a 1024-bit CryptoKey given directly is refused too", async () => {
    const { privateKey } = await rsa(1024);
    await keyError(loadSigningKey({ privateKey }), "ERR_KEY_UNSUPPORTED");
  });
});

describe("a signing key jose refuses is a typed error", () => {
  it("an EC CryptoKey given as the private key: ERR_KEY_UNSUPPORTED at the first call, not a TypeError", async () => {
    const { createFlashArrayMock } = await import("../../../mock/index.ts");
    const { createFlashArrayClient } = await import("../../../runtime/flasharray.ts");
    const array = createFlashArrayMock({ seed: "empty" });
    await array.ready;
    const { privateKey } = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, [
      "sign",
    ]);
    const fa = await createFlashArrayClient({
      host: array.baseUrl,
      fetch: array.fetch,
      logger: {},
      auth: { clientId: "c", keyId: "k", issuer: "i", username: "u", privateKey },
    });
    await keyError(fa.getVolumes(), "ERR_KEY_UNSUPPORTED");
    await fa.close();
  });
});
