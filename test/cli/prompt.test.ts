/**
 * Password prompts on a real terminal (a pseudo-terminal driven by Python's pty
 * module): the password is asked for only when needed, typed characters are never
 * echoed, a wrong one may be retried, Ctrl-C cancels with exit 130; keygen asks twice.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasPython, type KeyFixture, openssl, opensslKeys, PW, purekitTty, verifyJwt } from "./helpers.ts";

const APP_ID = "pure1:apikey:promptTest0001";
let dir = "";
let keys: KeyFixture[] = [];
const key = (prefix: string) => keys.find((k) => k.name.startsWith(prefix))!;
const jwtIn = (output: string) => /eyJ[\w-]+\.[\w-]+\.[\w-]+/.exec(output)?.[0] ?? "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "purekit-prompt-"));
  keys = opensslKeys(dir);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasPython)("password prompt on a terminal", () => {
  it.each(["encrypted PKCS#8", "legacy encrypted PKCS#1", "PKCS#12"])(
    "asks for the password of an encrypted %s key without echoing it",
    async (name) => {
      const k = key(name);
      const r = await purekitTty(
        ["token", "pure1", "--app-id", APP_ID, "--key", k.file],
        [[`Password for ${k.file}: `, `${PW}\r`]],
      );
      expect(r.error).toBeUndefined();
      expect(r.code).toBe(0);
      expect(r.output).not.toContain(PW);
      expect(r.output).not.toContain(PW.slice(0, 6));
      const claims = await verifyJwt(jwtIn(r.output), k.publicPem, { alg: "RS256", typ: "JWT" }, [
        "iss",
        "iat",
        "exp",
      ]);
      expect(claims.iss).toBe(APP_ID);
    },
  );

  it("does not ask for an unencrypted key", async () => {
    const k = key("PKCS#8");
    const r = await purekitTty(
      ["token", "pure1", "--app-id", APP_ID, "--key", k.file, "--expires", "1h"],
      [],
    );
    expect(r.code).toBe(0);
    expect(r.output).not.toMatch(/Password/);
    await verifyJwt(jwtIn(r.output), k.publicPem, { alg: "RS256", typ: "JWT" }, ["iss", "iat", "exp"]);
  });

  it("a wrong password may be retried; Backspace edits", async () => {
    const k = key("encrypted PKCS#8");
    const r = await purekitTty(
      [
        "token",
        "flasharray",
        "--client-id",
        "c",
        "--key-id",
        "k",
        "--issuer",
        "i",
        "--username",
        "u",
        "--key",
        k.file,
        "--jwt-only",
      ],
      [
        [`Password for ${k.file}: `, "not-it\r"],
        ["wrong password, try again", ""],
        [`Password for ${k.file}: `, `${PW}x\u007f\r`],
      ],
    );
    expect(r.code).toBe(0);
    expect(r.output).not.toContain("not-it");
    expect(r.output).not.toContain(PW);
    await verifyJwt(jwtIn(r.output), k.publicPem, { alg: "RS256", typ: "JWT", kid: "k" }, [
      "aud",
      "sub",
      "iss",
      "iat",
      "exp",
    ]);
  });

  it("three wrong passwords fail with exit 1", async () => {
    const k = key("PKCS#12");
    const prompt = `Password for ${k.file}: `;
    const r = await purekitTty(
      ["token", "pure1", "--app-id", APP_ID, "--key", k.file],
      [
        [prompt, "wrong-one\r"],
        [prompt, "wrong-two\r"],
        [prompt, "wrong-three\r"],
      ],
    );
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/the password is wrong.*\[ERR_KEY_WRONG_PASSWORD\]/);
    expect(r.output).not.toMatch(/wrong-(one|two|three)/);
  });

  it("Ctrl-C at the prompt cancels with exit 130", async () => {
    const k = key("encrypted PKCS#8");
    const r = await purekitTty(
      ["token", "pure1", "--app-id", APP_ID, "--key", k.file],
      [[`Password for ${k.file}: `, "abc\u0003"]],
    );
    expect(r.code).toBe(130);
    expect(r.output).toMatch(/purekit: cancelled/);
    expect(jwtIn(r.output)).toBe("");
  });

  it("keygen --password asks twice and writes a key only OpenSSL with that password opens", async () => {
    const out = join(dir, "tty-keygen.pem");
    const r = await purekitTty(
      ["keygen", "--out", out, "--password"],
      [
        ["Password for the new private key: ", `${PW}\r`],
        ["Repeat the password: ", `${PW}\r`],
      ],
    );
    expect(r.code).toBe(0);
    expect(r.output).not.toContain(PW);
    expect(readFileSync(out, "utf8")).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const pub = openssl(dir, "pkey", "-in", out, "-passin", `pass:${PW}`, "-pubout");
    expect(r.output.replace(/\r\n/g, "\n")).toContain(pub);
  });

  it("keygen --password with two different answers writes nothing (exit 2)", async () => {
    const out = join(dir, "tty-mismatch.pem");
    const r = await purekitTty(
      ["keygen", "--out", out, "--password"],
      [
        ["Password for the new private key: ", `${PW}\r`],
        ["Repeat the password: ", "something else\r"],
      ],
    );
    expect(r.code).toBe(2);
    expect(r.output).toMatch(/the passwords do not match; nothing was written/);
    expect(() => statSync(out)).toThrow();
  });

  it("under Deno too: prompt without echo", async () => {
    const k = key("legacy encrypted PKCS#1");
    const r = await purekitTty(
      ["token", "pure1", "--app-id", APP_ID, "--key", k.file],
      [[`Password for ${k.file}: `, `${PW}\r`]],
      {
        runtime: "deno",
      },
    );
    expect(r.error).toBeUndefined();
    expect(r.code).toBe(0);
    expect(r.output).not.toContain(PW);
    await verifyJwt(jwtIn(r.output), k.publicPem, { alg: "RS256", typ: "JWT" }, ["iss", "iat", "exp"]);
  });
});
