/**
 * The clients against the mock arrays, for what the scenario suite does not cover. Every
 * auth form, negotiation, pagination, a 401 storm, retries, timeouts, HTML and TLS are
 * test/runtime/scenarios/client.scenario.ts, which runs on Node and on Deno; here: the
 * friendly methods' argument forms, a caller's X-Request-ID on every page, Pure1 renewing
 * a lapsed token, a POST replayed after a 401, an AbortSignal, truncated JSON, and a scan
 * that no secret reaches an error or a log line.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createFlashArrayMock, createPure1Mock } from "../../mock/index.ts";
import { createFlashArrayClient } from "../../runtime/flasharray.ts";
import { generateRsaKeyPair } from "../../runtime/keys/index.ts";
import { createPure1Client } from "../../runtime/pure1.ts";
import { capturingLogger } from "../helpers/logs.ts";

const API_TOKEN = "T-0000-api-token-for-tests";

/** Every message a test saw: errors (through `failure`) and log lines. The secret scan reads them at the end. */
const { seen, logger, failure } = capturingLogger();
const fast = { retry: { retries: 3, minDelayMs: 1, maxDelayMs: 20 }, logger };

const keys = await generateRsaKeyPair();

function faMock(extra: Parameters<typeof createFlashArrayMock>[0] = {}) {
  return createFlashArrayMock({ apiTokens: [API_TOKEN], ...extra });
}

/** A client of `array` with its API token, fast retries and the capturing logger. */
function connect(array: ReturnType<typeof faMock>) {
  return createFlashArrayClient({
    host: array.baseUrl,
    auth: { apiToken: array.apiToken },
    fetch: array.fetch,
    ...fast,
  });
}

describe("FlashArray with an API token", async () => {
  const array = faMock({ seed: { volumes: 1234 } });
  const fa = await connect(array);
  afterAll(() => fa.close());

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
});

describe("Pure1", () => {
  const appId = "pure1:apikey:purekitTests01";
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
});

describe("re-auth", () => {
  // A session expiring mid-pagination and a 401 storm: test/runtime/scenarios/client.scenario.ts.

  it("replays a POST with its body after a 401", async () => {
    const array = faMock();
    const fa = await connect(array);
    array.faults.add({ method: "POST", path: /\/volumes$/, status: 401, times: 1 });
    const created = await fa.postVolumes({ names: ["after-401"] }, { provisioned: 4096 * 1024 });
    expect(created.items?.[0]?.provisioned).toBe(4096 * 1024);
  });
});

describe("a busy, slow or broken array", () => {
  // Retries, timeouts and HTML error pages: test/runtime/scenarios/client.scenario.ts.
  const array = faMock();

  it("an AbortSignal cancels a call", async () => {
    const fa = await connect(array);
    array.faults.add({ method: "GET", path: /\/volumes$/, latencyMs: 500, times: 1 });
    const e = await failure(fa.getVolumes({ limit: 1 }, { signal: AbortSignal.timeout(20) }));
    expect(e.code).toBe("ERR_ABORTED");
    array.faults.clear();
  });

  it("truncated JSON is ERR_BAD_RESPONSE", async () => {
    const fa = await connect(array);
    array.faults.add({ method: "GET", path: /\/volumes$/, truncate: true, times: 1 });
    const e = await failure(fa.getVolumes({ limit: 1 }));
    expect(e.code).toBe("ERR_BAD_RESPONSE");
  });
});

describe("no secret in any error or log line", () => {
  it("scans everything the tests above saw", () => {
    const secrets = [API_TOKEN, ...keys.privateKeyPem.split("\n").filter((l) => l.length > 40)];
    expect(seen.length).toBeGreaterThan(20);
    for (const line of seen) {
      for (const s of secrets) expect(line.includes(s), `secret in: ${line.slice(0, 200)}`).toBe(false);
      expect(line).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/);
    }
  });
});
