/**
 * `purekit token pure1` and `purekit token flasharray|flashblade --jwt-only` as
 * subprocesses, on every key form (OpenSSL-made and keygen-made): each JWT is verified
 * independently with jose against the public key OpenSSL extracted (or keygen printed),
 * with every header field and claim checked, and exp − iat equal to --expires.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNoSecrets,
  type KeyFixture,
  openssl,
  opensslKeys,
  PW,
  passwordArgs,
  purekit,
  verifyJwt,
} from "./helpers.ts";

const APP_ID = "pure1:apikey:iRT5OwhslZVLWNGG";
const ARRAY = {
  clientId: "8a7d6c5b-client",
  keyId: "f1e2d3c4-key",
  issuer: "purekit-test-issuer",
  username: "pureuser",
};
const arrayArgs = [
  "--client-id",
  ARRAY.clientId,
  "--key-id",
  ARRAY.keyId,
  "--issuer",
  ARRAY.issuer,
  "--username",
  ARRAY.username,
];

let dir = "";
let keys: KeyFixture[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "purekit-token-jwt-"));
  keys = opensslKeys(dir);
  // The CLI's own keys, plain and encrypted.
  const plain = join(dir, "keygen.pem");
  const encrypted = join(dir, "keygen-encrypted.pem");
  const a = await purekit(["keygen", "--out", plain]);
  const b = await purekit(["keygen", "--out", encrypted, "--password-stdin"], { input: PW });
  expect(a.code).toBe(0);
  expect(b.code).toBe(0);
  keys.push({ name: "purekit keygen", file: plain, publicPem: a.stdout });
  keys.push({ name: "purekit keygen --password-stdin", file: encrypted, password: PW, publicPem: b.stdout });
  // keygen's public key is what OpenSSL derives from the private key.
  expect(openssl(dir, "pkey", "-in", encrypted, "-passin", `pass:${PW}`, "-pubout")).toBe(b.stdout);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

describe("purekit token pure1", () => {
  it.each(keyNames.map((n, i) => [n, i] as const))(
    "signs a Pure1 JWT with a %s key that verifies with its public key",
    async (_name, i) => {
      const key = keyAt(i);
      const r = await purekit([
        "token",
        "pure1",
        "--app-id",
        APP_ID,
        "--key",
        key.file,
        ...passwordArgs(key),
        "--expires",
        "30m",
      ]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const jwt = r.stdout.trim();
      expect(r.stdout).toBe(`${jwt}\n`);
      const claims = await verifyJwt(jwt, key.publicPem, { alg: "RS256", typ: "JWT" }, ["iss", "iat", "exp"]);
      expect(claims.iss).toBe(APP_ID);
      expect(claims.exp! - claims.iat!).toBe(30 * 60);
    },
  );

  it.each([
    ["90s", 90],
    ["12h", 12 * 3600],
    ["7d", 7 * 86_400],
    ["2w", 14 * 86_400],
    ["1y", 365 * 86_400],
  ])("--expires %s makes exp − iat = %i s", async (expires, seconds) => {
    const key = keyAt(0);
    const r = await purekit(["token", "pure1", "--app-id", APP_ID, "--key", key.file, "--expires", expires]);
    expect(r.code).toBe(0);
    const claims = await verifyJwt(r.stdout.trim(), key.publicPem, { alg: "RS256", typ: "JWT" }, [
      "iss",
      "iat",
      "exp",
    ]);
    expect(claims.exp! - claims.iat!).toBe(seconds);
  });

  it("defaults to one year, like the vendor's pure1_token_factory.py", async () => {
    const key = keyAt(0);
    const r = await purekit(["token", "pure1", "--app-id", APP_ID, "--key", key.file]);
    expect(r.code).toBe(0);
    const claims = await verifyJwt(r.stdout.trim(), key.publicPem, { alg: "RS256", typ: "JWT" }, [
      "iss",
      "iat",
      "exp",
    ]);
    expect(claims.exp! - claims.iat!).toBe(365 * 86_400);
  });

  it("reads PURE1_APP_ID, PURE1_PRIVATE_KEY_FILE and PURE1_PRIVATE_KEY_PASSWORD", async () => {
    const key = keyAt(2); // encrypted PKCS#8
    const r = await purekit(["token", "pure1", "--expires", "1h"], {
      env: { PURE1_APP_ID: APP_ID, PURE1_PRIVATE_KEY_FILE: key.file, PURE1_PRIVATE_KEY_PASSWORD: PW },
    });
    expect(r.code).toBe(0);
    const claims = await verifyJwt(r.stdout.trim(), key.publicPem, { alg: "RS256", typ: "JWT" }, [
      "iss",
      "iat",
      "exp",
    ]);
    expect(claims.iss).toBe(APP_ID);
    expectNoSecrets({ ...r, stdout: "" }, [PW]);
  });

  it("options win over the environment", async () => {
    const key = keyAt(0);
    const r = await purekit(["token", "pure1", "--app-id", "pure1:apikey:fromflag", "--key", key.file], {
      env: { PURE1_APP_ID: APP_ID, PURE1_PRIVATE_KEY_FILE: "/nonexistent/key.pem" },
    });
    expect(r.code).toBe(0);
    const claims = await verifyJwt(r.stdout.trim(), key.publicPem, { alg: "RS256", typ: "JWT" }, [
      "iss",
      "iat",
      "exp",
    ]);
    expect(claims.iss).toBe("pure1:apikey:fromflag");
  });

  it("takes the password from --password-stdin and -p", async () => {
    const key = keyAt(3); // legacy encrypted PKCS#1
    const a = await purekit(["token", "pure1", "--app-id", APP_ID, "--key", key.file, "--password-stdin"], {
      input: `${PW}\n`,
    });
    const b = await purekit(["token", "pure1", "--app-id", APP_ID, "--key", key.file, "-p", PW]);
    for (const r of [a, b]) {
      expect(r.code).toBe(0);
      await verifyJwt(r.stdout.trim(), key.publicPem, { alg: "RS256", typ: "JWT" }, ["iss", "iat", "exp"]);
    }
  });

  it("--json prints the token with its decoded header, claims and expiry", async () => {
    const key = keyAt(1);
    const r = await purekit([
      "token",
      "pure1",
      "--app-id",
      APP_ID,
      "--key",
      key.file,
      "--expires",
      "7d",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      type: string;
      token: string;
      header: unknown;
      claims: { iat: number; exp: number };
      expiresAt: string;
    };
    expect(j.type).toBe("jwt");
    const claims = await verifyJwt(j.token, key.publicPem, { alg: "RS256", typ: "JWT" }, [
      "iss",
      "iat",
      "exp",
    ]);
    expect(j.header).toEqual({ alg: "RS256", typ: "JWT" });
    expect(j.claims).toEqual(claims);
    expect(j.expiresAt).toBe(new Date(claims.exp! * 1000).toISOString());
  });
});

describe("purekit token flasharray|flashblade --jwt-only", () => {
  const header = { alg: "RS256", typ: "JWT", kid: ARRAY.keyId };
  const claimNames = ["aud", "sub", "iss", "iat", "exp"];

  it.each(keyNames.map((n, i) => [n, i] as const))(
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
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const claims = await verifyJwt(r.stdout.trim(), key.publicPem, header, claimNames);
      expect(claims).toMatchObject({ aud: ARRAY.clientId, sub: ARRAY.username, iss: ARRAY.issuer });
      expect(claims.exp! - claims.iat!).toBe(12 * 3600);
    },
  );

  it("flashblade signs the same JWT shape; --jwt-only defaults to one day and needs no --host", async () => {
    const key = keyAt(0);
    const r = await purekit(["token", "flashblade", ...arrayArgs, "--key", key.file, "--jwt-only"]);
    expect(r.code).toBe(0);
    const claims = await verifyJwt(r.stdout.trim(), key.publicPem, header, claimNames);
    expect(claims.exp! - claims.iat!).toBe(86_400);
  });

  it("reads PURE_CLIENT_ID, PURE_KEY_ID, PURE_ISSUER, PURE_USERNAME, PURE_PRIVATE_KEY_FILE, PURE_PRIVATE_KEY_PASSWORD", async () => {
    const key = keyAt(4); // PKCS#12
    const r = await purekit(["token", "flasharray", "--jwt-only", "--json"], {
      env: {
        PURE_CLIENT_ID: ARRAY.clientId,
        PURE_KEY_ID: ARRAY.keyId,
        PURE_ISSUER: ARRAY.issuer,
        PURE_USERNAME: ARRAY.username,
        PURE_PRIVATE_KEY_FILE: key.file,
        PURE_PRIVATE_KEY_PASSWORD: PW,
      },
    });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { token: string };
    const claims = await verifyJwt(j.token, key.publicPem, header, claimNames);
    expect(claims).toMatchObject({ aud: ARRAY.clientId, sub: ARRAY.username, iss: ARRAY.issuer });
  });

  it("names the missing option and its environment variable (exit 2)", async () => {
    const r = await purekit([
      "token",
      "flasharray",
      "--client-id",
      "c",
      "--key-id",
      "k",
      "--issuer",
      "i",
      "--key",
      keyAt(0).file,
      "--jwt-only",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing --username \(or set PURE_USERNAME\)/);
  });

  it("every --help lists the options, environment variables and exit codes", async () => {
    const pure1 = (await purekit(["token", "pure1", "--help"])).stdout;
    for (const word of [
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
    ]) {
      expect(pure1).toContain(word);
    }
    const fa = (await purekit(["token", "flasharray", "--help"])).stdout;
    for (const word of [
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
    ]) {
      expect(fa).toContain(word);
    }
    const api = (await purekit(["token", "api", "--help"])).stdout;
    for (const word of [
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
    ]) {
      expect(api).toContain(word);
    }
    const top = await purekit(["--help"]);
    expect(top.stdout).toMatch(/keygen/);
    expect(top.stdout).toMatch(/token pure1\|flasharray\|flashblade\|api/);
  });

  it("the key files were not changed by reading them", () => {
    for (const key of keys) expect(readFileSync(key.file).length).toBeGreaterThan(0);
  });
});

describe("under Deno (node_modules/.bin/deno run -A cli/purekit.ts)", () => {
  it.each(keyNames.map((n, i) => [n, i] as const))("token pure1 signs with a %s key", async (_name, i) => {
    const key = keyAt(i);
    const r = await purekit(
      ["token", "pure1", "--app-id", APP_ID, "--key", key.file, ...passwordArgs(key), "--expires", "1h"],
      {
        runtime: "deno",
      },
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const claims = await verifyJwt(r.stdout.trim(), key.publicPem, { alg: "RS256", typ: "JWT" }, [
      "iss",
      "iat",
      "exp",
    ]);
    expect(claims.iss).toBe(APP_ID);
    expect(claims.exp! - claims.iat!).toBe(3600);
  });

  it("token flasharray --jwt-only reads the environment and the password from stdin", async () => {
    const key = keyAt(2);
    const r = await purekit(["token", "flasharray", "--jwt-only", "--password-stdin", "--json"], {
      runtime: "deno",
      input: `${PW}\n`,
      env: {
        PURE_CLIENT_ID: ARRAY.clientId,
        PURE_KEY_ID: ARRAY.keyId,
        PURE_ISSUER: ARRAY.issuer,
        PURE_USERNAME: ARRAY.username,
        PURE_PRIVATE_KEY_FILE: key.file,
      },
    });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { token: string };
    const claims = await verifyJwt(j.token, key.publicPem, { alg: "RS256", typ: "JWT", kid: ARRAY.keyId }, [
      "aud",
      "sub",
      "iss",
      "iat",
      "exp",
    ]);
    expect(claims).toMatchObject({ aud: ARRAY.clientId, sub: ARRAY.username, iss: ARRAY.issuer });
  });

  it("keygen --password-stdin writes a 0600 encrypted key OpenSSL opens", async () => {
    const out = join(dir, "deno-keygen.pem");
    const r = await purekit(["keygen", "--out", out, "--password-stdin"], { runtime: "deno", input: PW });
    expect(r.code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(openssl(dir, "pkey", "-in", out, "-passin", `pass:${PW}`, "-pubout")).toBe(r.stdout);
  });

  it("errors are the same one line and exit code: missing password, bad --expires", async () => {
    const missing = await purekit(["token", "pure1", "--app-id", APP_ID, "--key", keyAt(2).file], {
      runtime: "deno",
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /is encrypted and no password was given.*\[ERR_KEY_PASSWORD_REQUIRED\]\n$/,
    );
    const expires = await purekit(
      ["token", "pure1", "--app-id", APP_ID, "--key", keyAt(0).file, "--expires", "soon"],
      { runtime: "deno" },
    );
    expect(expires.code).toBe(2);
    expect(expires.stdout).toBe("");
  });
});
