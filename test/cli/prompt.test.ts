/**
 * Password prompts on a real terminal (a pseudo-terminal driven by Python's pty
 * module): the password is asked for only when needed, typed characters are never
 * echoed, a wrong one may be retried, Ctrl-C cancels with exit 130; keygen asks twice.
 */
import { readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ANY_CLIENT,
  apiClientArgs,
  ENCRYPTED_KEYS,
  hasPython,
  type KeyFixture,
  openssl,
  PW,
  pure1Args,
  purekitTty,
  type RunOptions,
  useKeyFixtures,
  verifyClientJwt,
  verifyPure1Jwt,
} from "./helpers.ts";

const APP_ID = "pure1:apikey:promptTest0001";
const { tmp, key } = useKeyFixtures("purekit-prompt-");
const jwtIn = (output: string) => /eyJ[\w-]+\.[\w-]+\.[\w-]+/.exec(output)?.[0] ?? "";
/** What the CLI asks for a key's password with. */
const promptFor = (k: KeyFixture) => `Password for ${k.file}: `;

/**
 * `token pure1` with an encrypted key on a terminal: the password typed at the prompt
 * (never shown, not even in part) unlocks the key, and the JWT verifies.
 */
async function expectPromptedJwt(k: KeyFixture, options: Pick<RunOptions, "runtime"> = {}): Promise<void> {
  const r = await purekitTty(pure1Args(APP_ID, k.file), [[promptFor(k), `${PW}\r`]], options);
  expect(r.error).toBeUndefined();
  expect(r.code).toBe(0);
  expect(r.output).not.toContain(PW);
  expect(r.output).not.toContain(PW.slice(0, 6));
  const claims = await verifyPure1Jwt(jwtIn(r.output), k.publicPem);
  expect(claims.iss).toBe(APP_ID);
}

/** `keygen --out <out> --password` on a terminal, answering both questions. */
const keygenTty = (out: string, first: string, repeat: string) =>
  purekitTty(
    ["keygen", "--out", out, "--password"],
    [
      ["Password for the new private key: ", `${first}\r`],
      ["Repeat the password: ", `${repeat}\r`],
    ],
  );

describe.skipIf(!hasPython)("password prompt on a terminal", () => {
  it.each(ENCRYPTED_KEYS)("asks for the password of an encrypted %s key without echoing it", (name) =>
    expectPromptedJwt(key(name)),
  );

  it("does not ask for an unencrypted key", async () => {
    const k = key("PKCS#8");
    const r = await purekitTty(pure1Args(APP_ID, k.file, "--expires", "1h"), []);
    expect(r.code).toBe(0);
    expect(r.output).not.toMatch(/Password/);
    await verifyPure1Jwt(jwtIn(r.output), k.publicPem);
  });

  it("a wrong password may be retried; Backspace edits", async () => {
    const k = key("encrypted PKCS#8");
    const r = await purekitTty(
      ["token", "flasharray", ...apiClientArgs(ANY_CLIENT), "--key", k.file, "--jwt-only"],
      [
        [promptFor(k), "not-it\r"],
        ["wrong password, try again", ""],
        [promptFor(k), `${PW}x\u007f\r`],
      ],
    );
    expect(r.code).toBe(0);
    expect(r.output).not.toContain("not-it");
    expect(r.output).not.toContain(PW);
    await verifyClientJwt(jwtIn(r.output), k.publicPem, ANY_CLIENT.keyId);
  });

  it("three wrong passwords fail with exit 1", async () => {
    const k = key("PKCS#12");
    const r = await purekitTty(
      pure1Args(APP_ID, k.file),
      ["wrong-one", "wrong-two", "wrong-three"].map((typed) => [promptFor(k), `${typed}\r`]),
    );
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/the password is wrong.*\[ERR_KEY_WRONG_PASSWORD\]/);
    expect(r.output).not.toMatch(/wrong-(one|two|three)/);
  });

  it("Ctrl-C at the prompt cancels with exit 130", async () => {
    const k = key("encrypted PKCS#8");
    const r = await purekitTty(pure1Args(APP_ID, k.file), [[promptFor(k), "abc\u0003"]]);
    expect(r.code).toBe(130);
    expect(r.output).toMatch(/purekit: cancelled/);
    expect(jwtIn(r.output)).toBe("");
  });

  it("keygen --password asks twice and writes a key only OpenSSL with that password opens", async () => {
    const out = tmp("tty-keygen.pem");
    const r = await keygenTty(out, PW, PW);
    expect(r.code).toBe(0);
    expect(r.output).not.toContain(PW);
    expect(readFileSync(out, "utf8")).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const pub = openssl(tmp(), "pkey", "-in", out, "-passin", `pass:${PW}`, "-pubout");
    expect(r.output.replace(/\r\n/g, "\n")).toContain(pub);
  });

  it("keygen --password with two different answers writes nothing (exit 2)", async () => {
    const out = tmp("tty-mismatch.pem");
    const r = await keygenTty(out, PW, "something else");
    expect(r.code).toBe(2);
    expect(r.output).toMatch(/the passwords do not match; nothing was written/);
    expect(() => statSync(out)).toThrow();
  });

  it("under Deno too: prompt without echo", () =>
    expectPromptedJwt(key("legacy encrypted PKCS#1"), { runtime: "deno" }));
});
