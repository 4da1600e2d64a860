/**
 * The clients against the mock arrays: every auth form, negotiation,
 * pagination, re-auth, retries, timeouts, bad answers, and a scan that no
 * secret reaches an error or a log line.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createFlashArrayMock, createFlashBladeMock, createPure1Mock } from "../../mock/index.ts";
import { startNodeMockServer } from "../../mock/server/node.ts";
import { createSelfSignedCertificate } from "../../mock/tls/index.ts";
import { loadSigningKey, signArrayJwt, signPure1Jwt } from "../../runtime/auth/jwt.ts";
import { createFlashArrayClient } from "../../runtime/flasharray.ts";
import { createFlashBladeClient } from "../../runtime/flashblade.ts";
import { PureApiError, PurekitError } from "../../runtime/index.ts";
import { encryptPkcs8Pem, generateRsaKeyPair } from "../../runtime/keys/index.ts";
import { createPure1Client } from "../../runtime/pure1.ts";
import { capturingLogger } from "../helpers/logs.ts";

const dir = mkdtempSync(join(tmpdir(), "purekit-client-"));
const PASSWORD = "k3y-passw0rd!";
const USER_PASSWORD = "s3cret-user-pw";

/** Every message a test saw: errors and log lines. The secret scan reads them at the end. */
const { seen, logger } = capturingLogger();
async function failure(p: Promise<unknown>): Promise<PurekitError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PurekitError);
    const err = e as PurekitError;
    seen.push(
      err.message,
      String(err.stack),
      JSON.stringify(err),
      String((err.cause as Error | undefined)?.message ?? ""),
    );
    return err;
  }
  throw new Error("expected a failure");
}
const fast = { retry: { retries: 3, minDelayMs: 1, maxDelayMs: 20 }, logger };

const keys = await generateRsaKeyPair();
const pkcs1Path = join(dir, "pkcs1.pem");
writeFileSync(join(dir, "pkcs8.pem"), keys.privateKeyPem);
execFileSync("openssl", ["rsa", "-in", join(dir, "pkcs8.pem"), "-traditional", "-out", pkcs1Path], {
  stdio: "ignore",
});
const encrypted = await encryptPkcs8Pem(keys.privateKeyPem, PASSWORD, { iterations: 2048 });
const client = {
  clientId: "client-1",
  keyId: "key-1",
  issuer: "purekit-tests",
  publicKey: keys.publicKeyPem,
  enabled: true,
  maxRole: "array_admin",
};

function faMock(extra: Parameters<typeof createFlashArrayMock>[0] = {}) {
  return createFlashArrayMock({
    users: [{ username: "pureuser", password: USER_PASSWORD }],
    apiTokens: ["T-0000-api-token-for-tests"],
    apiClients: [client],
    ...extra,
  });
}

describe("FlashArray with an API token", async () => {
  const array = faMock({ seed: { volumes: 1234 } });
  const urls: string[] = [];
  const fa = await createFlashArrayClient({
    host: array.baseUrl,
    auth: { apiToken: array.apiToken },
    fetch: (input, init) => {
      const req = new Request(input, init);
      urls.push(req.url);
      return array.fetch(req);
    },
    ...fast,
  });
  afterAll(() => fa.close());

  it("negotiates the newest common version and logs in once", async () => {
    expect(fa.version).toBe(array.versions.at(-1));
    const { data, error } = await fa.GET("/volumes", { params: { query: { limit: 2 } } });
    expect(error).toBeUndefined();
    expect(data?.items).toHaveLength(2);
    expect(array.journal.count({ method: "POST", path: /\/login$/ })).toBe(1);
  });

  it("creates, reads, updates through typed calls and friendly methods", async () => {
    const created = await fa.unwrap(
      fa.POST("/volumes", { params: { query: { names: ["purekit-v1"] } }, body: { provisioned: 1 << 30 } }),
    );
    expect(created.items?.[0]?.name).toBe("purekit-v1");
    const vols = await fa.getVolumes({ names: ["purekit-v1"] });
    expect(vols.items?.[0]?.provisioned).toBe(1 << 30);
    await fa.patchVolumes({ names: ["purekit-v1"] }, { provisioned: 2 * 2 ** 30 });
    expect((await fa.getVolumes({ names: ["purekit-v1"] })).items?.[0]?.provisioned).toBe(2 * 2 ** 30);
  });

  it("friendly methods take only what the operation has: body-only and option-only forms", async () => {
    const before = array.journal.entries.length;
    await fa.patchAdminsSettings({ lockout_duration: 60_000 }).catch(() => undefined);
    const patch = array.journal.entries.slice(before).find((e) => e.method === "PATCH");
    expect(patch?.path).toBe(`/api/${fa.version}/admins/settings`);
    expect(patch?.query).toEqual({});
    // An operation without query or body takes just the call options.
    const aborted = await failure(fa.getArraysNtpTest({ signal: AbortSignal.abort() }));
    expect(aborted.code).toBe("ERR_ABORTED");
  });

  it("keeps a caller's X-Request-ID on every page", async () => {
    const before = array.journal.entries.length;
    let pages = 0;
    for await (const _ of fa.pages("/volumes", {
      params: { query: { limit: 500 } },
      headers: { "X-Request-ID": "mine-123" },
    }))
      pages++;
    const ids = array.journal.entries.slice(before).map((e) => e.headers["x-request-id"]);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(ids)).toEqual(new Set(["mine-123"]));
  });

  it("sends list parameters comma-separated with each element encoded", async () => {
    await fa.GET("/volumes", { params: { query: { names: ["a", "b,c"] } } });
    expect(urls.at(-1)).toContain("names=a,b%2Cc");
  });

  it("gives the array's errors[] as a typed PureApiError", async () => {
    const { error } = await fa.GET("/volumes", { params: { query: { names: ["no-such-volume"] } } });
    expect(error).toBeInstanceOf(PureApiError);
    expect(error?.status).toBe(400);
    expect(error?.errors[0]?.context).toBe("no-such-volume");
    expect(error?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error?.request.headers["x-auth-token"]).toBe("[REDACTED]");
    const thrown = await failure(fa.getVolumes({ names: ["no-such-volume"] }));
    expect(thrown.message).toContain("no-such-volume");
  });

  it("paginates every item with continuation tokens, one request id, constant page size", async () => {
    const before = array.journal.entries.length;
    let n = 0;
    const names = new Set<string>();
    for await (const v of fa.paginate("/volumes", { params: { query: { limit: 100 } } })) {
      n++;
      names.add(String(v.name));
    }
    const total = (
      await fa.unwrap(fa.GET("/volumes", { params: { query: { limit: 1, total_item_count: true } } }))
    ).total_item_count;
    expect(n).toBe(total);
    expect(names.size).toBe(n);
    const pageCalls = array.journal.entries
      .slice(before)
      .filter((e) => e.method === "GET" && e.path.endsWith("/volumes"));
    expect(pageCalls.length).toBeGreaterThan(10);
    expect(new Set(pageCalls.slice(0, -1).map((e) => e.headers["x-request-id"])).size).toBe(1);
    expect(pageCalls.slice(1, -1).every((e) => e.query.continuation_token && e.query.limit === "100")).toBe(
      true,
    );
  });

  it("yields whole pages with total_item_count", async () => {
    const pages = [];
    for await (const p of fa.pages("/volumes", {
      params: { query: { limit: 500, total_item_count: true } },
    })) {
      pages.push(p.items?.length);
      expect(p.total_item_count).toBeGreaterThan(1000);
    }
    expect(pages.slice(0, 2)).toEqual([500, 500]);
  });

  it("closes: logs out once; later calls fail with ERR_CLOSED", async () => {
    const other = await createFlashArrayClient({
      host: array.baseUrl,
      auth: { apiToken: array.apiToken },
      fetch: array.fetch,
      ...fast,
    });
    await other.getVolumes({ limit: 1 });
    const logouts = array.journal.count({ method: "POST", path: /\/logout$/ });
    await other.close();
    expect(array.journal.count({ method: "POST", path: /\/logout$/ })).toBe(logouts + 1);
    expect((await failure(other.getVolumes({ limit: 1 }))).code).toBe("ERR_CLOSED");
  });
});

describe("versions", () => {
  const array = faMock({ versions: ["2.0", "2.10", "2.38"] });
  it("speaks the array's newest when the array is older than purekit", async () => {
    const fa = await createFlashArrayClient({
      host: array.baseUrl,
      auth: { apiToken: array.apiToken },
      fetch: array.fetch,
      ...fast,
    });
    expect(fa.version).toBe("2.38");
    await fa.unwrap(fa.GET("/volumes", { params: { query: { limit: 1 } } }));
    expect(array.journal.entries.at(-1)?.path).toBe("/api/2.38/volumes");
    await fa.close();
  });
  it("a pinned version the array lacks is a typed error listing what it offers", async () => {
    const e = await failure(
      createFlashArrayClient({
        host: array.baseUrl,
        auth: { apiToken: array.apiToken },
        fetch: array.fetch,
        version: "2.40",
        ...fast,
      }),
    );
    expect(e.code).toBe("ERR_VERSION_UNSUPPORTED");
    expect(e.message).toContain("2.0, 2.10, 2.38");
  });
  it("a pinned version it offers is used", async () => {
    const fa = await createFlashArrayClient({
      host: array.baseUrl,
      auth: { apiToken: array.apiToken },
      fetch: array.fetch,
      version: "2.10",
      ...fast,
    });
    expect(fa.version).toBe("2.10");
    await fa.close();
  });
});

describe("every auth form", () => {
  const array = faMock();
  const base = { host: array.baseUrl, fetch: array.fetch, ...fast };
  const works = async (auth: Parameters<typeof createFlashArrayClient>[0]["auth"]) => {
    const fa = await createFlashArrayClient({ ...base, auth });
    const vols = await fa.getVolumes({ limit: 1 });
    expect(Array.isArray(vols.items)).toBe(true);
    await fa.close();
  };

  it("username and password: REST 1.x API token, then a session", async () => {
    await works({ username: "pureuser", password: USER_PASSWORD });
    expect(array.journal.count({ method: "POST", path: /^\/api\/1\.\d+\/auth\/apitoken$/ })).toBe(1);
  });
  it("a wrong password is ERR_AUTH, without the password in it", async () => {
    const e = await failure(
      createFlashArrayClient({ ...base, auth: { username: "pureuser", password: "wrong-pw-xyz" } }).then(
        (c) => c.getVolumes(),
      ),
    );
    expect(e.code).toBe("ERR_AUTH");
    expect(e.message).not.toContain("wrong-pw-xyz");
  });
  it("a wrong API token is ERR_AUTH", async () => {
    const e = await failure(
      createFlashArrayClient({ ...base, auth: { apiToken: "T-not-a-valid-token-1" } }).then((c) =>
        c.getVolumes(),
      ),
    );
    expect(e.code).toBe("ERR_AUTH");
    expect(e.message).toContain("API token");
  });
  it.each([
    ["PKCS#8 PEM", { privateKey: keys.privateKeyPem }],
    ["PKCS#1 file", { privateKeyFile: pkcs1Path }],
    ["encrypted PKCS#8 with password", { privateKey: encrypted, privateKeyPassword: PASSWORD }],
  ])("API client JWT exchange with a %s", async (_name, key) => {
    await works({
      clientId: "client-1",
      keyId: "key-1",
      issuer: "purekit-tests",
      username: "pureuser",
      ...key,
    });
  });
  it("a wrong key password is ERR_KEY_WRONG_PASSWORD", async () => {
    const e = await failure(
      createFlashArrayClient({
        ...base,
        auth: {
          clientId: "client-1",
          keyId: "key-1",
          issuer: "purekit-tests",
          username: "pureuser",
          privateKey: encrypted,
          privateKeyPassword: "nope-nope",
        },
      }).then((c) => c.getVolumes()),
    );
    expect(e.code).toBe("ERR_KEY_WRONG_PASSWORD");
  });
  it("an unknown key id is refused by the array with ERR_AUTH", async () => {
    const e = await failure(
      createFlashArrayClient({
        ...base,
        auth: {
          clientId: "client-1",
          keyId: "key-unknown",
          issuer: "purekit-tests",
          username: "pureuser",
          privateKey: keys.privateKeyPem,
        },
      }).then((c) => c.getVolumes()),
    );
    expect(e.code).toBe("ERR_AUTH");
  });
  it("a pre-generated ID token, and an expired one", async () => {
    const key = await loadSigningKey({ privateKey: keys.privateKeyPem });
    const claims = { clientId: "client-1", keyId: "key-1", issuer: "purekit-tests", username: "pureuser" };
    await works({ idToken: await signArrayJwt(key, claims, { lifetimeSeconds: 600 }) });
    const old = await signArrayJwt(key, claims, { lifetimeSeconds: 60, now: Date.now() - 3_600_000 });
    const e = await failure(
      createFlashArrayClient({ ...base, auth: { idToken: old } }).then((c) => c.getVolumes()),
    );
    expect(e.code).toBe("ERR_AUTH_TOKEN_EXPIRED");
    expect(e.message).toMatch(/expired at .*sign a new one/);
    const bad = await failure(createFlashArrayClient({ ...base, auth: { idToken: "not-a-jwt" } }));
    expect(bad.code).toBe("ERR_AUTH_CONFIG");
  });
  it("an access token used as is", async () => {
    const res = await array.fetch(
      new Request(`${array.baseUrl}/oauth2/1.0/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
          subject_token: await signArrayJwt(await loadSigningKey({ privateKey: keys.privateKeyPem }), {
            clientId: "client-1",
            keyId: "key-1",
            issuer: "purekit-tests",
            username: "pureuser",
          }),
          subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
        }),
      }),
    );
    const { access_token } = (await res.json()) as { access_token: string };
    await works({ accessToken: access_token });
    const fa = await createFlashArrayClient({ ...base, auth: { accessToken: "not-valid-access-token" } });
    const before = array.journal.entries.length;
    const { error } = await fa.GET("/volumes");
    expect(error?.status).toBe(401);
    // Nothing can renew a bare access token: no replay.
    expect(array.journal.entries.length - before).toBe(1);
  });
});

describe("FlashBlade", () => {
  it("logs in at /api/login and lists file systems", async () => {
    const array = createFlashBladeMock({ apiTokens: ["T-fb-token-for-tests"] });
    const fb = await createFlashBladeClient({
      host: array.baseUrl,
      auth: { apiToken: array.apiToken },
      fetch: array.fetch,
      ...fast,
    });
    expect(fb.version).toBe(array.versions.at(-1));
    const fs = await fb.getFileSystems({ limit: 5 });
    expect(Array.isArray(fs.items)).toBe(true);
    expect(array.journal.count({ method: "POST", path: "/api/login" })).toBe(1);
    await fb.close();
    expect(array.journal.count({ method: "POST", path: "/api/logout" })).toBe(1);
  });
});

describe("Pure1", () => {
  const appId = "pure1:apikey:purekitTests01";
  const mock = createPure1Mock({ apps: [{ appId, publicKey: keys.publicKeyPem }], accessTokenTtlMs: 60_000 });
  it("exchanges an app JWT, pages arrays, and re-authenticates on 403", async () => {
    const p1 = await createPure1Client({
      baseUrl: mock.baseUrl,
      auth: { appId, privateKey: keys.privateKeyPem },
      fetch: mock.fetch,
      ...fast,
    });
    expect(p1.version).toBe("1.6");
    const all = [];
    for await (const a of p1.paginate("/arrays", { params: { query: { limit: 2 } } })) all.push(a);
    expect(all.length).toBeGreaterThan(0);
    // Pure1 refuses an expired or revoked token with 403: exactly one new exchange, then the replay.
    const exchanges = mock.journal.count({ method: "POST", path: "/oauth2/1.0/token" });
    mock.faults.add({ method: "GET", path: /\/arrays$/, status: 403, times: 1 });
    await p1.getArrays();
    expect(mock.journal.count({ method: "POST", path: "/oauth2/1.0/token" })).toBe(exchanges + 1);
  });
  it("renews access tokens that lapse before using them", async () => {
    const short = createPure1Mock({
      apps: [{ appId, publicKey: keys.publicKeyPem }],
      accessTokenTtlMs: 1000,
    });
    const p1 = await createPure1Client({
      baseUrl: short.baseUrl,
      auth: { appId, privateKey: keys.privateKeyPem },
      fetch: short.fetch,
      ...fast,
    });
    await p1.getArrays();
    await new Promise((r) => setTimeout(r, 1100));
    await p1.getArrays();
    expect(short.journal.count({ method: "POST", path: "/oauth2/1.0/token" })).toBe(2);
    // Nothing was refused on the way: the renewal happened before the call.
    expect(short.journal.count({ method: "GET", path: /\/arrays$/ })).toBe(2);
  });
  it("falls back to PURE1_ID_TOKEN", async () => {
    const key = await loadSigningKey({ privateKey: keys.privateKeyPem });
    process.env.PURE1_ID_TOKEN = await signPure1Jwt(key, appId, { lifetimeSeconds: 600 });
    try {
      const p1 = await createPure1Client({ baseUrl: mock.baseUrl, fetch: mock.fetch, ...fast });
      await p1.getArrays();
    } finally {
      delete process.env.PURE1_ID_TOKEN;
    }
  });
  it("without any credentials says what to set", async () => {
    const e = await failure(createPure1Client({ baseUrl: mock.baseUrl, fetch: mock.fetch }));
    expect(e.code).toBe("ERR_AUTH_CONFIG");
    expect(e.message).toContain("PURE1_APP_ID");
  });
});

describe("re-auth", () => {
  // A session expiring mid-pagination: test/runtime/scenarios/client.scenario.ts, on the
  // mock's clock (this file's twin slept past a 40 ms session and failed under load).

  it("a 401 storm of 1000 concurrent calls causes exactly one new login", async () => {
    const array = faMock();
    const fa = await createFlashArrayClient({
      host: array.baseUrl,
      auth: { apiToken: array.apiToken },
      fetch: array.fetch,
      ...fast,
    });
    await fa.getVolumes({ limit: 1 });
    expect(array.journal.count({ method: "POST", path: /\/login$/ })).toBe(1);
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
    expect(results.every((r) => r.error === undefined)).toBe(true);
    expect(array.journal.count({ method: "POST", path: /\/login$/ })).toBe(2);
  });

  it("replays a POST with its body after a 401", async () => {
    const array = faMock();
    const fa = await createFlashArrayClient({
      host: array.baseUrl,
      auth: { apiToken: array.apiToken },
      fetch: array.fetch,
      ...fast,
    });
    array.faults.add({ method: "POST", path: /\/volumes$/, status: 401, times: 1 });
    const created = await fa.postVolumes({ names: ["after-401"] }, { provisioned: 4096 * 1024 });
    expect(created.items?.[0]?.provisioned).toBe(4096 * 1024);
  });
});

describe("a busy, slow or broken array", () => {
  const array = faMock();
  const make = (extra = {}) =>
    createFlashArrayClient({
      host: array.baseUrl,
      auth: { apiToken: array.apiToken },
      fetch: array.fetch,
      ...fast,
      ...extra,
    });

  it.each([
    ["429 with Retry-After", { status: 429, headers: { "retry-after": "0" } }],
    [
      "429 with rate-limit headers",
      { status: 429, headers: { "x-ratelimit-limit-second": "5", "x-ratelimit-remaining-second": "0" } },
    ],
    ["429 without any header", { status: 429 }],
    ["503", { status: 503 }],
    ["500 Server is busy", { status: 500, body: { errors: [{ message: "Server is busy" }] } }],
  ])("retries %s and succeeds", async (_name, fault) => {
    const fa = await make();
    array.faults.add({ method: "GET", path: /\/volumes$/, times: 2, ...fault });
    const before = array.journal.count({ method: "GET", path: /\/volumes$/ });
    await fa.getVolumes({ limit: 1 });
    expect(array.journal.count({ method: "GET", path: /\/volumes$/ }) - before).toBe(3);
    await fa.close();
  });

  it("does not retry a POST on 503 (it may have reached the array)", async () => {
    const fa = await make();
    array.faults.add({ method: "POST", path: /\/volumes$/, status: 503, times: 1 });
    const { error } = await fa.POST("/volumes", { params: { query: { names: ["no-retry"] } }, body: {} });
    expect(error?.status).toBe(503);
    array.faults.clear();
    await fa.close();
  });

  it("gives up after the configured retries with the last answer", async () => {
    const fa = await make();
    array.faults.add({ method: "GET", path: /\/volumes$/, status: 503, times: 10 });
    const { error } = await fa.GET("/volumes");
    expect(error?.status).toBe(503);
    array.faults.clear();
    await fa.close();
  });

  it("a slow array past the timeout is ERR_TIMEOUT", async () => {
    const fa = await make({ timeoutMs: 50, retry: { retries: 0 } });
    array.faults.add({ method: "GET", path: /\/volumes$/, latencyMs: 500, times: 1 });
    const e = await failure(fa.getVolumes({ limit: 1 }));
    expect(e.code).toBe("ERR_TIMEOUT");
    array.faults.clear();
  });

  it("an AbortSignal cancels a call", async () => {
    const fa = await make();
    array.faults.add({ method: "GET", path: /\/volumes$/, latencyMs: 500, times: 1 });
    const e = await failure(fa.getVolumes({ limit: 1 }, { signal: AbortSignal.timeout(20) }));
    expect(e.code).toBe("ERR_ABORTED");
    array.faults.clear();
  });

  it("an HTML error page is ERR_BAD_RESPONSE saying so", async () => {
    const fa = await make();
    array.faults.add({ method: "GET", path: /\/volumes$/, status: 502, html: true, times: 1 });
    const e = await failure(fa.getVolumes({ limit: 1 }));
    expect(e.code).toBe("ERR_BAD_RESPONSE");
    expect(e.message).toContain("HTML page");
    expect((e as PureApiError).status).toBe(502);
  });

  it("truncated JSON is ERR_BAD_RESPONSE", async () => {
    const fa = await make();
    array.faults.add({ method: "GET", path: /\/volumes$/, truncate: true, times: 1 });
    const e = await failure(fa.getVolumes({ limit: 1 }));
    expect(e.code).toBe("ERR_BAD_RESPONSE");
  });

  it("an array that answers HTML at api_version is a clear error", async () => {
    array.faults.add({ path: "/api/api_version", status: 200, html: true, times: 1 });
    const e = await failure(make());
    expect(e.code).toBe("ERR_BAD_RESPONSE");
  });
});

describe("TLS against the mock over real HTTPS", async () => {
  const array = faMock();
  const certs = await createSelfSignedCertificate();
  const server = await startNodeMockServer(array, {
    port: 0,
    tls: { cert: certs.certPem, key: certs.keyPem },
  });
  afterAll(() => server.close());
  const connect = (extra: object) =>
    createFlashArrayClient({ host: server.url, auth: { apiToken: array.apiToken }, ...fast, ...extra });

  it("verifies against a CA made at test time", async () => {
    const fa = await connect({ tls: { ca: certs.caPem } });
    expect((await fa.getVolumes({ limit: 1 })).items).toHaveLength(1);
    await fa.close();
  });
  it("fails clearly with no CA, and with the wrong CA", async () => {
    const none = await failure(connect({}));
    expect(none.code).toBe("ERR_TLS");
    expect(none.message).toContain(server.url);
    const other = await createSelfSignedCertificate();
    const wrong = await failure(connect({ tls: { ca: other.caPem } }));
    expect(wrong.code).toBe("ERR_TLS");
    expect(wrong.message).toMatch(/tls\.ca|CA/);
  });
  it("insecure mode works and warns once", async () => {
    const warnings: string[] = [];
    const fa = await connect({ tls: { insecure: true }, logger: { warn: (m: string) => warnings.push(m) } });
    await fa.getVolumes({ limit: 1 });
    await fa.getVolumes({ limit: 1 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/insecure|verif/i);
    await fa.close();
  });
});

describe("no secret in any error or log line", () => {
  it("scans everything the tests above saw", () => {
    const secrets = [
      "T-0000-api-token-for-tests",
      USER_PASSWORD,
      PASSWORD,
      "T-not-a-valid-token-1",
      "not-valid-access-token",
      ...readFileSync(join(dir, "pkcs8.pem"), "utf8")
        .split("\n")
        .filter((l) => l.length > 40),
    ];
    expect(seen.length).toBeGreaterThan(20);
    for (const line of seen) {
      for (const s of secrets) expect(line.includes(s), `secret in: ${line.slice(0, 200)}`).toBe(false);
      expect(line).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/);
    }
  });
});
