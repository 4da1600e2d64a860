/**
 * The runtime against the mock arrays, on Node (vitest) and on Deno (`deno test`) from
 * this one source: every auth form with every key format, negotiation and pagination, a
 * session expiring mid-pagination, a 401 storm, 429/503/busy retries, a timeout, an HTML
 * error page, TLS against this runtime's HTTPS mock server with a CA made at test time,
 * hostile servers, and a scan that no secret reaches an error message or a log line.
 *
 * Runner-neutral: `describe`/`it` from test/helpers/scenario.ts, assertions from
 * `node:assert`, files and processes through `node:*` modules both runtimes ship, servers
 * from test/helpers/serve.ts. test/runtime/scenarios.test.ts runs it on both.
 */

import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import process from "node:process";
import { createFlashArrayMock, createFlashBladeMock, createPure1Mock } from "../../../mock/index.ts";
import { createSelfSignedCertificate } from "../../../mock/tls/index.ts";
import { loadSigningKey, signArrayJwt, signPure1Jwt } from "../../../runtime/auth/jwt.ts";
import { createFlashArrayClient } from "../../../runtime/flasharray.ts";
import { createFlashBladeClient } from "../../../runtime/flashblade.ts";
import { type Logger, PureApiError, splitTimeWindow } from "../../../runtime/index.ts";
import { encryptPkcs8Pem, generateRsaKeyPair } from "../../../runtime/keys/index.ts";
import { createPure1Client } from "../../../runtime/pure1.ts";
import { INSECURE_WARNING } from "../../../runtime/transport/tls.ts";
import { capturingLogger } from "../../helpers/logs.ts";
import { it } from "../../helpers/scenario.ts";
import { serveMock, serveWeb } from "../../helpers/serve.ts";
import { inTempDir, openssl, selfSignedCertificate } from "./openssl.ts";

// ---------------------------------------------------------------- fixtures

const API_TOKEN = "T-0000-api-token-for-deno";
const USER_PASSWORD = "s3cret-user-pw-deno";
const KEY_PASSWORD = "k3y-passw0rd-deno!";
const BAD_PASSWORD = "wrong-pw-xyz-deno";
const BAD_API_TOKEN = "T-not-a-valid-token-deno";
const BAD_ACCESS_TOKEN = "not-valid-access-token-deno";
const APP_ID = "pure1:apikey:purekitDeno01";

/**
 * Every message the tests saw: log lines, and errors (message, stack, JSON, cause) through
 * `failure`, which also fails when a call succeeds. Scanned last.
 */
const { seen, logger, failure } = capturingLogger();
const fast = { retry: { retries: 3, minDelayMs: 1, maxDelayMs: 20 }, logger };

/**
 * Every credential that went over the wire (API tokens, session tokens, bearer access
 * tokens, both ways): the secret scan checks none of them reached a message or log line.
 */
const wireSecrets = new Set<string>();
const CREDENTIAL_HEADERS = ["api-token", "x-auth-token", "authorization"];
function recordCredentials(headers: Headers): void {
  for (const name of CREDENTIAL_HEADERS) {
    const value = headers.get(name)?.replace(/^Bearer /i, "");
    if (value && value.length >= 8) wireSecrets.add(value);
  }
}
/** A mock's in-process fetch that records the credentials it carries. */
function tap(mock: { fetch: typeof fetch }): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    recordCredentials(request.headers);
    const response = await mock.fetch(request);
    recordCredentials(response.headers);
    return response;
  };
}

/** One RSA key in every container format purekit reads, made with purekit and OpenSSL. */
const keys = await generateRsaKeyPair();
const formats = await inTempDir("purekit-scenario-keys-", async (dir) => {
  const pass = ["-passout", `pass:${KEY_PASSWORD}`];
  await writeFile(`${dir}/pkcs8.pem`, keys.privateKeyPem);
  await openssl(dir, "pkcs8", "-topk8", "-nocrypt", "-in", "pkcs8.pem", "-outform", "DER", "-out", "p8.der");
  await openssl(dir, "rsa", "-in", "pkcs8.pem", "-traditional", "-out", "pkcs1.pem");
  await openssl(dir, "rsa", "-in", "pkcs8.pem", "-traditional", "-outform", "DER", "-out", "pkcs1.der");
  await openssl(dir, "rsa", "-in", "pkcs8.pem", "-traditional", "-aes256", ...pass, "-out", "legacy.pem");
  await openssl(dir, "pkcs8", "-topk8", "-in", "pkcs8.pem", "-v2", "aes-256-cbc", ...pass, "-out", "e8.pem");
  await selfSignedCertificate(dir, "pkcs8.pem", "/CN=purekit-deno", "c.pem");
  await openssl(dir, "pkcs12", "-export", "-inkey", "pkcs8.pem", "-in", "c.pem", ...pass, "-out", "key.p12");
  return {
    pkcs8Der: new Uint8Array(await readFile(`${dir}/p8.der`)),
    pkcs1Pem: await readFile(`${dir}/pkcs1.pem`, "utf8"),
    pkcs1Der: new Uint8Array(await readFile(`${dir}/pkcs1.der`)),
    encryptedPkcs1Pem: await readFile(`${dir}/legacy.pem`, "utf8"),
    opensslEncryptedPkcs8Pem: await readFile(`${dir}/e8.pem`, "utf8"),
    pkcs12: new Uint8Array(await readFile(`${dir}/key.p12`)),
  };
});
const purekitEncryptedPkcs8 = await encryptPkcs8Pem(keys.privateKeyPem, KEY_PASSWORD, { iterations: 2048 });

/** A private key written to a fresh temporary file for the duration of `use`. */
function withKeyFile<T>(pem: string, use: (path: string) => Promise<T>): Promise<T> {
  return inTempDir("purekit-scenario-keyfile-", async (dir) => {
    await writeFile(`${dir}/key.pem`, pem);
    return use(`${dir}/key.pem`);
  });
}

const apiClient = {
  clientId: "client-deno",
  keyId: "key-deno",
  issuer: "purekit-deno-tests",
  publicKey: keys.publicKeyPem,
  enabled: true,
  maxRole: "array_admin",
};
const jwtClaims = {
  clientId: apiClient.clientId,
  keyId: apiClient.keyId,
  issuer: apiClient.issuer,
  username: "pureuser",
};

function faMock(extra: Parameters<typeof createFlashArrayMock>[0] = {}) {
  return createFlashArrayMock({
    users: [{ username: "pureuser", password: USER_PASSWORD }],
    apiTokens: [API_TOKEN],
    apiClients: [apiClient],
    ...extra,
  });
}

type FaAuth = Parameters<typeof createFlashArrayClient>[0]["auth"];

/** Runs `use`, then closes `servers` in order, also when `use` fails (Deno's sanitizers check they are). */
async function closing(servers: { close(): Promise<void> }[], use: () => Promise<void>): Promise<void> {
  try {
    await use();
  } finally {
    for (const server of servers) await server.close();
  }
}

// ---------------------------------------------------------------- FlashArray with an API token

{
  const array = faMock({ seed: { volumes: 1234 } });
  const urls: string[] = [];
  const connect = () =>
    createFlashArrayClient({
      host: array.baseUrl,
      auth: { apiToken: API_TOKEN },
      fetch: (input, init) => {
        const request = new Request(input, init);
        urls.push(request.url);
        return tap(array)(request);
      },
      ...fast,
    });

  it("FA apiToken: negotiates the newest common version and logs in once", async () => {
    const fa = await connect();
    assert.equal(fa.version, array.versions.at(-1));
    const { data, error } = await fa.GET("/volumes", { params: { query: { limit: 2 } } });
    assert.equal(error, undefined);
    assert.equal(data?.items?.length, 2);
    assert.equal(array.journal.count({ method: "POST", path: /\/login$/ }), 1);
    assert.ok(urls.some((u) => u.endsWith("/api/api_version")));
    await fa.close();
  });

  it("FA apiToken: typed calls and friendly methods create, read and update; errors[] is a typed PureApiError", async () => {
    const fa = await connect();
    const typed = await fa.unwrap(
      fa.POST("/volumes", { params: { query: { names: ["typed-v1"] } }, body: { provisioned: 2 ** 30 } }),
    );
    assert.equal(typed.items?.[0]?.name, "typed-v1");
    const created = await fa.postVolumes({ names: ["deno-v1"] }, { provisioned: 2 ** 30 });
    assert.equal(created.items?.[0]?.name, "deno-v1");
    assert.equal((await fa.getVolumes({ names: ["deno-v1"] })).items?.[0]?.provisioned, 2 ** 30);
    await fa.patchVolumes({ names: ["deno-v1"] }, { provisioned: 2 * 2 ** 30 });
    const read = await fa.getVolumes({ names: ["deno-v1"] });
    assert.equal(read.items?.[0]?.provisioned, 2 * 2 ** 30);
    await fa.GET("/volumes", { params: { query: { names: ["a", "b,c"] } } });
    assert.ok(urls.at(-1)?.includes("names=a,b%2Cc"), urls.at(-1));
    const { error } = await fa.GET("/volumes", { params: { query: { names: ["no-such-volume"] } } });
    assert.ok(error instanceof PureApiError);
    assert.equal(error.status, 400);
    assert.equal(error.errors[0]?.context, "no-such-volume");
    assert.match(error.requestId ?? "", /^[0-9a-f-]{36}$/);
    assert.equal(error.request.headers["x-auth-token"], "[REDACTED]");
    const thrown = await failure(fa.getVolumes({ names: ["no-such-volume"] }));
    assert.match(thrown.message, /no-such-volume/);
    await fa.close();
  });

  it("FA apiToken: paginate yields every item once, one request id, continuation tokens", async () => {
    const fa = await connect();
    const before = array.journal.entries.length;
    const names = new Set<string>();
    let n = 0;
    for await (const v of fa.paginate("/volumes", { params: { query: { limit: 100 } } })) {
      n++;
      names.add(String(v.name));
    }
    const pageCalls = array.journal.entries
      .slice(before)
      .filter((e) => e.method === "GET" && e.path.endsWith("/volumes"));
    const { total_item_count } = await fa.unwrap(
      fa.GET("/volumes", { params: { query: { limit: 1, total_item_count: true } } }),
    );
    assert.equal(n, total_item_count);
    assert.ok(n >= 1234, `only ${n} volumes`);
    assert.equal(names.size, n);
    assert.ok(pageCalls.length > 10, `${pageCalls.length} page calls`);
    assert.equal(new Set(pageCalls.map((e) => e.headers["x-request-id"])).size, 1);
    assert.ok(pageCalls.slice(1).every((e) => e.query.continuation_token && e.query.limit === "100"));
    await fa.close();
  });

  it("FA apiToken: pages yields whole pages with total_item_count", async () => {
    const fa = await connect();
    const sizes: (number | undefined)[] = [];
    for await (const page of fa.pages("/volumes", {
      params: { query: { limit: 500, total_item_count: true } },
    })) {
      sizes.push(page.items?.length);
      assert.ok((page.total_item_count ?? 0) > 1000);
    }
    assert.deepEqual(sizes.slice(0, 2), [500, 500]);
    assert.ok(sizes.length >= 3);
    await fa.close();
  });

  it("FA apiToken: close logs out once; later calls fail with ERR_CLOSED", async () => {
    const fa = await connect();
    await fa.getVolumes({ limit: 1 });
    const logouts = array.journal.count({ method: "POST", path: /\/logout$/ });
    await fa.close();
    assert.equal(array.journal.count({ method: "POST", path: /\/logout$/ }), logouts + 1);
    assert.equal((await failure(fa.getVolumes({ limit: 1 }))).code, "ERR_CLOSED");
  });
}

it("FA versions: speaks an older array's newest; a pinned version it lacks is ERR_VERSION_UNSUPPORTED, one it offers is used", async () => {
  const array = faMock({ versions: ["2.0", "2.10", "2.38"] });
  const base = { host: array.baseUrl, auth: { apiToken: API_TOKEN }, fetch: tap(array), ...fast };
  const fa = await createFlashArrayClient(base);
  assert.equal(fa.version, "2.38");
  await fa.getVolumes({ limit: 1 });
  assert.equal(array.journal.entries.at(-1)?.path, "/api/2.38/volumes");
  await fa.close();
  const e = await failure(createFlashArrayClient({ ...base, version: "2.40" }));
  assert.equal(e.code, "ERR_VERSION_UNSUPPORTED");
  assert.match(e.message, /2\.0, 2\.10, 2\.38/);
  const pinned = await createFlashArrayClient({ ...base, version: "2.10" });
  assert.equal(pinned.version, "2.10");
  await pinned.close();
});

// ---------------------------------------------------------------- every auth form, every key format

{
  const array = faMock();
  const base = { host: array.baseUrl, fetch: tap(array), ...fast };
  /** Connects with `auth`, lists one volume, logs out. */
  const works = async (auth: FaAuth) => {
    const fa = await createFlashArrayClient({ ...base, auth });
    const vols = await fa.getVolumes({ limit: 1 });
    assert.ok(Array.isArray(vols.items));
    await fa.close();
  };

  it("FA username/password: a REST 1.x API token, then a session; a wrong password is ERR_AUTH", async () => {
    await works({ username: "pureuser", password: USER_PASSWORD });
    assert.equal(array.journal.count({ method: "POST", path: /^\/api\/1\.\d+\/auth\/apitoken$/ }), 1);
    const e = await failure(
      createFlashArrayClient({ ...base, auth: { username: "pureuser", password: BAD_PASSWORD } }).then((c) =>
        c.getVolumes(),
      ),
    );
    assert.equal(e.code, "ERR_AUTH");
    assert.ok(!e.message.includes(BAD_PASSWORD));
  });

  it("FA apiToken: a wrong API token is ERR_AUTH naming the API token", async () => {
    const e = await failure(
      createFlashArrayClient({ ...base, auth: { apiToken: BAD_API_TOKEN } }).then((c) => c.getVolumes()),
    );
    assert.equal(e.code, "ERR_AUTH");
    assert.match(e.message, /API token/);
  });

  const keyForms: [string, { privateKey: string | Uint8Array; privateKeyPassword?: string }][] = [
    ["PKCS#8 PEM", { privateKey: keys.privateKeyPem }],
    ["PKCS#8 DER bytes", { privateKey: formats.pkcs8Der }],
    ["PKCS#1 PEM", { privateKey: formats.pkcs1Pem }],
    ["PKCS#1 DER bytes", { privateKey: formats.pkcs1Der }],
    [
      "encrypted PKCS#8 (purekit encryptPkcs8Pem)",
      { privateKey: purekitEncryptedPkcs8, privateKeyPassword: KEY_PASSWORD },
    ],
    [
      "encrypted PKCS#8 (OpenSSL AES-256)",
      { privateKey: formats.opensslEncryptedPkcs8Pem, privateKeyPassword: KEY_PASSWORD },
    ],
    [
      "encrypted PKCS#1 (OpenSSL legacy AES-256)",
      { privateKey: formats.encryptedPkcs1Pem, privateKeyPassword: KEY_PASSWORD },
    ],
    ["PKCS#12 bytes with password", { privateKey: formats.pkcs12, privateKeyPassword: KEY_PASSWORD }],
  ];
  it(`FA API client JWT exchange with every key format (${keyForms.map(([n]) => n).join(", ")})`, async () => {
    const exchanges = array.journal.count({ method: "POST", path: "/oauth2/1.0/token" });
    for (const [name, key] of keyForms) {
      try {
        await works({ ...jwtClaims, ...key });
      } catch (e) {
        throw new Error(`${name}: ${(e as Error).message}`, { cause: e });
      }
    }
    assert.equal(
      array.journal.count({ method: "POST", path: "/oauth2/1.0/token" }) - exchanges,
      keyForms.length,
    );
  });

  it("FA API client JWT with a PKCS#1 key file read through the platform adapter", async () => {
    await withKeyFile(formats.pkcs1Pem, (path) => works({ ...jwtClaims, privateKeyFile: path }));
    const missing = await failure(
      createFlashArrayClient({
        ...base,
        auth: { ...jwtClaims, privateKeyFile: "/nonexistent/purekit.pem" },
      }).then((c) => c.getVolumes()),
    );
    assert.equal(missing.code, "ERR_KEY_UNREADABLE");
    assert.match(missing.message, /\/nonexistent\/purekit\.pem/);
  });

  it("FA API client: a wrong key password is ERR_KEY_WRONG_PASSWORD; an unknown key id is ERR_AUTH", async () => {
    const wrong = await failure(
      createFlashArrayClient({
        ...base,
        auth: { ...jwtClaims, privateKey: purekitEncryptedPkcs8, privateKeyPassword: BAD_PASSWORD },
      }).then((c) => c.getVolumes()),
    );
    assert.equal(wrong.code, "ERR_KEY_WRONG_PASSWORD");
    const unknown = await failure(
      createFlashArrayClient({
        ...base,
        auth: { ...jwtClaims, keyId: "key-unknown", privateKey: keys.privateKeyPem },
      }).then((c) => c.getVolumes()),
    );
    assert.equal(unknown.code, "ERR_AUTH");
  });

  it("FA idToken: a valid one works, an expired one is ERR_AUTH_TOKEN_EXPIRED, garbage is ERR_AUTH_CONFIG", async () => {
    const key = await loadSigningKey({ privateKey: keys.privateKeyPem });
    await works({ idToken: await signArrayJwt(key, jwtClaims, { lifetimeSeconds: 600 }) });
    const old = await signArrayJwt(key, jwtClaims, { lifetimeSeconds: 60, now: Date.now() - 3_600_000 });
    const expired = await failure(
      createFlashArrayClient({ ...base, auth: { idToken: old } }).then((c) => c.getVolumes()),
    );
    assert.equal(expired.code, "ERR_AUTH_TOKEN_EXPIRED");
    assert.match(expired.message, /expired at .*sign a new one/);
    const bad = await failure(createFlashArrayClient({ ...base, auth: { idToken: "not-a-jwt" } }));
    assert.equal(bad.code, "ERR_AUTH_CONFIG");
  });

  it("FA accessToken: used as is; an invalid one is a 401 with no replay", async () => {
    const subject = await signArrayJwt(await loadSigningKey({ privateKey: keys.privateKeyPem }), jwtClaims);
    const res = await array.fetch(
      new Request(`${array.baseUrl}/oauth2/1.0/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
          subject_token: subject,
          subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
        }),
      }),
    );
    const { access_token } = (await res.json()) as { access_token: string };
    await works({ accessToken: access_token });
    const fa = await createFlashArrayClient({ ...base, auth: { accessToken: BAD_ACCESS_TOKEN } });
    const before = array.journal.entries.length;
    const { error } = await fa.GET("/volumes");
    assert.equal(error?.status, 401);
    assert.equal(array.journal.entries.length - before, 1);
    await fa.close();
  });
}

it("FlashBlade apiToken: logs in at /api/login, lists file systems, logs out at /api/logout", async () => {
  const array = createFlashBladeMock({ apiTokens: ["T-fb-token-for-deno"] });
  const fb = await createFlashBladeClient({
    host: array.baseUrl,
    auth: { apiToken: array.apiToken },
    fetch: tap(array),
    ...fast,
  });
  assert.equal(fb.version, array.versions.at(-1));
  const fs = await fb.getFileSystems({ limit: 5 });
  assert.ok(Array.isArray(fs.items));
  assert.equal(array.journal.count({ method: "POST", path: "/api/login" }), 1);
  await fb.close();
  assert.equal(array.journal.count({ method: "POST", path: "/api/logout" }), 1);
});

// ---------------------------------------------------------------- Pure1

{
  const mock = createPure1Mock({
    apps: [{ appId: APP_ID, publicKey: keys.publicKeyPem }],
    accessTokenTtlMs: 60_000,
  });
  const tokenCalls = () => mock.journal.count({ method: "POST", path: "/oauth2/1.0/token" });

  it("Pure1 app auth: exchanges an app JWT, paginates arrays, re-authenticates once on 403", async () => {
    const p1 = await createPure1Client({
      baseUrl: mock.baseUrl,
      auth: { appId: APP_ID, privateKey: keys.privateKeyPem },
      fetch: tap(mock),
      ...fast,
    });
    assert.equal(p1.version, "1.6");
    const all = [];
    for await (const a of p1.paginate("/arrays", { params: { query: { limit: 2 } } })) all.push(a);
    assert.ok(all.length > 2, `${all.length} arrays`);
    const exchanges = tokenCalls();
    mock.faults.add({ method: "GET", path: /\/arrays$/, status: 403, times: 1 });
    await p1.getArrays();
    assert.equal(tokenCalls(), exchanges + 1);
    await p1.close();
  });

  it("Pure1 app auth with an encrypted PKCS#8 key and a PKCS#12 file", async () => {
    for (const privateKey of [purekitEncryptedPkcs8, formats.pkcs12]) {
      const p1 = await createPure1Client({
        baseUrl: mock.baseUrl,
        auth: { appId: APP_ID, privateKey, privateKeyPassword: KEY_PASSWORD },
        fetch: tap(mock),
        ...fast,
      });
      assert.ok(Array.isArray((await p1.getArrays({ limit: 1 })).items));
      await p1.close();
    }
  });

  it("Pure1 env fallback: PURE1_APP_ID + PURE1_PRIVATE_KEY_FILE (+ password), then PURE1_ID_TOKEN; none says what to set", async () => {
    const vars = ["PURE1_APP_ID", "PURE1_PRIVATE_KEY_FILE", "PURE1_PRIVATE_KEY_PASSWORD", "PURE1_ID_TOKEN"];
    const saved = new Map(vars.map((v) => [v, process.env[v]]));
    for (const v of vars) delete process.env[v];
    try {
      await withKeyFile(formats.encryptedPkcs1Pem, async (path) => {
        process.env.PURE1_APP_ID = APP_ID;
        process.env.PURE1_PRIVATE_KEY_FILE = path;
        process.env.PURE1_PRIVATE_KEY_PASSWORD = KEY_PASSWORD;
        const before = tokenCalls();
        const p1 = await createPure1Client({ baseUrl: mock.baseUrl, fetch: tap(mock), ...fast });
        await p1.getArrays({ limit: 1 });
        assert.equal(tokenCalls(), before + 1);
        await p1.close();
      });
      for (const v of vars) delete process.env[v];

      const key = await loadSigningKey({ privateKey: keys.privateKeyPem });
      process.env.PURE1_ID_TOKEN = await signPure1Jwt(key, APP_ID, { lifetimeSeconds: 600 });
      const p1 = await createPure1Client({ baseUrl: mock.baseUrl, fetch: tap(mock), ...fast });
      await p1.getArrays({ limit: 1 });
      await p1.close();
      delete process.env.PURE1_ID_TOKEN;

      const e = await failure(createPure1Client({ baseUrl: mock.baseUrl, fetch: tap(mock), ...fast }));
      assert.equal(e.code, "ERR_AUTH_CONFIG");
      assert.match(e.message, /PURE1_APP_ID/);
    } finally {
      for (const [v, value] of saved) {
        if (value === undefined) delete process.env[v];
        else process.env[v] = value;
      }
    }
  });
}

// ---------------------------------------------------------------- re-auth

it("re-auth: a session expiring mid-pagination logs in again and the listing completes", async () => {
  // The mock's clock is the test's: a session outlives nothing by luck of the machine's load.
  let clock = Date.now();
  const array = faMock({ seed: { volumes: 600 }, sessionTtlMs: 1_000, now: () => clock });
  const fa = await createFlashArrayClient({
    host: array.baseUrl,
    auth: { apiToken: API_TOKEN },
    fetch: tap(array),
    ...fast,
  });
  let pages = 0;
  let items = 0;
  for await (const page of fa.pages("/volumes", { params: { query: { limit: 100 } } })) {
    pages++;
    items += page.items?.length ?? 0;
    clock += 1_001; // outlive the session between pages
  }
  assert.equal(pages, 6);
  assert.equal(items, 600);
  // Every page after the first found its session expired: one refusal and one new login each.
  assert.equal(array.journal.count({ method: "POST", path: /\/login$/ }), 6);
  const refused = array.journal.entries.filter((e) => e.path.endsWith("/volumes") && e.status === 401);
  assert.equal(refused.length, 5, `${refused.length} pages refused`);
  await fa.close();
});

it("re-auth: a 401 storm of 1000 concurrent calls causes exactly one new login", async () => {
  const array = faMock();
  const fa = await createFlashArrayClient({
    host: array.baseUrl,
    auth: { apiToken: API_TOKEN },
    fetch: tap(array),
    ...fast,
  });
  await fa.getVolumes({ limit: 1 });
  assert.equal(array.journal.count({ method: "POST", path: /\/login$/ }), 1);
  array.faults.add({
    method: "GET",
    path: /\/volumes$/,
    status: 401,
    times: 1000,
    body: { errors: [{ message: "Session expired" }] },
  });
  const results = await Promise.all(
    Array.from({ length: 1000 }, () => fa.GET("/volumes", { params: { query: { limit: 1 } } })),
  );
  assert.equal(results.filter((r) => r.error !== undefined).length, 0);
  assert.equal(array.journal.count({ method: "POST", path: /\/login$/ }), 2);
  await fa.close();
});

// ---------------------------------------------------------------- a busy, slow or broken array

{
  const array = faMock();
  const make = (extra: { timeoutMs?: number; retry?: { retries: number } } = {}) =>
    createFlashArrayClient({
      host: array.baseUrl,
      auth: { apiToken: API_TOKEN },
      fetch: tap(array),
      ...fast,
      ...extra,
    });
  const volumeGets = () => array.journal.count({ method: "GET", path: /\/volumes$/ });

  const busy: [string, { status: number; headers?: Record<string, string>; body?: unknown }][] = [
    ["429 with Retry-After", { status: 429, headers: { "retry-after": "0" } }],
    [
      "429 with rate-limit headers",
      { status: 429, headers: { "x-ratelimit-limit-second": "5", "x-ratelimit-remaining-second": "0" } },
    ],
    ["429 without any header", { status: 429 }],
    ["503", { status: 503 }],
    ["500 Server is busy", { status: 500, body: { errors: [{ message: "Server is busy" }] } }],
  ];
  for (const [name, fault] of busy) {
    it(`busy: retries ${name} twice and succeeds on the third attempt`, async () => {
      const fa = await make();
      array.faults.add({ method: "GET", path: /\/volumes$/, times: 2, ...fault });
      const before = volumeGets();
      await fa.getVolumes({ limit: 1 });
      assert.equal(volumeGets() - before, 3);
      await fa.close();
    });
  }

  it("busy: gives up after the configured retries with the last 503; a POST is not retried", async () => {
    const fa = await make();
    array.faults.add({ method: "GET", path: /\/volumes$/, status: 503, times: 10 });
    const before = volumeGets();
    const { error } = await fa.GET("/volumes");
    assert.equal(error?.status, 503);
    assert.equal(volumeGets() - before, 4);
    array.faults.clear();
    array.faults.add({ method: "POST", path: /\/volumes$/, status: 503, times: 1 });
    const posts = array.journal.count({ method: "POST", path: /\/volumes$/ });
    const post = await fa.POST("/volumes", { params: { query: { names: ["no-retry"] } }, body: {} });
    assert.equal(post.error?.status, 503);
    assert.equal(array.journal.count({ method: "POST", path: /\/volumes$/ }) - posts, 1);
    array.faults.clear();
    await fa.close();
  });

  it("slow: an array slower than timeoutMs is ERR_TIMEOUT", async () => {
    const fa = await make({ timeoutMs: 50, retry: { retries: 0 } });
    array.faults.add({ method: "GET", path: /\/volumes$/, latencyMs: 500, times: 1 });
    const e = await failure(fa.getVolumes({ limit: 1 }));
    assert.equal(e.code, "ERR_TIMEOUT");
    array.faults.clear();
    await fa.close();
  });

  it("broken: an HTML error page is ERR_BAD_RESPONSE saying so, with its status", async () => {
    const fa = await make();
    array.faults.add({ method: "GET", path: /\/volumes$/, status: 502, html: true, times: 1 });
    const e = await failure(fa.getVolumes({ limit: 1 }));
    assert.equal(e.code, "ERR_BAD_RESPONSE");
    assert.match(e.message, /HTML page/);
    assert.ok(e instanceof PureApiError);
    assert.equal(e.status, 502);
    array.faults.add({ path: "/api/api_version", status: 200, html: true, times: 1 });
    assert.equal((await failure(make())).code, "ERR_BAD_RESPONSE");
    await fa.close();
  });
}

// ---------------------------------------------------------------- TLS over this runtime's HTTPS mock server

{
  const certs = await createSelfSignedCertificate();
  const otherCerts = await createSelfSignedCertificate();
  const tlsArray = faMock({ seed: { volumes: 25 } });
  const serve = () => serveMock(tlsArray, { cert: certs.certPem, key: certs.keyPem });
  const tlsOptions = (tls: { ca?: string; insecure?: boolean }, log: Logger = logger) => ({
    auth: { apiToken: API_TOKEN },
    tls,
    ...fast,
    logger: log,
  });

  // A client with tls.ca makes a platform HTTP client; close() — and a failed
  // createFlashArrayClient — must release it, which Deno's resource sanitizer checks here.
  it("TLS: tls.ca with the CA made at test time verifies the HTTPS mock server", async () => {
    const server = await serve();
    await closing([server], async () => {
      assert.match(server.url, /^https:\/\/127\.0\.0\.1:\d+$/);
      const fa = await createFlashArrayClient({ host: server.url, ...tlsOptions({ ca: certs.caPem }) });
      assert.equal(fa.version, tlsArray.versions.at(-1));
      let n = 0;
      for await (const _ of fa.paginate("/volumes", { params: { query: { limit: 10 } } })) n++;
      assert.equal(n, 25);
      await fa.close();
    });
  });

  it("TLS: another CA, or none, fails clearly with ERR_TLS", async () => {
    const server = await serve();
    await closing([server], async () => {
      const wrong = await failure(
        createFlashArrayClient({ host: server.url, ...tlsOptions({ ca: otherCerts.caPem }) }),
      );
      assert.equal(wrong.code, "ERR_TLS");
      assert.match(
        wrong.message,
        new RegExp(`TLS verification of ${server.url.replace(/\./g, "\\.")} failed`),
      );
      assert.match(wrong.message, /tls\.ca did not issue it/);
      const none = await failure(createFlashArrayClient({ host: server.url, ...tlsOptions({}) }));
      assert.equal(none.code, "ERR_TLS");
      assert.match(none.message, /tls\.ca/);
      assert.ok(none.message.includes(server.url), none.message);
    });
  });

  it("TLS: tls.insecure works against the untrusted certificate and warns exactly once", async () => {
    const server = await serve();
    const lines: string[] = [];
    const warnings: string[] = [];
    const keep = (m: string) => void lines.push(m);
    const warn = (m: string) => {
      keep(m);
      warnings.push(m);
    };
    const log: Logger = { debug: keep, info: keep, warn, error: keep };
    try {
      const fa = await createFlashArrayClient({
        host: server.url,
        ...tlsOptions({ insecure: true }, log),
      });
      await fa.getVolumes({ limit: 1 });
      await fa.postVolumes({ names: ["insecure-v1"] }, { provisioned: 2 ** 20 });
      let n = 0;
      for await (const _ of fa.paginate("/volumes", { params: { query: { limit: 10 } } })) n++;
      assert.equal(n, 26); // the 25 seeded and the one just created
      await fa.close();
      assert.equal(lines.filter((l) => l === INSECURE_WARNING).length, 1);
      // The only warning, not one among others.
      assert.deepEqual(warnings, [INSECURE_WARNING]);
      // Request-log lines (`POST …?names=insecure-v1 → 200 …`) name the volume, not the mode.
      assert.equal(lines.filter((l) => /insecure/i.test(l) && !l.includes(" → ")).length, 1);
    } finally {
      seen.push(...lines);
      await server.close();
    }
  });
}

// ---------------------------------------------------------------- hostile servers (issue 9)

{
  const VERSIONS = { version: ["1.19", "2.38"] };
  /** A loopback server (test/helpers/serve.ts) that records every request (method, path, body). */
  async function hostile(
    handler: (request: Request, url: URL) => Response | Promise<Response>,
    tlsPair?: { cert: string; key: string },
  ) {
    const requests: { method: string; path: string; body: string; token: string | null }[] = [];
    const server = await serveWeb(async (request) => {
      const url = new URL(request.url);
      requests.push({
        method: request.method,
        path: url.pathname,
        body: await request.text(),
        token: request.headers.get("x-auth-token") ?? request.headers.get("api-token"),
      });
      if (url.pathname === "/api/api_version") return Response.json(VERSIONS);
      if (url.pathname === "/api/2.38/login") {
        return Response.json({ items: [{}] }, { headers: { "x-auth-token": "session-deno-hostile-01" } });
      }
      return handler(request, url);
    }, tlsPair);
    return { url: server.url, requests, close: () => server.close() };
  }
  /** An answer body that never ends (until the client hangs up). */
  const endless = () =>
    new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });

  it("redirects: a login or data call redirected to another origin is ERR_REDIRECT; nothing reaches it", async () => {
    const elsewhere = await hostile(() => Response.json({ items: [] }));
    const a = await hostile(
      (_request, url) =>
        new Response(null, { status: 307, headers: { location: `${elsewhere.url}${url.pathname}` } }),
    );
    await closing([a, elsewhere], async () => {
      const fa = await createFlashArrayClient({ host: a.url, auth: { apiToken: API_TOKEN }, ...fast });
      const e = await failure(fa.postVolumes({ names: ["v1"] }, { provisioned: 1 }));
      assert.equal(e.code, "ERR_REDIRECT");
      assert.match(e.message, /HTTP 307/);
      assert.ok(e.message.includes(elsewhere.url), e.message);
      assert.deepEqual(elsewhere.requests, []);
      await fa.close();
    });
  });

  it("redirects: with tls.ca (the platform transport) a same-origin 307 POST is replayed with its body, HTTPS→HTTP refused", async () => {
    const certs = await createSelfSignedCertificate();
    const plain = await hostile(() => Response.json({ items: [] }));
    const a = await hostile(
      (request, url) => {
        if (url.pathname === "/api/2.38/volumes") {
          return new Response(null, { status: 307, headers: { location: `/api/2.38/moved${url.search}` } });
        }
        if (url.pathname === "/api/2.38/moved") {
          return request.method === "POST"
            ? Response.json({ items: [{ name: "v1" }] })
            : new Response(null, { status: 302, headers: { location: `${plain.url}/api/2.38/hosts` } });
        }
        return Response.json({ errors: [{ message: "no" }] }, { status: 404 });
      },
      { cert: certs.certPem, key: certs.keyPem },
    );
    await closing([a, plain], async () => {
      const fa = await createFlashArrayClient({
        host: a.url,
        auth: { apiToken: API_TOKEN },
        tls: { ca: certs.caPem },
        ...fast,
      });
      const made = await fa.postVolumes({ names: ["v1"] }, { provisioned: 4096 });
      assert.equal(made.items?.[0]?.name, "v1");
      const posts = a.requests.filter((r) => r.method === "POST" && r.path !== "/api/2.38/login");
      assert.deepEqual(
        posts.map((r) => r.path),
        ["/api/2.38/volumes", "/api/2.38/moved"],
      );
      assert.equal(posts[1]?.body, posts[0]?.body);
      assert.equal(posts[1]?.token, "session-deno-hostile-01");
      const e = await failure(fa.getVolumes());
      assert.equal(e.code, "ERR_REDIRECT");
      assert.match(e.message, /HTTPS to plain HTTP/);
      assert.deepEqual(plain.requests, []);
      await fa.close();
    });
  });

  it("sizes: an endless answer is ERR_RESPONSE_TOO_LARGE (also api_version at creation); an endless error is read a few KB", async () => {
    const a = await hostile((_request, url) =>
      url.searchParams.has("names")
        ? new Response(endless(), { status: 400 })
        : new Response(endless(), { status: 200, headers: { "content-type": "application/json" } }),
    );
    const versionFlood = await serveWeb(() => new Response(endless()));
    await closing([a, versionFlood], async () => {
      const options = { auth: { apiToken: API_TOKEN }, maxResponseBytes: 1024 * 1024, ...fast };
      const fa = await createFlashArrayClient({ host: a.url, ...options });
      const big = await failure(fa.getVolumes());
      assert.equal(big.code, "ERR_RESPONSE_TOO_LARGE");
      const { error } = await fa.GET("/volumes", { params: { query: { names: ["v1"] } } });
      assert.ok(error instanceof PureApiError);
      assert.equal(error.status, 400);
      assert.ok((error.body?.length ?? 0) <= 2000);
      await fa.close();
      const atCreation = await failure(createFlashArrayClient({ host: versionFlood.url, ...options }));
      assert.equal(atCreation.code, "ERR_RESPONSE_TOO_LARGE");
    });
  });
}
// ---------------------------------------------------------------- the mock under hostile input

it("mock on this runtime's server: an oversized body answers 413 errors[], a deeply nested one 400 and stores nothing", async () => {
  const array = faMock({ seed: "empty", baseUrl: "http://127.0.0.1", maxRequestBytes: 64 * 1024 });
  const server = await serveMock(array);
  await closing([server], async () => {
    const login = await fetch(`${server.url}/api/${array.versions.at(-1)}/login`, {
      method: "POST",
      headers: { "api-token": API_TOKEN },
    });
    await login.body?.cancel();
    const headers = {
      "x-auth-token": login.headers.get("x-auth-token") ?? "",
      "content-type": "application/json",
    };
    const url = `${server.url}/api/${array.versions.at(-1)}/volumes?names=v1`;
    const big = await fetch(url, { method: "POST", headers, body: new Uint8Array(1024 * 1024).fill(32) });
    assert.equal(big.status, 413);
    assert.equal(((await big.json()) as { errors: { context: string }[] }).errors[0]?.context, "body");
    const deep = `{"provisioned":1048576,"qos":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}`;
    const nested = await fetch(url, { method: "POST", headers, body: deep });
    assert.equal(nested.status, 400);
    await nested.body?.cancel();
    assert.equal(array.state.collection("/volumes").size, 0);
  });
});

it("splitTimeWindow: 7 days at 30 s in windows of at most 10,000 points, no gap, no repeat", () => {
  const end = 1_700_000_000_000;
  const windows = splitTimeWindow({ start: end - 7 * 86_400_000, end, resolution: 30_000 });
  assert.deepEqual(
    windows.map((w) => w.points),
    [10_000, 10_000, 160],
  );
  for (let i = 1; i < windows.length; i++) {
    assert.equal(windows[i]?.start, (windows[i - 1]?.end as number) + 30_000);
  }
  assert.throws(() => splitTimeWindow({ start: 1, end: 0, resolution: 1 }), /start \(1\) is after end/);
});

// ---------------------------------------------------------------- the secret scan (last)

it("no secret in any error message or log line the tests above saw", () => {
  const pemLines = (pem: string) => pem.split("\n").filter((l) => l.length > 40);
  const secrets = [
    API_TOKEN,
    USER_PASSWORD,
    KEY_PASSWORD,
    BAD_PASSWORD,
    BAD_API_TOKEN,
    BAD_ACCESS_TOKEN,
    ...pemLines(keys.privateKeyPem),
    ...pemLines(formats.pkcs1Pem),
    ...pemLines(formats.encryptedPkcs1Pem),
    ...pemLines(purekitEncryptedPkcs8),
  ];
  secrets.push(...wireSecrets);
  assert.ok(wireSecrets.size > 20, `only ${wireSecrets.size} credentials were seen on the wire`);
  assert.ok(seen.length > 50, `only ${seen.length} lines were collected`);
  for (const line of seen) {
    for (const secret of secrets) assert.ok(!line.includes(secret), `secret in: ${line.slice(0, 200)}`);
    assert.doesNotMatch(line, /eyJ[A-Za-z0-9_-]{10,}\.eyJ/, `JWT in: ${line.slice(0, 200)}`);
  }
});
