/**
 * Authentication as the real arrays do it: api_version, API-token login and
 * logout, session expiry, REST 1.x api tokens, and the OAuth2 token exchange with
 * every rejection a forged or stale JWT must meet.
 */
import { SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { createFlashArrayMock, createFlashBladeMock, createPure1Mock } from "../../mock/index.ts";
import { b64url, call, exchange, type Json, login, rsaKeys, signJwt } from "./helpers.ts";

describe("api_version", () => {
  it("FlashArray lists 1.0–1.19 then the served 2.x versions under `version`", async () => {
    const fa = createFlashArrayMock({ versions: ["2.36", "2.38", "2.37"], seed: "empty" });
    const res = await fa.fetch(`${fa.baseUrl}/api/api_version`);
    const body = (await res.json()) as Json;
    expect(body.version.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => `1.${i}`));
    expect(body.version.slice(20)).toEqual(["2.36", "2.37", "2.38"]);
  });

  it("FlashBlade answers `versions`", async () => {
    const fb = createFlashBladeMock({ version: "2.20", seed: "empty" });
    const body = (await (await fb.fetch(`${fb.baseUrl}/api/api_version`)).json()) as Json;
    expect(body.versions).toContain("1.8.1");
    expect(body.versions.at(-1)).toBe("2.20");
    expect(body.version).toBeUndefined();
  });

  it("refuses versions that are not generated, at construction", () => {
    expect(() => createFlashArrayMock({ version: "2.12" })).toThrow(/2\.12 is not generated/);
  });
});

describe("API token login (FlashArray)", () => {
  const fa = createFlashArrayMock({
    apiTokens: ["T-1"],
    seed: "empty",
    users: [{ username: "ops", password: "pw" }],
  });

  it("returns the session in x-auth-token and the user in items[0]", async () => {
    const res = await fa.fetch(`${fa.baseUrl}/api/2.56/login`, {
      method: "POST",
      headers: { "api-token": "T-1" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-auth-token")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json()).toEqual({ items: [{ username: "ops" }] });
    expect(fa.apiToken).toBe("T-1");
  });

  it("answers 401 with errors[] for an unknown token", async () => {
    const res = await fa.fetch(`${fa.baseUrl}/api/2.56/login`, {
      method: "POST",
      headers: { "api-token": "nope" },
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ errors: [{ context: "api-token", message: "Invalid API token." }] });
  });

  it("accepts username/password from REST 2.47 on, not before", async () => {
    const body = JSON.stringify({ username: "ops", password: "pw" });
    const headers = { "content-type": "application/json" };
    const multi = createFlashArrayMock({
      versions: ["2.46", "2.47"],
      seed: "empty",
      users: [{ username: "ops", password: "pw" }],
    });
    const ok = await multi.fetch(`${multi.baseUrl}/api/2.47/login`, { method: "POST", headers, body });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-auth-token")).toBeTruthy();
    const old = await multi.fetch(`${multi.baseUrl}/api/2.46/login`, { method: "POST", headers, body });
    expect(old.status).toBe(401);
    const wrong = await multi.fetch(`${multi.baseUrl}/api/2.47/login`, {
      method: "POST",
      headers,
      body: JSON.stringify({ username: "ops", password: "bad" }),
    });
    expect(wrong.status).toBe(401);
  });

  it("refuses data calls without a session, with a bad one, and after logout", async () => {
    const none = await fa.fetch(`${fa.baseUrl}/api/2.56/volumes`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as Json).errors[0].message).toMatch(/Authentication required/);
    expect((await call(fa, "forged", "GET", "/volumes")).status).toBe(401);
    const session = await login(fa);
    expect((await call(fa, session, "GET", "/volumes")).status).toBe(200);
    const out = await fa.fetch(`${fa.baseUrl}/api/2.56/logout`, {
      method: "POST",
      headers: { "x-auth-token": session },
    });
    expect(out.status).toBe(200);
    expect((await call(fa, session, "GET", "/volumes")).status).toBe(401);
  });

  it("does not take the api-token header on data calls", async () => {
    const res = await fa.fetch(`${fa.baseUrl}/api/2.56/volumes`, { headers: { "api-token": "T-1" } });
    expect(res.status).toBe(401);
  });

  it("expires idle sessions after sessionTtlMs (clock under test control)", async () => {
    let clock = 1_000_000;
    const short = createFlashArrayMock({ seed: "empty", sessionTtlMs: 1000, now: () => clock });
    const session = await login(short);
    clock += 900;
    expect((await call(short, session, "GET", "/volumes")).status).toBe(200);
    clock += 900; // idle 900 ms since last use: still alive
    expect((await call(short, session, "GET", "/volumes")).status).toBe(200);
    clock += 1001;
    const expired = await call(short, session, "GET", "/volumes");
    expect(expired.status).toBe(401);
    expect(expired.body.errors[0].message).toMatch(/expired/);
  });

  it("expires sessions on the real clock too, and state.expireSessions() ends them all", async () => {
    const short = createFlashArrayMock({ seed: "empty", sessionTtlMs: 30 });
    const session = await login(short);
    await new Promise((r) => setTimeout(r, 60));
    expect((await call(short, session, "GET", "/volumes")).status).toBe(401);
    const again = await login(short);
    expect(short.state.sessionCount).toBe(1);
    short.state.expireSessions();
    expect((await call(short, again, "GET", "/volumes")).status).toBe(401);
  });
});

describe("FlashBlade login", () => {
  it("logs in at /api/login (no version) and answers {username}, as FB's Login schema says", async () => {
    const fb = createFlashBladeMock({ seed: "empty", apiTokens: ["FB-T"] });
    const res = await fb.fetch(`${fb.baseUrl}/api/login`, {
      method: "POST",
      headers: { "api-token": "FB-T" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ username: "pureuser" });
    const session = res.headers.get("x-auth-token") as string;
    expect((await call(fb, session, "GET", "/file-systems")).status).toBe(200);
    expect(
      (await fb.fetch(`${fb.baseUrl}/api/logout`, { method: "POST", headers: { "x-auth-token": session } }))
        .status,
    ).toBe(200);
    expect((await call(fb, session, "GET", "/file-systems")).status).toBe(401);
    expect(
      (await fb.fetch(`${fb.baseUrl}/api/2.28/login`, { method: "POST", headers: { "api-token": "FB-T" } }))
        .status,
    ).toBe(404);
  });
});

describe("REST 1.x auth/apitoken", () => {
  for (const [name, create, path] of [
    ["FlashArray", createFlashArrayMock, "/api/1.19/auth/apitoken"],
    ["FlashBlade", createFlashBladeMock, "/api/1.12/auth/apitoken"],
  ] as const) {
    it(`${name} exchanges username/password for the user's API token, which then logs in`, async () => {
      const array = create({ seed: "empty", users: [{ username: "admin", password: "s3cret" }] });
      const res = await array.fetch(`${array.baseUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "admin", password: "s3cret" }),
      });
      expect(res.status).toBe(200);
      const { api_token } = (await res.json()) as Json;
      expect(api_token).toBe(array.apiToken);
      const bad = await array.fetch(`${array.baseUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "admin", password: "wrong" }),
      });
      expect(bad.status).toBe(401);
      expect(((await bad.json()) as Json).errors[0].context).toBe("username");
    });
  }
});

describe("OAuth2 token exchange (FlashArray API clients)", () => {
  const CLIENT = { clientId: "0c2d4d8e-client", keyId: "9b1e-key", issuer: "purekit-tests" };
  let keys: Awaited<ReturnType<typeof rsaKeys>>;
  let other: Awaited<ReturnType<typeof rsaKeys>>;
  let fa: ReturnType<typeof createFlashArrayMock>;

  beforeAll(async () => {
    keys = await rsaKeys();
    other = await rsaKeys();
    fa = createFlashArrayMock({
      seed: "empty",
      users: [{ username: "pureuser" }, { username: "auditor", role: "readonly" }],
      apiClients: [
        { ...CLIENT, publicKey: keys.publicPem, enabled: true, maxRole: "array_admin" },
        {
          clientId: "off-client",
          keyId: "off-key",
          issuer: "purekit-tests",
          publicKey: keys.publicKey,
          enabled: false,
        },
      ],
      accessTokenTtlMs: 60_000,
    });
  });

  const good = () => ({ kid: CLIENT.keyId, aud: CLIENT.clientId, iss: CLIENT.issuer, sub: "pureuser" });

  async function expectRejected(jwt: string, pattern: RegExp) {
    const res = await exchange(fa, jwt);
    expect(res.status).toBe(401);
    expect(res.body.error).toBe("invalid_client");
    expect(res.body.errors[0].message).toMatch(pattern);
    expect(res.body.errors[0].context).toBe("subject_token");
  }

  it("issues a Bearer access token that data calls accept", async () => {
    const res = await exchange(fa, await signJwt(keys.privateKey, good()));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      token_type: "Bearer",
      issued_token_type: "urn:ietf:params:oauth:token-type:access_token",
      expires_in: 60,
    });
    const data = await fa.fetch(`${fa.baseUrl}/api/2.56/volumes`, {
      headers: { authorization: `Bearer ${res.body.access_token}` },
    });
    expect(data.status).toBe(200);
  });

  it("rejects a forged signature (signed by another key)", async () => {
    await expectRejected(await signJwt(other.privateKey, good()), /signature verification failed/);
  });

  it("rejects an expired JWT", async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectRejected(
      await signJwt(keys.privateKey, { ...good(), iat: now - 7200, exp: now - 3600 }),
      /expired/,
    );
  });

  it("rejects alg none", async () => {
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: "none", typ: "JWT", kid: CLIENT.keyId }));
    const payload = b64url(JSON.stringify({ ...good(), iat: now, exp: now + 60 }));
    await expectRejected(`${header}.${payload}.`, /algorithm 'none' is not accepted/);
  });

  it("rejects HS256 signed with the public key as the secret (algorithm confusion)", async () => {
    const secret = new TextEncoder().encode(keys.publicPem);
    const jwt = await new SignJWT({ aud: CLIENT.clientId, sub: "pureuser" })
      .setProtectedHeader({ alg: "HS256", typ: "JWT", kid: CLIENT.keyId })
      .setIssuer(CLIENT.issuer)
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(secret);
    await expectRejected(jwt, /algorithm 'HS256' is not accepted/);
  });

  it("rejects an unknown kid and a missing kid", async () => {
    await expectRejected(
      await signJwt(keys.privateKey, { ...good(), kid: "who" }),
      /no API client has key id 'who'/,
    );
    await expectRejected(await signJwt(keys.privateKey, { ...good(), kid: undefined }), /no 'kid'/);
  });

  it("rejects a disabled client", async () => {
    const jwt = await signJwt(keys.privateKey, {
      kid: "off-key",
      aud: "off-client",
      iss: "purekit-tests",
      sub: "pureuser",
    });
    await expectRejected(jwt, /disabled/);
  });

  it("rejects a wrong audience and a wrong issuer", async () => {
    await expectRejected(await signJwt(keys.privateKey, { ...good(), aud: "someone-else" }), /claim 'aud'/);
    await expectRejected(await signJwt(keys.privateKey, { ...good(), iss: "evil" }), /claim 'iss'/);
  });

  it("rejects an unknown sub and a missing sub", async () => {
    await expectRejected(await signJwt(keys.privateKey, { ...good(), sub: "mallory" }), /user 'mallory'/);
    const { sub: _sub, ...noSub } = good();
    await expectRejected(await signJwt(keys.privateKey, noSub), /claim 'sub' is missing/);
  });

  it("rejects garbage that is not a JWT", async () => {
    await expectRejected("not-a-jwt", /not a JWT/);
  });

  it("answers 400 for a malformed exchange", async () => {
    const form = (fields: Record<string, string>, type = "application/x-www-form-urlencoded") =>
      fa.fetch(`${fa.baseUrl}/oauth2/1.0/token`, {
        method: "POST",
        headers: { "content-type": type },
        body: new URLSearchParams(fields).toString(),
      });
    const jwt = await signJwt(keys.privateKey, good());
    const wrongGrant = await form({
      grant_type: "client_credentials",
      subject_token: jwt,
      subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
    });
    expect(wrongGrant.status).toBe(400);
    expect(((await wrongGrant.json()) as Json).error).toBe("unsupported_grant_type");
    const wrongType = await form({
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: jwt,
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
    });
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as Json).errors[0].context).toBe("subject_token_type");
    const json = await form({ grant_type: "x" }, "application/json");
    expect(json.status).toBe(400);
  });

  it("expires access tokens after accessTokenTtlMs", async () => {
    let clock = Date.now();
    const short = createFlashArrayMock({
      seed: "empty",
      now: () => clock,
      accessTokenTtlMs: 1000,
      apiClients: [{ ...CLIENT, publicKey: keys.publicPem }],
    });
    const res = await exchange(short, await signJwt(keys.privateKey, good()));
    expect(res.body.expires_in).toBe(1);
    const bearer = { authorization: `Bearer ${res.body.access_token}` };
    expect((await short.fetch(`${short.baseUrl}/api/2.56/hosts`, { headers: bearer })).status).toBe(200);
    clock += 1500;
    const expired = await short.fetch(`${short.baseUrl}/api/2.56/hosts`, { headers: bearer });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as Json).errors[0].message).toMatch(/Access token expired/);
  });
});

describe("Pure1", () => {
  const APP = "pure1:apikey:iRT5OwhslZVLWNGG";
  let keys: Awaited<ReturnType<typeof rsaKeys>>;
  beforeAll(async () => {
    keys = await rsaKeys();
  });

  const pure1Jwt = (iss = APP, exp?: number) =>
    signJwt(keys.privateKey, { kid: undefined, iss, ...(exp === undefined ? {} : { exp, iat: exp - 60 }) });

  it("exchanges an application JWT (iss = app id, no kid) for a Bearer token", async () => {
    const pure1 = createPure1Mock({ apps: [{ appId: APP, publicKey: keys.publicPem }] });
    const res = await exchange(pure1, await pure1Jwt());
    expect(res.status).toBe(200);
    expect(res.body.expires_in).toBe(36_000);
    const data = await pure1.fetch(`${pure1.baseUrl}/api/1.6/arrays`, {
      headers: { authorization: `Bearer ${res.body.access_token}` },
    });
    expect(data.status).toBe(200);
    expect(((await data.json()) as Json).items.length).toBeGreaterThan(0);
  });

  it("rejects unknown applications and expired JWTs at the exchange", async () => {
    const pure1 = createPure1Mock({ apps: [{ appId: APP, publicKey: keys.publicPem }] });
    expect((await exchange(pure1, await pure1Jwt("pure1:apikey:other"))).status).toBe(401);
    const expired = await exchange(pure1, await pure1Jwt(APP, Math.floor(Date.now() / 1000) - 3600));
    expect(expired.status).toBe(401);
    expect(expired.body.error_description).toMatch(/expired/);
  });

  it("answers 403 {message} for missing, invalid and expired access tokens", async () => {
    let clock = Date.now();
    const pure1 = createPure1Mock({
      apps: [{ appId: APP, publicKey: keys.publicPem }],
      accessTokenTtlMs: 1000,
      now: () => clock,
    });
    const missing = await pure1.fetch(`${pure1.baseUrl}/api/1.6/volumes`);
    expect(missing.status).toBe(403);
    expect(Object.keys((await missing.json()) as Json)).toEqual(["message"]);
    const invalid = await pure1.fetch(`${pure1.baseUrl}/api/1.6/volumes`, {
      headers: { authorization: "Bearer nope" },
    });
    expect(invalid.status).toBe(403);
    const { body } = await exchange(pure1, await pure1Jwt());
    clock += 2000;
    const expired = await pure1.fetch(`${pure1.baseUrl}/api/1.6/volumes`, {
      headers: { authorization: `Bearer ${body.access_token}` },
    });
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as Json).message).toMatch(/expired/);
  });

  it("carries X-RateLimit-* headers and answers 429 past the per-second limit", async () => {
    const clock = 5_000_000;
    const pure1 = createPure1Mock({
      apps: [{ appId: APP, publicKey: keys.publicPem }],
      rateLimit: { perSecond: 3, perMinute: 100 },
      now: () => clock,
    });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await pure1.fetch(`${pure1.baseUrl}/api/1.6/arrays`);
      statuses.push(last.status);
      expect(last.headers.get("x-ratelimit-limit-second")).toBe("3");
      expect(last.headers.get("x-ratelimit-limit-minute")).toBe("100");
    }
    expect(statuses).toEqual([403, 403, 403, 429]);
    expect(last?.headers.get("x-ratelimit-remaining-second")).toBe("0");
    expect(((await (last as Response).json()) as Json).message).toMatch(/Rate limit/);
  });
});

describe("roles", () => {
  it("a readonly user reads but cannot change the array (403 errors[])", async () => {
    const fa = createFlashArrayMock({
      seed: "empty",
      users: [{ username: "viewer", role: "readonly", apiToken: "T-viewer" }],
      apiTokens: [{ token: "T-viewer", username: "viewer" }],
    });
    const session = await login(fa);
    expect((await call(fa, session, "GET", "/volumes")).status).toBe(200);
    const denied = await call(fa, session, "POST", "/volumes?names=v1", { provisioned: 1048576 });
    expect(denied.status).toBe(403);
    expect(denied.body.errors[0].message).toContain("readonly");
  });
});
