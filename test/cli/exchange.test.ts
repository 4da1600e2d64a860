/**
 * The token commands against the mock arrays over real HTTPS (a node:https server per
 * mock, certificates from mock/tls, the CLI trusting them with --ca): each token the CLI
 * prints is then used on the mock, which proves it is a live credential; refusals, TLS
 * and network failures end with a clear message, exit 1, and no secret in the output.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { importPKCS8, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createFlashArrayMock,
  createFlashBladeMock,
  createPure1Mock,
  type MockArray,
} from "../../mock/index.ts";
import { closedPort } from "../helpers/proxy.ts";
import type { HttpsTestServer } from "../helpers/tls.ts";
import { bearerStatus, hostOf, httpsServers, loginStatus, writeTestCa } from "./arrays.ts";
import {
  type ApiClientIds,
  apiClientArgs,
  apiTokenArgs,
  type CliResult,
  expectFailed,
  expectNoSecrets,
  expectQuietSuccess,
  hasPython,
  openssl,
  PW,
  pure1Args,
  purekit,
  purekitTty,
  useTempDir,
} from "./helpers.ts";

const USER = "pureuser";
const USER_PASSWORD = "array-user-S3cret!";
const CLIENT = { clientId: "0d8e1a2b-api-client", keyId: "5c6d7e8f-key-id", issuer: "purekit-cli" };
const CLIENT_IDS: ApiClientIds = { ...CLIENT, username: USER };
const APP_ID = "pure1:apikey:cliTestApp12345";
const SKEW_MS = 3_600_000;

const tmp = useTempDir("purekit-exchange-");
let caFile = "";
let otherCaFile = "";
let keyFile = ""; // encrypted, made by purekit keygen
let wrongKeyFile = ""; // a key nobody registered
let privatePem = "";
let servers: ReturnType<typeof httpsServers>;
let fa: MockArray;
let fb: MockArray;
let pure1: MockArray;
let faHost = "";
let fbHost = "";
let pure1Url = "";
let skewedHost = "";
let redirectingHost = "";
let redirectTarget: HttpsTestServer;

beforeAll(async () => {
  const ca = await writeTestCa(tmp("ca.pem"));
  caFile = ca.caFile;
  otherCaFile = (await writeTestCa(tmp("other-ca.pem"))).caFile;

  keyFile = tmp("client.pem");
  const made = await purekit(["keygen", "--out", keyFile, "--password-stdin"], { input: PW });
  expect(made.code).toBe(0);
  const publicKey = made.stdout;
  privatePem = openssl(tmp(), "pkey", "-in", keyFile, "-passin", `pass:${PW}`);
  wrongKeyFile = tmp("stranger.pem");
  openssl(tmp(), "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", wrongKeyFile);

  const users = [{ username: USER, password: USER_PASSWORD }];
  const apiClients = [
    { ...CLIENT, publicKey, enabled: true, maxRole: "array_admin" },
    { clientId: "disabled-client", keyId: "disabled-key", issuer: CLIENT.issuer, publicKey, enabled: false },
  ];
  fa = createFlashArrayMock({ apiClients, users, seed: "empty" });
  fb = createFlashBladeMock({ apiClients, users, seed: "empty" });
  pure1 = createPure1Mock({ apps: [{ appId: APP_ID, publicKey }] });
  // A FlashArray whose clock runs an hour ahead, and says so in its Date header.
  const skewed = createFlashArrayMock({ apiClients, users, seed: "empty", now: () => Date.now() + SKEW_MS });
  await Promise.all([fa.ready, fb.ready, pure1.ready, skewed.ready]);

  servers = httpsServers(ca.certs);
  faHost = hostOf(await servers.serve((r) => fa.handle(r)));
  fbHost = hostOf(await servers.serve((r) => fb.handle(r)));
  pure1Url = (await servers.serve((r) => pure1.handle(r))).url;
  // An address that answers api_version but redirects every POST (the password, the JWT)
  // to another origin, which would accept them.
  redirectTarget = await servers.serve((r) => fa.handle(r));
  redirectingHost = hostOf(
    await servers.serve(async (r) => {
      const url = new URL(r.url);
      if (r.method !== "POST") return fa.handle(r);
      return new Response(null, {
        status: 307,
        headers: { location: `${redirectTarget.url}${url.pathname}` },
      });
    }),
  );
  skewedHost = hostOf(
    await servers.serve(async (r) => {
      const res = await skewed.handle(r);
      res.headers.set("date", new Date(Date.now() + SKEW_MS).toUTCString());
      return res;
    }),
  );
}, 120_000);

afterAll(() => servers?.close());

/** `token flasharray|flashblade` for an API client at `host`, signing with a key file. */
const clientToken = (
  host: string,
  {
    kind = "flasharray",
    ids = CLIENT_IDS,
    key = keyFile,
  }: { kind?: string; ids?: ApiClientIds; key?: string } = {},
): string[] => ["token", kind, "--host", host, ...apiClientArgs(ids), "--key", key];

/** The key's password and the mock's CA: what most commands here end with. */
const unlockedAndTrusted = () => ["-p", PW, "--ca", caFile];

/** `token api` as the array's user. */
const userToken = (host: string, ...more: string[]) => apiTokenArgs(host, USER, ...more);

/** `token pure1` for the registered application, signing with the keygen-made key. */
const appToken = (...more: string[]) => pure1Args(APP_ID, keyFile, ...more);

/** Every secret of this file: none may ever be printed by a failing command. */
const allSecrets = () => [
  PW,
  USER_PASSWORD,
  ...privatePem
    .split("\n")
    .filter((l) => l.length > 40)
    .slice(0, 3),
];

function expectFailure(r: CliResult, code: number, pattern: RegExp): void {
  expectFailed(r, code, pattern, allSecrets());
  // One clear line, not a stack trace.
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/** A refusal that needs nothing but its arguments: its name, arguments, exit code and message. */
type Refusal = [name: string, args: () => string[], code: number, pattern: RegExp];
const refuses = async (_name: string, args: () => string[], code: number, pattern: RegExp) =>
  expectFailure(await purekit(args()), code, pattern);

describe("token flasharray|flashblade: API client → access token", () => {
  it("FlashArray: the printed access token is accepted by the array (Bearer)", async () => {
    const r = await purekit([...clientToken(faHost), ...unlockedAndTrusted()]);
    const token = expectQuietSuccess(r);
    expect(r.stdout).toBe(`${token}\n`);
    expect(await bearerStatus(fa, "volumes", token)).toBe(200);
    expect(await bearerStatus(fa, "volumes", "not-a-token")).toBe(401);
  });

  it("FlashBlade: the same exchange, and --json gives token, type and expiry", async () => {
    const r = await purekit([...clientToken(fbHost, { kind: "flashblade" }), "--ca", caFile, "--json"], {
      env: { PURE_PRIVATE_KEY_PASSWORD: PW },
    });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, string>;
    expect(j).toMatchObject({
      type: "access_token",
      tokenType: "Bearer",
      username: USER,
      clientId: CLIENT.clientId,
    });
    expect(j.host).toBe(`https://${fbHost}`);
    // The mock's default access-token lifetime is one day.
    expect(Math.abs(Date.parse(j.expiresAt!) - Date.now() - 86_400_000)).toBeLessThan(120_000);
    expect(await bearerStatus(fb, "file-systems", j.token!)).toBe(200);
  });

  it("reads every option from PURE_* environment variables, including PURE_CA_FILE", async () => {
    const r = await purekit(["token", "flasharray"], {
      env: {
        PURE_HOST: faHost,
        PURE_CLIENT_ID: CLIENT.clientId,
        PURE_KEY_ID: CLIENT.keyId,
        PURE_ISSUER: CLIENT.issuer,
        PURE_USERNAME: USER,
        PURE_PRIVATE_KEY_FILE: keyFile,
        PURE_PRIVATE_KEY_PASSWORD: PW,
        PURE_CA_FILE: caFile,
      },
    });
    expect(r.code).toBe(0);
    expect(await bearerStatus(fa, "volumes", r.stdout.trim())).toBe(200);
  });

  it("re-signs once with the server's time when the array's clock is off, and says so", async () => {
    const r = await purekit([...clientToken(skewedHost), ...unlockedAndTrusted()]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/clock of https:\/\/127\.0\.0\.1:\d+ differs from ours by (3599|3600) s/);
    expectNoSecrets({ ...r, stdout: "" }, allSecrets());
  });

  it.each<Refusal>([
    [
      "a key the array does not know is refused: exit 1, the array's reason, no JWT or key printed",
      () => [...clientToken(faHost, { key: wrongKeyFile }), "--ca", caFile],
      1,
      /token exchange at https:\/\/127\.0\.0\.1:\d+ was refused: HTTP 401 .*signature verification failed.*\[ERR_AUTH\]/,
    ],
    [
      "a disabled API client is refused with the array's reason",
      () => [
        ...clientToken(faHost, {
          ids: { ...CLIENT_IDS, clientId: "disabled-client", keyId: "disabled-key" },
        }),
        ...unlockedAndTrusted(),
      ],
      1,
      /disabled.*\[ERR_AUTH\]/,
    ],
    [
      "a user that does not exist on the array is refused",
      () => [...clientToken(faHost, { ids: { ...CLIENT_IDS, username: "nobody" } }), ...unlockedAndTrusted()],
      1,
      /user 'nobody'.*\[ERR_AUTH\]/,
    ],
  ])("%s", refuses);
});

describe("token api: username and password → API token", () => {
  it("the printed API token logs in to the array (POST /api/2.N/login, api-token header)", async () => {
    const r = await purekit(userToken(faHost, "--password", USER_PASSWORD, "--ca", caFile));
    const token = expectQuietSuccess(r);
    expect(await loginStatus(fa, token)).toBe(200);
    // The REST 1.x call went to the highest 1.x the array lists.
    expect(fa.journal.count({ method: "POST", path: /^\/api\/1\.19\/auth\/apitoken$/ })).toBeGreaterThan(0);
  });

  it("reads PURE_HOST, PURE_USERNAME, PURE_PASSWORD and PURE_CA_FILE; --json names the user and host", async () => {
    const r = await purekit(["token", "api", "--json"], {
      env: { PURE_HOST: faHost, PURE_USERNAME: USER, PURE_PASSWORD: USER_PASSWORD, PURE_CA_FILE: caFile },
    });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, string>;
    expect(j).toMatchObject({ type: "api_token", username: USER, host: `https://${faHost}` });
    expect(await loginStatus(fa, j.token!)).toBe(200);
  });

  it("takes the password from --password-stdin", async () => {
    const r = await purekit(userToken(faHost, "--password-stdin", "--ca", caFile), {
      input: `${USER_PASSWORD}\n`,
    });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/\S{10,}/);
  });

  it("a wrong password: exit 1 with the array's reason, and neither password printed", async () => {
    const r = await purekit(userToken(faHost, "-p", "wrong-Passw0rd-xyz", "--ca", caFile));
    expectFailure(
      r,
      1,
      /Getting an API token for user "pureuser" at .* was refused: HTTP 401 \(Invalid username or password\.\).*\[ERR_AUTH\]/,
    );
    expect(r.stderr).not.toContain("wrong-Passw0rd-xyz");
  });

  it.skipIf(!hasPython)("on a terminal, asks for the user's password without echoing it", async () => {
    const r = await purekitTty(userToken(faHost, "--ca", caFile), [
      [`Password for ${USER} on ${faHost}: `, `${USER_PASSWORD}\r`],
    ]);
    expect(r.code).toBe(0);
    expect(r.output).not.toContain(USER_PASSWORD);
    const token = r.output.trim().split(/\s+/).at(-1)!;
    expect(await loginStatus(fa, token)).toBe(200);
  });

  it("no password and no terminal: exit 2, saying how to give it", async () => {
    const r = await purekit(userToken(faHost, "--ca", caFile));
    expectFailure(r, 2, /no password for pureuser .*PURE_PASSWORD.*--password-stdin.*-p\/--password/);
  });
});

describe("token pure1 --exchange", () => {
  it("exchanges the JWT at --url and prints a Pure1 access token that Pure1 accepts", async () => {
    const r = await purekit(appToken("-p", PW, "--exchange", "--url", pure1Url, "--ca", caFile));
    const token = expectQuietSuccess(r);
    expect(await bearerStatus(pure1, "arrays", token)).toBe(200);
    expect(await bearerStatus(pure1, "arrays", "nope")).toBe(403);
  });

  it("--json gives the access token and its expiry (Pure1: 10 hours)", async () => {
    const r = await purekit(["token", "pure1", "--exchange", "--url", pure1Url, "--ca", caFile, "--json"], {
      env: { PURE1_APP_ID: APP_ID, PURE1_PRIVATE_KEY_FILE: keyFile, PURE1_PRIVATE_KEY_PASSWORD: PW },
    });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, string>;
    expect(j).toMatchObject({ type: "access_token", tokenType: "Bearer", appId: APP_ID, url: pure1Url });
    expect(Math.abs(Date.parse(j.expiresAt!) - Date.now() - 36_000_000)).toBeLessThan(120_000);
  });

  it("exchanges a pre-generated ID token from PURE1_ID_TOKEN when no key is given", async () => {
    const jwt = (await purekit(appToken("-p", PW, "--expires", "1h"))).stdout.trim();
    const r = await purekit(["token", "pure1", "--exchange", "--url", pure1Url, "--ca", caFile], {
      env: { PURE1_ID_TOKEN: jwt },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(jwt);
    expect(await bearerStatus(pure1, "arrays", r.stdout.trim())).toBe(200);
  });

  it("an expired PURE1_ID_TOKEN is not sent: exit 1, ERR_AUTH_TOKEN_EXPIRED, token not printed", async () => {
    const key = await importPKCS8(privatePem, "RS256");
    const past = Math.floor(Date.now() / 1000) - 7200;
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256", typ: "JWT" })
      .setIssuer(APP_ID)
      .setIssuedAt(past)
      .setExpirationTime(past + 3600)
      .sign(key);
    const r = await purekit(["token", "pure1", "--exchange", "--url", pure1Url, "--ca", caFile], {
      env: { PURE1_ID_TOKEN: expired },
    });
    expectFailure(r, 1, /PURE1_ID_TOKEN expired at .*\[ERR_AUTH_TOKEN_EXPIRED\]/);
    expect(r.stderr).not.toContain(expired);
  });

  it("an unregistered application id is refused with Pure1's reason", async () => {
    const r = await purekit(
      pure1Args("pure1:apikey:unknown", keyFile, "-p", PW, "--exchange", "--url", pure1Url, "--ca", caFile),
    );
    expectFailure(r, 1, /no application has id 'pure1:apikey:unknown'.*\[ERR_AUTH\]/);
  });
});

describe("TLS and network failures", () => {
  it.each<Refusal>([
    [
      "verifies certificates by default: without --ca the self-signed mock is refused with a hint",
      () => [...clientToken(faHost), "-p", PW],
      1,
      /TLS verification of https:\/\/127\.0\.0\.1:\d+ failed: .*--ca <file>.*--insecure.*\[ERR_TLS\]/,
    ],
    [
      "a CA that did not issue the certificate is refused too",
      () => userToken(faHost, "-p", USER_PASSWORD, "--ca", otherCaFile),
      1,
      /TLS verification .* failed.*\[ERR_TLS\]/,
    ],
    [
      "--ca and --insecure together is bad usage",
      () => userToken(faHost, "-p", USER_PASSWORD, "--ca", caFile, "--insecure"),
      2,
      /give --ca or --insecure, not both/,
    ],
    [
      "an unreadable --ca file says so",
      () => userToken(faHost, "-p", USER_PASSWORD, "--ca", tmp("nope.pem")),
      1,
      /Cannot read the CA file .*nope\.pem.*\[ERR_TLS\]/,
    ],
    [
      "a --ca that is not a certificate says so",
      () => userToken(faHost, "-p", USER_PASSWORD, "--ca", keyFile),
      1,
      /holds a private key, not a certificate.*\[ERR_TLS\]/,
    ],
    [
      "plain http is refused before anything is sent",
      () => userToken(`http://${faHost}`, "-p", USER_PASSWORD),
      2,
      /plain http would send credentials in the clear/,
    ],
  ])("%s", refuses);

  it("--insecure connects without verification, with a warning", async () => {
    const r = await purekit(userToken(faHost, "-p", USER_PASSWORD, "--insecure"));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: TLS certificate verification is OFF \(--insecure\)/);
    expect(await loginStatus(fa, r.stdout.trim())).toBe(200);
  });

  it("an unknown host: exit 1, ERR_NETWORK naming the host", async () => {
    // The lookup is injected (test/helpers/no-dns.mjs): nothing goes to the system resolver.
    const r = await purekit(userToken("array.invalid", "-p", USER_PASSWORD), {
      env: {
        NODE_OPTIONS: `--import=${pathToFileURL(join(import.meta.dirname, "..", "helpers", "no-dns.mjs")).href}`,
      },
    });
    expectFailure(r, 1, /Cannot reach https:\/\/array\.invalid: .*\[ERR_NETWORK\]/);
  });

  it("a redirect to another origin: exit 1, ERR_REDIRECT, and the password and JWT go nowhere else", async () => {
    const api = await purekit(userToken(redirectingHost, "-p", USER_PASSWORD, "--ca", caFile));
    expectFailure(api, 1, /HTTP 307 redirecting to https:\/\/127\.0\.0\.1:\d+; refused.*\[ERR_REDIRECT\]/);
    const jwt = await purekit([...clientToken(redirectingHost), ...unlockedAndTrusted()]);
    expectFailure(jwt, 1, /\[ERR_REDIRECT\]/);
    expect(redirectTarget.seen).toEqual([]);
  });

  it("a port where nothing listens: exit 1, connection refused", async () => {
    const port = await closedPort();
    const r = await purekit([...clientToken(`127.0.0.1:${port}`), "-p", PW]);
    expectFailure(
      r,
      1,
      new RegExp(`Cannot reach https://127\\.0\\.0\\.1:${port}: connection refused.*\\[ERR_NETWORK\\]`),
    );
  });
});

describe("under Deno (node_modules/.bin/deno run -A cli/purekit.ts)", () => {
  const deno = { runtime: "deno" as const };

  it("token flasharray exchanges at the mock with --ca and prints a working access token", async () => {
    const r = await purekit([...clientToken(faHost), "--ca", caFile], {
      ...deno,
      env: { PURE_PRIVATE_KEY_PASSWORD: PW },
    });
    expect(await bearerStatus(fa, "volumes", expectQuietSuccess(r))).toBe(200);
  });

  it("token pure1 --exchange --url prints a Pure1 access token", async () => {
    const r = await purekit(appToken("--password-stdin", "--exchange", "--url", pure1Url, "--ca", caFile), {
      ...deno,
      input: PW,
    });
    expect(r.code).toBe(0);
    expect(await bearerStatus(pure1, "arrays", r.stdout.trim())).toBe(200);
  });

  it("token api with PURE_PASSWORD, and with --insecure (warned)", async () => {
    const env = { PURE_PASSWORD: USER_PASSWORD };
    const a = await purekit(userToken(faHost, "--ca", caFile), { ...deno, env });
    expect(a.code).toBe(0);
    expect(await loginStatus(fa, a.stdout.trim())).toBe(200);
    const b = await purekit(userToken(faHost, "--insecure"), { ...deno, env });
    expect(b.code).toBe(0);
    expect(b.stderr).toMatch(/warning: TLS certificate verification is OFF/);
  });

  it("verifies certificates by default, and fails cleanly on a closed port", async () => {
    const tls = await purekit(userToken(faHost, "-p", USER_PASSWORD), deno);
    expectFailure(tls, 1, /TLS verification of https:\/\/127\.0\.0\.1:\d+ failed.*--ca <file>.*\[ERR_TLS\]/);
    // A closed loopback port, not an unresolvable name: tests send nothing beyond loopback.
    const port = await closedPort();
    const refused = await purekit(userToken(`127.0.0.1:${port}`, "-p", USER_PASSWORD), deno);
    expectFailure(
      refused,
      1,
      new RegExp(`Cannot reach https://127\\.0\\.0\\.1:${port}: .*\\[ERR_NETWORK\\]`),
    );
  });

  it("a wrong user password is refused without printing it", async () => {
    const r = await purekit(userToken(faHost, "-p", "wrong-Passw0rd-xyz", "--ca", caFile), deno);
    expectFailure(r, 1, /HTTP 401 \(Invalid username or password\.\).*\[ERR_AUTH\]/);
    expect(r.stderr).not.toContain("wrong-Passw0rd-xyz");
  });
});
