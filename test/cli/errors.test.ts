/**
 * Every bad input to the token and keygen commands, as a subprocess: the exit code
 * (1 failure, 2 usage), one clear line on stderr naming what is wrong and what to do,
 * nothing on stdout, and no secret — key password, private-key PEM, JWT — anywhere in
 * the output, whichever way the secret was given.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ANY_CLIENT,
  apiClientArgs,
  type CliResult,
  ENCRYPTED_KEYS,
  expectFailed,
  expectNoSecrets,
  openssl,
  PW,
  pure1Args,
  purekit,
  useKeyFixtures,
} from "./helpers.ts";

const APP_ID = "pure1:apikey:errorsTest01";
const WRONG = "wr0ng-Password-value";

const { tmp, keys, key } = useKeyFixtures("purekit-errors-");
let secrets: string[] = [];

beforeAll(() => {
  openssl(tmp(), "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.pem");
  openssl(tmp(), "genpkey", "-algorithm", "ed25519", "-out", "ed25519.pem");
  openssl(tmp(), "pkey", "-in", "pkcs8.pem", "-pubout", "-out", "public.pem");
  openssl(tmp(), "rsa", "-in", "pkcs8.pem", "-RSAPublicKey_out", "-out", "rsa-public.pem");
  mkdirSync(tmp("a-directory.pem"));
  // Lines of every private key file: none may ever be printed.
  const bodies = keys
    .filter((k) => k.file.endsWith(".pem"))
    .flatMap((k) =>
      readFileSync(k.file, "utf8")
        .split("\n")
        .filter((l) => l.length >= 60)
        .slice(0, 2),
    );
  secrets = [PW, WRONG, ...bodies];
}, 120_000);

/** `token pure1` for this file's application id, with `keyFile`. */
const appToken = (keyFile: string, ...more: string[]) => pure1Args(APP_ID, keyFile, ...more);

/** `token <kind> … --jwt-only`: signs only, so no array is needed. */
const jwtOnly = (kind: "flasharray" | "flashblade", ...more: string[]) => [
  "token",
  kind,
  ...apiClientArgs(ANY_CLIENT),
  "--jwt-only",
  ...more,
];

function expectFailure(r: CliResult, code: number, pattern: RegExp): void {
  expectFailed(r, code, pattern, secrets);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
}

describe("key errors (exit 1, never the key or the password)", () => {
  it.each(ENCRYPTED_KEYS)("wrong password for a %s key given with --password", async (name) => {
    const r = await purekit(appToken(key(name).file, "--password", WRONG));
    expectFailure(
      r,
      1,
      /could not be decrypted: the password is wrong.*the password came from --password \[ERR_KEY_WRONG_PASSWORD\]/,
    );
  });

  it("wrong password from the environment names the variable", async () => {
    const r = await purekit(jwtOnly("flasharray"), {
      env: { PURE_PRIVATE_KEY_FILE: key("encrypted PKCS#8").file, PURE_PRIVATE_KEY_PASSWORD: WRONG },
    });
    expectFailure(
      r,
      1,
      /the password is wrong.*came from PURE_PRIVATE_KEY_PASSWORD \[ERR_KEY_WRONG_PASSWORD\]/,
    );
  });

  it("wrong password on stdin", async () => {
    const r = await purekit(appToken(key("PKCS#12").file, "--password-stdin"), { input: WRONG });
    expectFailure(r, 1, /came from --password-stdin \[ERR_KEY_WRONG_PASSWORD\]/);
  });

  it.each(ENCRYPTED_KEYS)("%s key, no password and no terminal: says how to give it", async (name) => {
    const file = key(name).file;
    const r = await purekit(appToken(file));
    expectFailure(
      r,
      1,
      /is encrypted and no password was given \(stdin is not a terminal.*PURE1_PRIVATE_KEY_PASSWORD.*--password-stdin.*-p\/--password.*\[ERR_KEY_PASSWORD_REQUIRED\]/,
    );
    expect(r.stderr).toContain(file);
  });

  it("array commands name the array's variable for the missing password", async () => {
    const r = await purekit(jwtOnly("flashblade", "--key", key("encrypted PKCS#8").file));
    expectFailure(r, 1, /set PURE_PRIVATE_KEY_PASSWORD.*\[ERR_KEY_PASSWORD_REQUIRED\]/);
  });

  it.each([
    ["ec.pem", /ec\.pem is not an RSA key \(its algorithm is EC\).*purekit keygen.*\[ERR_KEY_NOT_RSA\]/],
    ["ed25519.pem", /ed25519\.pem is not an RSA key.*\[ERR_KEY_NOT_RSA\]/],
    [
      "public.pem",
      /public\.pem is a public key; purekit needs the private key that pairs with it \[ERR_KEY_PUBLIC_GIVEN\]/,
    ],
    ["rsa-public.pem", /rsa-public\.pem is .*public key.*\[ERR_KEY_PUBLIC_GIVEN\]/],
    ["cert.pem", /cert\.pem .*\[ERR_KEY_(PUBLIC_GIVEN|UNSUPPORTED|MALFORMED)\]/],
    [
      "no-such-file.pem",
      /Cannot read the private key file .*no-such-file\.pem: no such file \[ERR_KEY_UNREADABLE\]/,
    ],
    [
      "a-directory.pem",
      /Cannot read the private key file .*a-directory\.pem: it is a directory \[ERR_KEY_UNREADABLE\]/,
    ],
  ])("%s is refused clearly", async (file, pattern) => {
    expectFailure(await purekit(appToken(tmp(file), "--password", PW)), 1, pattern);
  });

  it("a file that is not a key at all", async () => {
    writeFileSync(tmp("notes.txt"), "not a key, just notes\n");
    const r = await purekit(appToken(tmp("notes.txt")));
    expectFailure(r, 1, /notes\.txt is not a private key purekit can read.*\[ERR_KEY_MALFORMED\]/);
  });
});

describe("usage errors (exit 2)", () => {
  it.each(["0s", "10", "1.5h", "5 minutes", "-1d", "11y", "1x", ""])(
    "--expires %j is refused",
    async (expires) => {
      const r = await purekit(appToken(key("PKCS#8").file, `--expires=${expires}`));
      expectFailure(
        r,
        2,
        /--expires .*(not a duration|at least 1s|longer than the 10y).*\[ERR_INVALID_ARGUMENT\]/,
      );
    },
  );

  it.each([
    [["token"], /purekit token <pure1\|flasharray\|flashblade\|api>/],
    [["token", "pure2"], /unknown token kind "pure2"/],
    [["token", "pure1", "--key", "k.pem"], /missing --app-id \(or set PURE1_APP_ID\)/],
    [["token", "pure1", "--app-id", "a"], /missing --key \(or set PURE1_PRIVATE_KEY_FILE\)/],
    [pure1Args("a", "k.pem", "--url", "https://x"), /--url, --ca and --insecure only apply with --exchange/],
    [
      ["token", "flasharray", ...apiClientArgs(ANY_CLIENT), "--key", "k.pem"],
      /missing --host \(or set PURE_HOST\)/,
    ],
    [["token", "api", "--username", "u"], /missing --host \(or set PURE_HOST\)/],
    [["token", "api", "--host", "array/api", "--username", "u"], /has a path; give only the host/],
    [["token", "pure1", "--frobnicate"], /Unknown option '--frobnicate'/],
    [appToken("k.pem", "extra"), /takes no arguments/],
    [appToken("k.pem", "--password", PW, "--password-stdin"), /not both/],
  ])("%j", async (args, pattern) => {
    expectFailed(await purekit(args), 2, pattern, secrets);
  });

  it("a password given on the command line is not echoed by a parse error either", async () => {
    const r = await purekit(["token", "pure1", "--password", PW, "--nonsense", "x"]);
    expect(r.code).toBe(2);
    expectNoSecrets(r, secrets);
  });
});
