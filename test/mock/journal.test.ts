/**
 * The request journal: every request, with its status, secrets redacted — so tests
 * can count logins and check headers without ever seeing a token or password.
 */
import { describe, expect, it } from "vitest";
import { createFlashArrayMock } from "../../mock/index.ts";
import { exchange, login, rsaKeys, signJwt } from "./helpers.ts";

describe("journal", () => {
  it("records method, path, query, headers and status; redacts tokens", async () => {
    const fa = createFlashArrayMock({ apiTokens: ["SECRET-API-TOKEN"], seed: { volumes: 3 } });
    const session = await login(fa);
    await fa.fetch(`${fa.baseUrl}/api/2.56/volumes?limit=2&names=vol-001`, {
      headers: { "x-auth-token": session, "x-request-id": "req-1", authorization: "Bearer abc" },
    });
    const [loginEntry, list] = fa.journal.entries;
    expect(loginEntry).toMatchObject({ method: "POST", path: "/api/2.56/login", status: 200 });
    expect(loginEntry?.headers["api-token"]).toBe("[REDACTED]");
    expect(list).toMatchObject({
      method: "GET",
      path: "/api/2.56/volumes",
      query: { limit: "2", names: "vol-001" },
      status: 200,
    });
    expect(list?.headers["x-auth-token"]).toBe("[REDACTED]");
    expect(list?.headers.authorization).toBe("[REDACTED]");
    expect(list?.headers["x-request-id"]).toBe("req-1");
    const everything = JSON.stringify(fa.journal.entries);
    expect(everything).not.toContain("SECRET-API-TOKEN");
    expect(everything).not.toContain(session);
  });

  it("never records passwords or JWTs (bodies are not journaled)", async () => {
    const keys = await rsaKeys();
    const fa = createFlashArrayMock({
      seed: "empty",
      users: [{ username: "ops", password: "hunter2" }],
      apiClients: [{ clientId: "c", keyId: "k", issuer: "i", publicKey: keys.publicPem }],
    });
    await fa.fetch(`${fa.baseUrl}/api/2.56/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "ops", password: "hunter2" }),
    });
    await fa.fetch(`${fa.baseUrl}/api/1.19/auth/apitoken`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "ops", password: "hunter2" }),
    });
    const jwt = await signJwt(keys.privateKey, { kid: "k", aud: "c", iss: "i", sub: "ops" });
    await exchange(fa, jwt);
    await fa.fetch(`${fa.baseUrl}/api/2.56/volumes?password=hunter2`);
    const everything = JSON.stringify(fa.journal.entries);
    expect(everything).not.toContain("hunter2");
    expect(everything).not.toContain(jwt);
    expect(fa.journal.entries.at(-1)?.query.password).toBe("[REDACTED]");
  });

  it("counts and filters, so tests can assert how many logins happened", async () => {
    const fa = createFlashArrayMock({ seed: "empty" });
    await login(fa);
    await login(fa);
    await fa.fetch(`${fa.baseUrl}/api/api_version`);
    expect(fa.journal.count({ method: "POST", path: /\/login$/ })).toBe(2);
    expect(fa.journal.count({ path: "/api/api_version" })).toBe(1);
    expect(fa.journal.filter({ method: "get" })).toHaveLength(1);
    fa.journal.clear();
    expect(fa.journal.entries).toHaveLength(0);
  });

  it("echoes X-Request-ID on answers", async () => {
    const fa = createFlashArrayMock({ seed: "empty" });
    const res = await fa.fetch(`${fa.baseUrl}/api/api_version`, { headers: { "x-request-id": "abc-123" } });
    expect(res.headers.get("x-request-id")).toBe("abc-123");
  });
});
