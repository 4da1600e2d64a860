/**
 * `purekit token pure1` and `purekit token flasharray|flashblade --jwt-only` as
 * subprocesses, on every key form (OpenSSL-made and keygen-made): each JWT is verified
 * independently with jose against the public key OpenSSL extracted (or keygen printed),
 * with every header field and claim checked, and exp − iat equal to --expires.
 */
import { readFileSync, statSync } from "node:fs";
import type { JWTPayload } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ANY_CLIENT,
  type ApiClientIds,
  apiClientArgs,
  expectNoSecrets,
  expectQuietSuccess,
  type KeyFixture,
  openssl,
  PW,
  passwordArgs,
  pure1Args,
  purekit,
  type RunOptions,
  useKeyFixtures,
  verifyClientJwt,
  verifyPure1Jwt,
} from "./helpers.ts";

const APP_ID = "pure1:apikey:iRT5OwhslZVLWNGG";
const ARRAY = {
  clientId: "8a7d6c5b-client",
  keyId: "f1e2d3c4-key",
  issuer: "purekit-test-issuer",
  username: "pureuser",
} satisfies ApiClientIds;
const arrayArgs = apiClientArgs(ARRAY);

const { tmp, keys } = useKeyFixtures("purekit-token-jwt-");

beforeAll(async () => {
  // The CLI's own keys, plain and encrypted.
  const plain = tmp("keygen.pem");
  const encrypted = tmp("keygen-encrypted.pem");
  const a = await purekit(["keygen", "--out", plain]);
  const b = await purekit(["keygen", "--out", encrypted, "--password-stdin"], { input: PW });
  expect(a.code).toBe(0);
  expect(b.code).toBe(0);
  keys.push({ name: "purekit keygen", file: plain, publicPem: a.stdout });
  keys.push({ name: "purekit keygen --password-stdin", file: encrypted, password: PW, publicPem: b.stdout });
  // keygen's public key is what OpenSSL derives from the private key.
  expect(openssl(tmp(), "pkey", "-in", encrypted, "-passin", `pass:${PW}`, "-pubout")).toBe(b.stdout);
}, 120_000);

const keyNames = [
  "PKCS#8",
  "PKCS#1",
  "encrypted PKCS#8",
  "legacy encrypted PKCS#1",
  "PKCS#12",
  "keygen",
  "keygen encrypted",
];
const keyAt = (i: number) => keys[i]!;
const everyKey = keyNames.map((n, i) => [n, i] as const);

/** The API client's settings as PURE_* variables, with the key file. */
const arrayEnv = (keyFile: string) => ({
  PURE_CLIENT_ID: ARRAY.clientId,
  PURE_KEY_ID: ARRAY.keyId,
  PURE_ISSUER: ARRAY.issuer,
  PURE_USERNAME: ARRAY.username,
  PURE_PRIVATE_KEY_FILE: keyFile,
});

/** Asserts the command succeeded and printed a Pure1 JWT that `key` verifies; returns its claims. */
async function pure1Claims(r: { code: number | null; stdout: string }, key: KeyFixture): Promise<JWTPayload> {
  expect(r.code).toBe(0);
  return verifyPure1Jwt(r.stdout.trim(), key.publicPem);
}

/** Verifies an API-client JWT against `key` and checks it names this file's client, user and issuer. */
async function expectArrayJwt(jwt: string, key: KeyFixture): Promise<JWTPayload> {
  const claims = await verifyClientJwt(jwt, key.publicPem, ARRAY.keyId);
  expect(claims).toMatchObject({ aud: ARRAY.clientId, sub: ARRAY.username, iss: ARRAY.issuer });
  return claims;
}

/**
 * `token pure1 --expires <expires>` with `key` (its password as an option): one line,
 * nothing on stderr, a JWT for APP_ID that the public key verifies, valid `seconds` long.
 */
async function expectPure1Signs(key: KeyFixture, expires: string, seconds: number, options: RunOptions = {}) {
  const r = await purekit(pure1Args(APP_ID, key.file, ...passwordArgs(key), "--expires", expires), options);
  const jwt = expectQuietSuccess(r);
  expect(r.stdout).toBe(`${jwt}\n`);
  const claims = await verifyPure1Jwt(jwt, key.publicPem);
  expect(claims.iss).toBe(APP_ID);
  expect(claims.exp! - claims.iat!).toBe(seconds);
}

describe("purekit token pure1", () => {
  it.each(everyKey)("signs a Pure1 JWT with a %s key that verifies with its public key", (_name, i) =>
    expectPure1Signs(keyAt(i), "30m", 30 * 60),
  );

  it.each([
    ["90s", 90],
    ["12h", 12 * 3600],
    ["7d", 7 * 86_400],
    ["2w", 14 * 86_400],
    ["1y", 365 * 86_400],
  ])("--expires %s makes exp − iat = %i s", async (expires, seconds) => {
    const key = keyAt(0);
    const claims = await pure1Claims(await purekit(pure1Args(APP_ID, key.file, "--expires", expires)), key);
    expect(claims.exp! - claims.iat!).toBe(seconds);
  });

  it("defaults to one year, like the vendor's pure1_token_factory.py", async () => {
    const key = keyAt(0);
    const claims = await pure1Claims(await purekit(pure1Args(APP_ID, key.file)), key);
    expect(claims.exp! - claims.iat!).toBe(365 * 86_400);
  });

  it("reads PURE1_APP_ID, PURE1_PRIVATE_KEY_FILE and PURE1_PRIVATE_KEY_PASSWORD", async () => {
    const key = keyAt(2); // encrypted PKCS#8
    const r = await purekit(["token", "pure1", "--expires", "1h"], {
      env: { PURE1_APP_ID: APP_ID, PURE1_PRIVATE_KEY_FILE: key.file, PURE1_PRIVATE_KEY_PASSWORD: PW },
    });
    const claims = await pure1Claims(r, key);
    expect(claims.iss).toBe(APP_ID);
    expectNoSecrets({ ...r, stdout: "" }, [PW]);
  });

  it("options win over the environment", async () => {
    const key = keyAt(0);
    const r = await purekit(pure1Args("pure1:apikey:fromflag", key.file), {
      env: { PURE1_APP_ID: APP_ID, PURE1_PRIVATE_KEY_FILE: "/nonexistent/key.pem" },
    });
    expect((await pure1Claims(r, key)).iss).toBe("pure1:apikey:fromflag");
  });

  it("takes the password from --password-stdin and -p", async () => {
    const key = keyAt(3); // legacy encrypted PKCS#1
    const a = await purekit(pure1Args(APP_ID, key.file, "--password-stdin"), { input: `${PW}\n` });
    const b = await purekit(pure1Args(APP_ID, key.file, "-p", PW));
    for (const r of [a, b]) await pure1Claims(r, key);
  });

  it("--json prints the token with its decoded header, claims and expiry", async () => {
    const key = keyAt(1);
    const r = await purekit(pure1Args(APP_ID, key.file, "--expires", "7d", "--json"));
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      type: string;
      token: string;
      header: unknown;
      claims: { iat: number; exp: number };
      expiresAt: string;
    };
    expect(j.type).toBe("jwt");
    const claims = await verifyPure1Jwt(j.token, key.publicPem);
    expect(j.header).toEqual({ alg: "RS256", typ: "JWT" });
    expect(j.claims).toEqual(claims);
    expect(j.expiresAt).toBe(new Date(claims.exp! * 1000).toISOString());
  });
});

describe("purekit token flasharray|flashblade --jwt-only", () => {
  it.each(everyKey)(
    "signs an API-client JWT with a %s key (header kid; aud, sub, iss, iat, exp)",
    async (_name, i) => {
      const key = keyAt(i);
      const r = await purekit([
        "token",
        "flasharray",
        ...arrayArgs,
        "--key",
        key.file,
        ...passwordArgs(key),
        "--jwt-only",
        "--expires",
        "12h",
      ]);
      const claims = await expectArrayJwt(expectQuietSuccess(r), key);
      expect(claims.exp! - claims.iat!).toBe(12 * 3600);
    },
  );

  it("flashblade signs the same JWT shape; --jwt-only defaults to one day and needs no --host", async () => {
    const key = keyAt(0);
    const r = await purekit(["token", "flashblade", ...arrayArgs, "--key", key.file, "--jwt-only"]);
    expect(r.code).toBe(0);
    const claims = await verifyClientJwt(r.stdout.trim(), key.publicPem, ARRAY.keyId);
    expect(claims.exp! - claims.iat!).toBe(86_400);
  });

  it("reads PURE_CLIENT_ID, PURE_KEY_ID, PURE_ISSUER, PURE_USERNAME, PURE_PRIVATE_KEY_FILE, PURE_PRIVATE_KEY_PASSWORD", async () => {
    const key = keyAt(4); // PKCS#12
    const r = await purekit(["token", "flasharray", "--jwt-only", "--json"], {
      env: { ...arrayEnv(key.file), PURE_PRIVATE_KEY_PASSWORD: PW },
    });
    expect(r.code).toBe(0);
    await expectArrayJwt((JSON.parse(r.stdout) as { token: string }).token, key);
  });

  it("names the missing option and its environment variable (exit 2)", async () => {
    const r = await purekit([
      "token",
      "flasharray",
      ...apiClientArgs({ ...ANY_CLIENT, username: undefined }),
      "--key",
      keyAt(0).file,
      "--jwt-only",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing --username \(or set PURE_USERNAME\)/);
  });

  it.each([
    [
      "token pure1",
      [
        "--app-id",
        "--key",
        "--expires",
        "--exchange",
        "--url",
        "--ca",
        "--insecure",
        "--json",
        "PURE1_APP_ID",
        "PURE1_PRIVATE_KEY_FILE",
        "PURE1_PRIVATE_KEY_PASSWORD",
        "PURE1_ID_TOKEN",
        "Exit codes",
      ],
    ],
    [
      "token flasharray",
      [
        "--host",
        "--client-id",
        "--key-id",
        "--issuer",
        "--username",
        "--jwt-only",
        "--ca",
        "--insecure",
        "--json",
        "PURE_HOST",
        "PURE_CLIENT_ID",
        "PURE_KEY_ID",
        "PURE_ISSUER",
        "PURE_USERNAME",
        "PURE_PRIVATE_KEY_FILE",
        "PURE_PRIVATE_KEY_PASSWORD",
        "PURE_CA_FILE",
        "Exit codes",
      ],
    ],
    [
      "token api",
      [
        "--host",
        "--username",
        "--password",
        "--password-stdin",
        "--ca",
        "--insecure",
        "--json",
        "PURE_HOST",
        "PURE_USERNAME",
        "PURE_PASSWORD",
        "PURE_CA_FILE",
        "Exit codes",
      ],
    ],
  ])("every --help lists the options, environment variables and exit codes: %s", async (command, words) => {
    const help = (await purekit([...command.split(" "), "--help"])).stdout;
    for (const word of words) expect(help).toContain(word);
  });

  it("the top-level --help lists keygen and the token kinds", async () => {
    const top = await purekit(["--help"]);
    expect(top.stdout).toMatch(/keygen/);
    expect(top.stdout).toMatch(/token pure1\|flasharray\|flashblade\|api/);
  });

  it("the key files were not changed by reading them", () => {
    for (const key of keys) expect(readFileSync(key.file).length).toBeGreaterThan(0);
  });
});

describe("under Deno (node_modules/.bin/deno run -A cli/purekit.ts)", () => {
  const deno = { runtime: "deno" as const };

  it.each(everyKey)("token pure1 signs with a %s key", (_name, i) =>
    expectPure1Signs(keyAt(i), "1h", 3600, deno),
  );

  it("token flasharray --jwt-only reads the environment and the password from stdin", async () => {
    const key = keyAt(2);
    const r = await purekit(["token", "flasharray", "--jwt-only", "--password-stdin", "--json"], {
      ...deno,
      input: `${PW}\n`,
      env: arrayEnv(key.file),
    });
    expect(r.code).toBe(0);
    await expectArrayJwt((JSON.parse(r.stdout) as { token: string }).token, key);
  });

  it("keygen --password-stdin writes a 0600 encrypted key OpenSSL opens", async () => {
    const out = tmp("deno-keygen.pem");
    const r = await purekit(["keygen", "--out", out, "--password-stdin"], { ...deno, input: PW });
    expect(r.code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(openssl(tmp(), "pkey", "-in", out, "-passin", `pass:${PW}`, "-pubout")).toBe(r.stdout);
  });

  it("errors are the same one line and exit code: missing password, bad --expires", async () => {
    const missing = await purekit(pure1Args(APP_ID, keyAt(2).file), deno);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /is encrypted and no password was given.*\[ERR_KEY_PASSWORD_REQUIRED\]\n$/,
    );
    const expires = await purekit(pure1Args(APP_ID, keyAt(0).file, "--expires", "soon"), deno);
    expect(expires.code).toBe(2);
    expect(expires.stdout).toBe("");
  });
});
