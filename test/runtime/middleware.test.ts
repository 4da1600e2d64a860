/**
 * Middleware (`client.use`) and the request log: run inside the pipeline, so every
 * attempt is seen (a retry, a re-auth replay, the login itself), with credentials
 * redacted in what middleware and logs are shown, while the real ones still go out.
 */

import { afterEach, describe, expect, it, vi } from "vitest";
import { createTracer, tracingMiddleware } from "../../examples/tracing.ts";
import { createFlashArrayMock } from "../../mock/index.ts";
import { createFlashArrayClient } from "../../runtime/flasharray.ts";
import {
  type Logger,
  type MiddlewareParams,
  PurekitError,
  type RequestLogRecord,
} from "../../runtime/index.ts";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const fast = { retry: { retries: 3, minDelayMs: 1, maxDelayMs: 5 } };
/** What most tests here want: no log output, quick retries. */
const quiet = { logger: {}, ...fast };

type ClientOptions = Partial<Parameters<typeof createFlashArrayClient>[0]>;

/**
 * A mock array (FA 2.56 with 5 volumes unless given), `wire` (what really went over it),
 * and `connect`, which makes a client of it through that recording fetch: its API token
 * and `options` (by default {@link quiet}).
 */
function setup(array = createFlashArrayMock({ version: "2.56", seed: { volumes: 5 } })) {
  const wire: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    wire.push(request.clone());
    return array.fetch(request);
  };
  const connect = (options: ClientOptions = quiet) =>
    createFlashArrayClient({ host: array.baseUrl, auth: { apiToken: array.apiToken }, fetch, ...options });
  return { array, wire, connect };
}

describe("client.use middleware", () => {
  it("sees every attempt of a call (a retry, a re-auth replay and its login), credentials redacted", async () => {
    const { array, connect } = setup();
    const fa = await connect();
    const seen: (MiddlewareParams & { headers: Record<string, string>; status?: number })[] = [];
    fa.use({
      onRequest: (p) => {
        seen.push({ ...p, headers: Object.fromEntries(p.request.headers) });
      },
      onResponse: ({ response, requestId, attempt }) => {
        const entry = seen.findLast((s) => s.requestId === requestId && s.attempt === attempt);
        if (entry) entry.status = response.status;
      },
    });

    array.faults.add({ method: "GET", path: "/volumes", status: 503, times: 1 });
    await fa.getVolumes({ limit: 1 });
    const busy = seen.filter((s) => s.request.url.endsWith("/volumes?limit=1"));
    expect(busy.map((s) => [s.attempt, s.status])).toEqual([
      [1, 503],
      [2, 200],
    ]);
    expect(new Set(busy.map((s) => s.requestId)).size).toBe(1);
    expect(busy[0]?.headers["x-auth-token"]).toBe("[REDACTED]");

    seen.length = 0;
    array.faults.add({ method: "GET", path: "/volumes", status: 401, times: 1 });
    await fa.getVolumes({ limit: 2 });
    const calls = seen.map(
      (s) => `${s.request.method} ${new URL(s.request.url).pathname} #${s.attempt} ${s.status}`,
    );
    expect(calls).toEqual([
      "GET /api/2.56/volumes #1 401",
      "POST /api/2.56/login #1 200",
      "GET /api/2.56/volumes #2 200",
    ]);
    const login = seen.find((s) => s.request.url.endsWith("/login"));
    expect(login?.headers["api-token"]).toBe("[REDACTED]");
    expect(JSON.stringify(seen)).not.toContain(array.apiToken);
    await fa.close();
  });

  it("headers it sets are sent, with the real credentials kept; the shown URL and body are redacted", async () => {
    const { wire, connect } = setup();
    const fa = await connect();
    const bodies: string[] = [];
    fa.use({
      onRequest: async ({ request }) => {
        request.headers.set("x-trace", "t-1");
        if (request.body) bodies.push(await request.clone().text());
      },
    });
    await fa.postVolumes({ names: ["mw-vol"] }, { provisioned: 1 << 30 });
    const post = wire.find((r) => r.method === "POST" && r.url.includes("/volumes"));
    expect(post?.headers.get("x-trace")).toBe("t-1");
    expect(post?.headers.get("x-auth-token")).toMatch(/^[\w-]{8,}/);
    expect(post?.headers.get("x-auth-token")).not.toBe("[REDACTED]");
    expect(await post?.text()).toContain('"provisioned"');
    expect(bodies[0]).toContain('"provisioned"');
    await fa.close();
  });

  it("a Request it returns replaces the attempt; an unchanged (redacted) body stands for the real one", async () => {
    const user = { username: "mw-user", password: "mw-user-pw-123" };
    const { wire, connect } = setup(createFlashArrayMock({ version: "2.56", users: [user] }));
    const shownBodies: string[] = [];
    // Credentials are fetched at the first call, so the middleware sees the token call.
    const fa = await connect({ ...quiet, auth: user });
    fa.use({
      onRequest: async ({ request }) => {
        if (request.body) shownBodies.push(await request.clone().text());
        const headers = new Headers(request.headers);
        headers.set("x-replaced", "yes");
        return new Request(request, { headers });
      },
    });
    await fa.postVolumes({ names: ["mw-replaced"] }, { provisioned: 1 << 20 });
    const post = wire.find((r) => r.method === "POST" && r.url.includes("/volumes"));
    expect(post?.headers.get("x-replaced")).toBe("yes");
    expect(post?.headers.get("x-auth-token")).not.toBe("[REDACTED]");
    expect(await post?.json()).toEqual({ provisioned: 1 << 20 });
    // The REST 1.x token call (username and password in its body) came through the middleware
    // too: shown redacted, sent real (else the login after it would have failed).
    expect(
      shownBodies.some((b) => b.includes('"username":"mw-user"') && b.includes('"password":"[REDACTED]"')),
    ).toBe(true);
    expect(JSON.stringify(shownBodies)).not.toContain(user.password);
    await fa.close();
  });

  it("onRequest may answer without the network, onResponse may replace the answer, onError may recover", async () => {
    const { array, wire, connect } = setup();
    const fa = await connect();
    const stop = fa.use({
      onRequest: ({ request }) =>
        request.url.includes("/hosts") ? Response.json({ items: [{ name: "cached-host" }] }) : undefined,
    });
    await fa.getVolumes({ limit: 1 }); // logs in, so the next call alone is measured
    const before = wire.length;
    expect((await fa.getHosts()).items?.[0]?.name).toBe("cached-host");
    expect(wire.length).toBe(before);
    stop();
    expect((await fa.getHosts()).items?.[0]?.name).not.toBe("cached-host");

    const stop2 = fa.use({
      onResponse: ({ response }) =>
        response.status === 200 ? Response.json({ items: [], more_items_remaining: false }) : undefined,
    });
    expect((await fa.getVolumes()).items).toEqual([]);
    stop2();

    array.faults.add({ method: "GET", path: "/volumes", drop: true });
    const errors: unknown[] = [];
    fa.use({
      onError: ({ error }) => {
        errors.push(error);
        return Response.json({ items: [{ name: "from-onError" }] });
      },
    });
    expect((await fa.getVolumes()).items?.[0]?.name).toBe("from-onError");
    expect(errors).toHaveLength(1);
    await fa.close();
  });

  it("onError may replace the error; without recovery the call fails as before", async () => {
    const { array, connect } = setup();
    const fa = await connect({ logger: {}, retry: { retries: 0 } });
    array.faults.add({ method: "GET", path: "/volumes", drop: true });
    fa.use({ onError: () => new PurekitError("ERR_NETWORK", "replaced by middleware") });
    await expect(fa.getVolumes()).rejects.toThrow("replaced by middleware");
    await fa.close();
  });

  it("what middleware throws reaches the caller as it is, not retried", async () => {
    const { wire, connect } = setup();
    const fa = await connect();
    await fa.getVolumes({ limit: 1 });
    const blocked = new TypeError("blocked by policy");
    let calls = 0;
    fa.use({
      onRequest: () => {
        calls++;
        throw blocked;
      },
    });
    const before = wire.length;
    await expect(fa.getVolumes()).rejects.toBe(blocked);
    expect(calls).toBe(1);
    expect(wire.length).toBe(before);
    await fa.close().catch(() => {});
  });

  it("use() checks its argument", async () => {
    const { connect } = setup();
    const fa = await connect({ logger: {} });
    const bad = (m: unknown) => () => fa.use(m as never);
    expect(bad(null)).toThrow(/takes an object/);
    expect(bad({})).toThrow(/none of onRequest, onResponse, onError/);
    expect(bad({ onRequest: "log" })).toThrow(/onRequest must be a function, got string/);
    // A function, so that a use() which does not throw fails here too.
    expect(bad({ onResponse: 1 })).toThrow(expect.objectContaining({ code: "ERR_INVALID_ARGUMENT" }));
    await fa.close();
  });

  it("the tracing example records one span per call, retries as events", async () => {
    const { array, connect } = setup();
    const fa = await connect();
    const tracer = createTracer();
    fa.use(tracingMiddleware(tracer));
    array.faults.add({ method: "GET", path: "/volumes", status: 503, times: 1 });
    await fa.getVolumes({ limit: 1 });
    await fa.getHosts();
    const spans = tracer.spans();
    expect(spans.map((s) => [s.name, s.status])).toEqual([
      ["POST /login", 200], // the first call logs in: a call of its own, traced too
      ["GET /volumes", 200],
      ["GET /hosts", 200],
    ]);
    expect(spans[1]?.events.map((e) => `${e.name}#${e.attempt}${e.status ? `=${e.status}` : ""}`)).toEqual([
      "attempt#1",
      "response#1=503",
      "attempt#2",
      "response#2=200",
    ]);
    await fa.close();
  });
});

describe("request log", () => {
  it("gives logger.debug one structured record per attempt, redacted", async () => {
    const { array, connect } = setup();
    const records: RequestLogRecord[] = [];
    const logger: Logger = { debug: (_m, record) => record && records.push(record) };
    const fa = await connect({ logger, ...fast });
    array.faults.add({ method: "GET", path: "/volumes", status: 503, times: 1 });
    await fa.getVolumes({ limit: 1 });
    await fa.close();
    const lines = records.map((r) => `${r.method} ${new URL(r.url).pathname} ${r.status} #${r.attempt}`);
    expect(lines).toEqual([
      "GET /api/api_version 200 #1",
      "POST /api/2.56/login 200 #1",
      "GET /api/2.56/volumes 503 #1",
      "GET /api/2.56/volumes 200 #2",
      "POST /api/2.56/logout 200 #1",
    ]);
    const volumes = records.filter((r) => r.url.includes("/volumes"));
    expect(volumes[0]?.requestId).toBe(volumes[1]?.requestId);
    for (const r of records) {
      expect(r.durationMs).toBeGreaterThanOrEqual(0);
      expect(r.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(JSON.stringify(records)).not.toContain(array.apiToken);
  });

  it("records a failed attempt with status 0 and the reason", async () => {
    const { array, connect } = setup();
    const records: RequestLogRecord[] = [];
    const fa = await connect({ logger: { debug: (_m, r) => r && records.push(r) }, retry: { retries: 0 } });
    array.faults.add({ method: "GET", path: "/volumes", drop: true });
    await expect(fa.getVolumes()).rejects.toMatchObject({ code: "ERR_NETWORK" });
    const failed = records.find((r) => r.url.includes("/volumes"));
    expect(failed?.status).toBe(0);
    expect(failed?.error).toBeTruthy();
    await fa.close();
  });

  it("PUREKIT_LOG=debug turns it on without code (to stderr); an unknown level is a typed error", async () => {
    // No logger option here: the environment decides.
    const { array, connect } = setup();
    vi.stubEnv("PUREKIT_LOG", "debug");
    const stderr = vi.spyOn(console, "error").mockImplementation(() => {});
    const fa = await connect({});
    await fa.getVolumes({ limit: 1 });
    await fa.close();
    const lines = stderr.mock.calls.map((c) => String(c[0]));
    expect(
      lines.some((l) =>
        /^purekit: GET https:\/\/\S+\/api\/2\.56\/volumes\?limit=1 → 200 in [\d.]+ ms \(attempt 1, request id [0-9a-f-]{36}\)$/.test(
          l,
        ),
      ),
    ).toBe(true);
    expect(lines.join("\n")).not.toContain(array.apiToken);

    vi.stubEnv("PUREKIT_LOG", "verbose");
    await expect(connect({})).rejects.toThrow(
      /PUREKIT_LOG is "verbose"; it takes debug, info, warn, error, off/,
    );
    vi.stubEnv("PUREKIT_LOG", "off");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const off = await connect({ tls: { insecure: true } });
    await off.close();
    expect(warn).not.toHaveBeenCalled();
  });
});
