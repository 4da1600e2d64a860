/**
 * The request pipeline (`createPipeline`) on its own: a hand-written transport
 * that scripts answers and records what it was sent, and a fake auth strategy
 * on the real single-flight `CredentialCache`. No mock array, no network.
 *
 * Waits the server asks for (Retry-After, RateLimit-Reset, backoff) are measured
 * on fake timers, so the suite proves the exact delays and stays fast; the
 * timeout, abort and concurrency tests use real timers with millisecond budgets.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { CredentialCache } from "../../runtime/auth/cache.ts";
import type { AuthStrategy } from "../../runtime/auth/types.ts";
import { PUREKIT_VERSION } from "../../runtime/client.ts";
import { PurekitError } from "../../runtime/errors.ts";
import { createPipeline, type PipelineOptions, type Send } from "../../runtime/http.ts";
import { SecretSet } from "../../runtime/redact.ts";

const ORIGIN = "https://array.example.com";
const VOLUMES = `${ORIGIN}/api/2.38/volumes?names=v1`;
const UA = `purekit/${PUREKIT_VERSION}`;
const API_TOKEN = "0d9f8e7c-6b5a-4321-9fed-cba987654321";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// ---------------------------------------------------------------- fakes

interface Seen {
  method: string;
  url: string;
  headers: Headers;
  body: Uint8Array;
  /** `Date.now()` when the transport got it (the fake clock under fake timers). */
  at: number;
}

type Handler = (request: Request, index: number) => Response | Promise<Response>;

/** A transport that records every request (body bytes included) and answers with `handler`. */
function fakeTransport(handler: Handler) {
  const seen: Seen[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const at = Date.now();
    // A runaway loop (say, re-auth without end) fails here instead of hanging the suite.
    if (seen.length >= 5000) throw new Error("fake transport: more than 5000 requests");
    const body = new Uint8Array(await request.arrayBuffer());
    const index = seen.length;
    seen.push({ method: request.method, url: request.url, headers: new Headers(request.headers), body, at });
    return handler(request, index);
  };
  return { fetch, seen };
}

/** Answers in order; the last answer repeats. A thrown error stands for a network failure. */
function answers(...list: (() => Response)[]): Handler {
  return (_request, index) => list[Math.min(index, list.length - 1)]!();
}

function reply(
  status: number,
  init: { body?: string; headers?: Record<string, string> } = {},
): () => Response {
  return () =>
    new Response(
      init.body ?? JSON.stringify(status < 400 ? { items: [] } : { errors: [{ message: "no" }] }),
      {
        status,
        headers: { "content-type": "application/json", ...init.headers },
      },
    );
}

const ok = reply(200);
const busy = reply(500, { body: JSON.stringify({ errors: [{ message: "Server is busy" }] }) });

/** What undici throws when nothing listens on the port (`fetch failed`, cause with a system code). */
function systemError(code: "ECONNREFUSED" | "ECONNRESET"): () => never {
  return () => {
    throw new TypeError("fetch failed", {
      cause: Object.assign(new Error(`connect ${code} 10.0.0.1:443`), { code }),
    });
  };
}

/** A transport that never answers on its own but honours `request.signal`, as undici does. */
function hangingTransport() {
  return fakeTransport(
    (request) =>
      new Promise<Response>((resolve, reject) => {
        const timer = setTimeout(() => resolve(ok()), 60_000);
        request.signal.addEventListener(
          "abort",
          () => {
            clearTimeout(timer);
            reject(request.signal.reason);
          },
          { once: true },
        );
      }),
  );
}

/**
 * A session strategy on the real CredentialCache: each acquisition is one
 * "login" whose session token is `session-<n>-<suffix>`, registered as a secret
 * the way `login()` does.
 */
function fakeSessionAuth(secrets: SecretSet, options: { renewable?: boolean; loginMs?: number } = {}) {
  const stats = { acquisitions: 0, invalidations: [] as number[] };
  const cache = new CredentialCache<string>(
    async () => {
      stats.acquisitions++;
      const value = `session-${stats.acquisitions}-7c1e9a44b2d04f0f8e5b`;
      if (options.loginMs) await new Promise((r) => setTimeout(r, options.loginMs));
      secrets.add(value);
      return { value };
    },
    () => Date.now(),
    0,
  );
  const strategy: AuthStrategy = {
    kind: "fake-session",
    ...(options.renewable === undefined ? {} : { renewable: options.renewable }),
    async credentials() {
      const { value, generation } = await cache.get();
      return { headers: { "x-auth-token": value }, generation };
    },
    invalidate(generation) {
      stats.invalidations.push(generation);
      cache.invalidate(generation);
    },
    async close() {
      cache.clear();
    },
  };
  return { strategy, stats };
}

const session = (n: number) => `session-${n}-7c1e9a44b2d04f0f8e5b`;

/** 401 (or `status`) for the first session, `answer` for any later one. */
function expiresFirstSession(status = 401, answer: () => Response = ok): Handler {
  return (request) => (request.headers.get("x-auth-token") === session(1) ? reply(status)() : answer());
}

function makePipeline(fetch: PipelineOptions["fetch"], overrides: Partial<PipelineOptions> = {}) {
  const secrets = overrides.secrets ?? new SecretSet();
  secrets.add(API_TOKEN);
  const logs: string[] = [];
  const log = (m: string) => logs.push(m);
  const send: Send = createPipeline({
    fetch,
    userAgent: UA,
    timeoutMs: 5_000,
    retry: { minDelayMs: 1, maxDelayMs: 4 },
    logger: { debug: log, info: log, warn: log, error: log },
    secrets,
    reauthStatus: 401,
    random: () => 1, // jitter at its ceiling: waits are exact
    ...overrides,
  });
  return { send, secrets, logs };
}

async function rejection(promise: Promise<unknown>): Promise<PurekitError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(PurekitError);
    return e as PurekitError;
  }
  throw new Error("expected the call to fail");
}

/** Under fake timers: advance the clock until `promise` settles. */
async function settle<T>(promise: Promise<T>): Promise<T> {
  let done = false;
  promise.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  for (let i = 0; !done && i < 10_000; i++) await vi.advanceTimersByTimeAsync(50);
  return promise;
}

function useFakeClock() {
  // Only what the pipeline's waits use; AbortSignal.timeout stays on real (unref'd) timers.
  vi.useFakeTimers({
    toFake: ["setTimeout", "clearTimeout", "Date"],
    now: Date.parse("2026-01-01T00:00:00Z"),
  });
}

const gaps = (seen: Seen[]) => seen.slice(1).map((s, i) => s.at - seen[i]!.at);

afterEach(() => {
  vi.useRealTimers();
});

// ---------------------------------------------------------------- headers

describe("request id and user agent", () => {
  it("sets one UUID X-Request-ID, identical across retries and the re-auth replay", async () => {
    const { fetch, seen } = fakeTransport(answers(reply(503), reply(401), reply(429), ok));
    const { send, secrets } = makePipeline(fetch);
    const { strategy, stats } = fakeSessionAuth(secrets);
    const res = await send(new Request(VOLUMES), { auth: strategy });
    expect(res.status).toBe(200);
    expect(seen).toHaveLength(4);
    expect(stats.invalidations).toEqual([1]); // the 401 was the re-auth, the rest retries
    const ids = seen.map((s) => s.headers.get("x-request-id"));
    expect(ids[0]).toMatch(UUID);
    expect(new Set(ids).size).toBe(1);
    // A header set once: never a comma-joined list.
    expect(ids[0]).not.toContain(",");
  });

  it("gives each logical call its own id", async () => {
    const { fetch, seen } = fakeTransport(answers(ok));
    const { send } = makePipeline(fetch);
    await send(new Request(VOLUMES));
    await send(new Request(VOLUMES));
    expect(seen[0]!.headers.get("x-request-id")).not.toBe(seen[1]!.headers.get("x-request-id"));
  });

  it("keeps an X-Request-ID the caller set (pages of one paginated call share it)", async () => {
    const { fetch, seen } = fakeTransport(answers(reply(503), ok));
    const { send } = makePipeline(fetch);
    await send(new Request(VOLUMES, { headers: { "X-Request-ID": "my-trace-42" } }));
    expect(seen.map((s) => s.headers.get("x-request-id"))).toEqual(["my-trace-42", "my-trace-42"]);
  });

  it("sends User-Agent purekit/<version> (over any other) and Accept: application/json", async () => {
    const { fetch, seen } = fakeTransport(answers(ok));
    const { send } = makePipeline(fetch);
    await send(new Request(VOLUMES, { headers: { "user-agent": "curl/8.0" } }));
    expect(seen[0]!.headers.get("user-agent")).toBe(UA);
    expect(seen[0]!.headers.get("user-agent")).toMatch(/^purekit\/\d+\.\d+\.\d+/);
    expect(seen[0]!.headers.get("accept")).toBe("application/json");
  });
});

// ---------------------------------------------------------------- rate limits

describe("429", () => {
  it("waits the Retry-After seconds", async () => {
    useFakeClock();
    const { fetch, seen } = fakeTransport(answers(reply(429, { headers: { "retry-after": "2" } }), ok));
    const { send } = makePipeline(fetch);
    const res = await settle(send(new Request(VOLUMES)));
    expect(res.status).toBe(200);
    expect(gaps(seen)).toEqual([2000]);
  });

  it("waits until a Retry-After HTTP date", async () => {
    useFakeClock();
    const at = new Date(Date.now() + 3000).toUTCString();
    const { fetch, seen } = fakeTransport(answers(reply(429, { headers: { "retry-after": at } }), ok));
    const { send } = makePipeline(fetch);
    expect((await settle(send(new Request(VOLUMES)))).status).toBe(200);
    expect(gaps(seen)).toEqual([3000]);
  });

  it("waits the RateLimit-Reset seconds", async () => {
    useFakeClock();
    const { fetch, seen } = fakeTransport(answers(reply(429, { headers: { "ratelimit-reset": "2" } }), ok));
    const { send } = makePipeline(fetch);
    expect((await settle(send(new Request(VOLUMES)))).status).toBe(200);
    expect(gaps(seen)).toEqual([2000]);
  });

  it("backs off exponentially when no rate-limit header says how long (Pure1's X-RateLimit-* only)", async () => {
    useFakeClock();
    const limited = reply(429, {
      body: JSON.stringify({ message: "Too many requests" }),
      headers: { "x-ratelimit-limit-second": "10", "x-ratelimit-remaining-second": "0" },
    });
    const { fetch, seen } = fakeTransport(answers(limited, limited, limited, ok));
    const { send } = makePipeline(fetch, { retry: { minDelayMs: 100, maxDelayMs: 10_000 } });
    expect((await settle(send(new Request(VOLUMES)))).status).toBe(200);
    expect(gaps(seen)).toEqual([100, 200, 400]);
  });

  it("applies jitter to the backoff (full jitter: uniform below the ceiling)", async () => {
    useFakeClock();
    const { fetch, seen } = fakeTransport(answers(reply(429), reply(429), ok));
    const { send } = makePipeline(fetch, {
      retry: { minDelayMs: 100, maxDelayMs: 10_000 },
      random: () => 0.5,
    });
    await settle(send(new Request(VOLUMES)));
    expect(gaps(seen)).toEqual([50, 100]);
  });
});

// ---------------------------------------------------------------- what is retried

describe("which answers are retried", () => {
  it("retries 503 and 500 `Server is busy` for GET", async () => {
    const { fetch, seen } = fakeTransport(answers(reply(503), busy, ok));
    const { send } = makePipeline(fetch);
    expect((await send(new Request(VOLUMES))).status).toBe(200);
    expect(seen).toHaveLength(3);
  });

  it("does not retry a plain 500, and its body stays readable after the busy check", async () => {
    const body = JSON.stringify({ errors: [{ message: "Internal error" }] });
    const { fetch, seen } = fakeTransport(answers(reply(500, { body }), ok));
    const { send } = makePipeline(fetch);
    const res = await send(new Request(VOLUMES));
    expect(res.status).toBe(500);
    expect(await res.text()).toBe(body);
    expect(seen).toHaveLength(1);
  });

  it("retries GET, PUT and DELETE on a reset connection", async () => {
    for (const method of ["GET", "PUT", "DELETE"]) {
      const { fetch, seen } = fakeTransport(answers(systemError("ECONNRESET"), ok));
      const { send } = makePipeline(fetch);
      expect((await send(new Request(VOLUMES, { method }))).status).toBe(200);
      expect(seen).toHaveLength(2);
    }
  });

  for (const method of ["POST", "PATCH"]) {
    describe(`${method}: only when the request provably did not reach the server`, () => {
      const init = () => ({ method, body: JSON.stringify({ provisioned: 1024 }) });

      it("retries a 429", async () => {
        const { fetch, seen } = fakeTransport(answers(reply(429), ok));
        const { send } = makePipeline(fetch);
        expect((await send(new Request(VOLUMES, init()))).status).toBe(200);
        expect(seen).toHaveLength(2);
      });

      it("retries a refused connection as Deno on Windows words it", async () => {
        const { fetch, seen } = fakeTransport(
          answers(() => {
            throw new TypeError(
              "error sending request: No connection could be made because the target machine actively refused it. (os error 10061)",
            );
          }, ok),
        );
        const { send } = makePipeline(fetch);
        expect((await send(new Request(VOLUMES, init()))).status).toBe(200);
        expect(seen).toHaveLength(2);
      });

      it("retries a refused connection (TypeError, cause.code ECONNREFUSED)", async () => {
        const { fetch, seen } = fakeTransport(answers(systemError("ECONNREFUSED"), ok));
        const { send } = makePipeline(fetch);
        expect((await send(new Request(VOLUMES, init()))).status).toBe(200);
        expect(seen).toHaveLength(2);
        expect(new TextDecoder().decode(seen[1]!.body)).toBe(JSON.stringify({ provisioned: 1024 }));
      });

      it("does not retry 503 or 500 `Server is busy`", async () => {
        for (const answer of [reply(503), busy]) {
          const { fetch, seen } = fakeTransport(answers(answer, ok));
          const { send } = makePipeline(fetch);
          expect((await send(new Request(VOLUMES, init()))).status).not.toBe(200);
          expect(seen).toHaveLength(1);
        }
      });

      it("does not retry a reset connection (ECONNRESET): ERR_NETWORK after one attempt", async () => {
        const { fetch, seen } = fakeTransport(answers(systemError("ECONNRESET"), ok));
        const { send } = makePipeline(fetch);
        const error = await rejection(send(new Request(VOLUMES, init())));
        expect(error.code).toBe("ERR_NETWORK");
        expect(error.message).toContain("ECONNRESET");
        expect(seen).toHaveLength(1);
      });
    });
  }

  it("never retries 400, 401 (no auth), 403, 404, 409, 422", async () => {
    for (const status of [400, 401, 403, 404, 409, 422]) {
      for (const method of ["GET", "DELETE"]) {
        const { fetch, seen } = fakeTransport(answers(reply(status), ok));
        const { send } = makePipeline(fetch);
        expect((await send(new Request(VOLUMES, { method }))).status).toBe(status);
        expect(seen).toHaveLength(1);
      }
    }
  });

  it("stops after retry.retries retries and returns the last answer", async () => {
    for (const retries of [0, 1, 3]) {
      const { fetch, seen } = fakeTransport(answers(reply(503)));
      const { send } = makePipeline(fetch, { retry: { retries, minDelayMs: 1, maxDelayMs: 2 } });
      expect((await send(new Request(VOLUMES))).status).toBe(503);
      expect(seen).toHaveLength(retries + 1);
    }
  });

  it("gives up with ERR_NETWORK once the retries for a network error are spent", async () => {
    const { fetch, seen } = fakeTransport(answers(systemError("ECONNREFUSED")));
    const { send } = makePipeline(fetch, { retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 } });
    const error = await rejection(send(new Request(VOLUMES)));
    expect(error.code).toBe("ERR_NETWORK");
    expect(error.message).toContain("ECONNREFUSED");
    expect(error.message).toContain("after 2 retries");
    expect(seen).toHaveLength(3);
  });
});

// ---------------------------------------------------------------- deadline, abort, timeout

describe("deadline, abort and timeout", () => {
  it("returns the 429 at once when its Retry-After is longer than the deadline left", async () => {
    const { fetch, seen } = fakeTransport(answers(reply(429, { headers: { "retry-after": "5" } }), ok));
    const { send } = makePipeline(fetch, { deadlineMs: 1000 });
    const started = performance.now();
    const res = await send(new Request(VOLUMES));
    expect(res.status).toBe(429);
    expect(seen).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("never backs off past the deadline", async () => {
    useFakeClock();
    const { fetch, seen } = fakeTransport(answers(reply(503)));
    const { send } = makePipeline(fetch, {
      deadlineMs: 1000,
      retry: { retries: 10, minDelayMs: 100, maxDelayMs: 10_000 },
    });
    const started = Date.now();
    const res = await settle(send(new Request(VOLUMES)));
    expect(res.status).toBe(503);
    // Waits 100, 200, 400 (t = 700); the next, 800, would end at 1500 > 1000.
    expect(gaps(seen)).toEqual([100, 200, 400]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("an AbortSignal aborts a backoff sleep promptly (ERR_ABORTED), after an answer or a network error", async () => {
    for (const first of [reply(503, { headers: { "retry-after": "30" } }), systemError("ECONNREFUSED")]) {
      const { fetch, seen } = fakeTransport(answers(first));
      const { send } = makePipeline(fetch, { retry: { minDelayMs: 30_000, maxDelayMs: 30_000 } });
      const controller = new AbortController();
      const started = performance.now();
      const pending = send(new Request(VOLUMES, { signal: controller.signal }));
      setTimeout(() => controller.abort(new Error("user gave up")), 20);
      const error = await rejection(pending);
      expect(error.code).toBe("ERR_ABORTED");
      expect((error.cause as Error).message).toBe("user gave up");
      expect(performance.now() - started).toBeLessThan(1000);
      expect(seen).toHaveLength(1);
    }
  });

  it("an AbortSignal ends a call still waiting for a slow login (the login goes on for others)", async () => {
    const { fetch, seen } = fakeTransport(answers(ok));
    const { send, secrets } = makePipeline(fetch);
    const { strategy, stats } = fakeSessionAuth(secrets, { loginMs: 300 });
    const controller = new AbortController();
    const started = performance.now();
    const other = send(new Request(VOLUMES), { auth: strategy });
    setTimeout(() => controller.abort(), 20);
    const error = await rejection(
      send(new Request(VOLUMES, { signal: controller.signal }), { auth: strategy }),
    );
    expect(error.code).toBe("ERR_ABORTED");
    expect(performance.now() - started).toBeLessThan(200);
    expect((await other).status).toBe(200);
    expect(stats.acquisitions).toBe(1);
    expect(seen).toHaveLength(1);
  });

  it("an already aborted signal sends nothing", async () => {
    const { fetch, seen } = fakeTransport(answers(ok));
    const { send } = makePipeline(fetch);
    const error = await rejection(send(new Request(VOLUMES, { signal: AbortSignal.abort() })));
    expect(error.code).toBe("ERR_ABORTED");
    expect(seen).toHaveLength(0);
  });

  it("an AbortSignal aborts a request in flight (ERR_ABORTED, not a timeout)", async () => {
    const { fetch } = hangingTransport();
    const { send } = makePipeline(fetch);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await rejection(send(new Request(VOLUMES, { signal: controller.signal })));
    expect(error.code).toBe("ERR_ABORTED");
  });

  it("a slow server past the per-attempt timeout is ERR_TIMEOUT", async () => {
    const { fetch, seen } = hangingTransport();
    const { send } = makePipeline(fetch, { timeoutMs: 50 });
    const started = performance.now();
    const error = await rejection(send(new Request(VOLUMES)));
    expect(error.code).toBe("ERR_TIMEOUT");
    expect(error.message).toMatch(/timed out after 50 ms \(request id [0-9a-f-]{36}\)/);
    expect(error.message).toContain("timeoutMs");
    expect(performance.now() - started).toBeLessThan(1000);
    expect(seen).toHaveLength(1);
  });

  it("the deadline also bounds an attempt, and the timeout error says so", async () => {
    const { fetch } = hangingTransport();
    const { send } = makePipeline(fetch, { timeoutMs: 5_000, deadlineMs: 50 });
    const started = performance.now();
    const error = await rejection(send(new Request(VOLUMES)));
    expect(error.code).toBe("ERR_TIMEOUT");
    expect(error.message).toContain("deadlineMs");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("takes timeoutMs Infinity, a fraction, or past 2^31-1 ms (Node's timer limits)", async () => {
    // Before the fix: a RangeError for Infinity and 1500.5, and a 1 ms timeout above 2^31-1.
    for (const timeoutMs of [Number.POSITIVE_INFINITY, 1500.5, 2 ** 31 + 5]) {
      const { fetch } = fakeTransport(async () => {
        await new Promise((r) => setTimeout(r, 10));
        return ok();
      });
      const { send } = makePipeline(fetch, { timeoutMs });
      expect((await send(new Request(VOLUMES))).status).toBe(200);
    }
  });
});

// ---------------------------------------------------------------- re-auth

describe("re-auth on 401 (Pure1: 403)", () => {
  const json = JSON.stringify({ provisioned: 1 << 30, name: "vol-ü" });

  it("invalidates once and replays once with the same body bytes and fresh credentials", async () => {
    const { fetch, seen } = fakeTransport(expiresFirstSession());
    const { send, secrets } = makePipeline(fetch);
    const { strategy, stats } = fakeSessionAuth(secrets);
    const res = await send(
      new Request(VOLUMES, { method: "POST", headers: { "content-type": "application/json" }, body: json }),
      { auth: strategy },
    );
    expect(res.status).toBe(200);
    expect(seen).toHaveLength(2);
    expect(stats.invalidations).toEqual([1]);
    expect(stats.acquisitions).toBe(2);
    expect(seen.map((s) => s.headers.get("x-auth-token"))).toEqual([session(1), session(2)]);
    expect(seen[1]!.body).toEqual(seen[0]!.body);
    expect(new TextDecoder().decode(seen[1]!.body)).toBe(json);
    expect(seen[1]!.headers.get("content-type")).toBe("application/json");
    expect(seen[1]!.method).toBe("POST");
  });

  it("replays binary bodies byte for byte", async () => {
    const bytes = new Uint8Array([0, 255, 128, 10, 13, 0xc3, 0x28]); // not valid UTF-8
    const { fetch, seen } = fakeTransport(expiresFirstSession());
    const { send, secrets } = makePipeline(fetch);
    const { strategy } = fakeSessionAuth(secrets);
    await send(new Request(VOLUMES, { method: "PUT", body: bytes }), { auth: strategy });
    expect(seen[0]!.body).toEqual(bytes);
    expect(seen[1]!.body).toEqual(bytes);
  });

  it("returns a second 401 as it is", async () => {
    const { fetch, seen } = fakeTransport(answers(reply(401)));
    const { send, secrets } = makePipeline(fetch);
    const { strategy, stats } = fakeSessionAuth(secrets);
    const res = await send(new Request(VOLUMES, { method: "POST", body: json }), { auth: strategy });
    expect(res.status).toBe(401);
    expect(seen).toHaveLength(2);
    expect(stats.invalidations).toEqual([1]);
    expect(stats.acquisitions).toBe(2);
  });

  it("re-auths once and still retries a later 503 (one request id throughout)", async () => {
    const { fetch, seen } = fakeTransport(answers(reply(401), reply(503), ok));
    const { send, secrets } = makePipeline(fetch);
    const { strategy, stats } = fakeSessionAuth(secrets);
    expect((await send(new Request(VOLUMES), { auth: strategy })).status).toBe(200);
    expect(seen).toHaveLength(3);
    expect(stats.acquisitions).toBe(2);
    expect(new Set(seen.map((s) => s.headers.get("x-request-id"))).size).toBe(1);
  });

  it("does not replay for a non-renewable strategy (a plain access token)", async () => {
    const { fetch, seen } = fakeTransport(answers(reply(401), ok));
    const { send, secrets } = makePipeline(fetch);
    const { strategy, stats } = fakeSessionAuth(secrets, { renewable: false });
    expect((await send(new Request(VOLUMES), { auth: strategy })).status).toBe(401);
    expect(seen).toHaveLength(1);
    expect(stats.invalidations).toEqual([]);
    expect(stats.acquisitions).toBe(1);
  });

  it("an array's 403 is not a re-auth; Pure1's 403 is, and its 401 is not", async () => {
    {
      const { fetch, seen } = fakeTransport(expiresFirstSession(403));
      const { send, secrets } = makePipeline(fetch, { reauthStatus: 401 });
      const { strategy, stats } = fakeSessionAuth(secrets);
      expect((await send(new Request(VOLUMES), { auth: strategy })).status).toBe(403);
      expect(seen).toHaveLength(1);
      expect(stats.invalidations).toEqual([]);
    }
    {
      const { fetch, seen } = fakeTransport(expiresFirstSession(403));
      const { send, secrets } = makePipeline(fetch, { reauthStatus: 403 });
      const { strategy, stats } = fakeSessionAuth(secrets);
      expect((await send(new Request(VOLUMES), { auth: strategy })).status).toBe(200);
      expect(seen).toHaveLength(2);
      expect(stats.invalidations).toEqual([1]);
    }
    {
      const { fetch, seen } = fakeTransport(expiresFirstSession(401));
      const { send, secrets } = makePipeline(fetch, { reauthStatus: 403 });
      const { strategy } = fakeSessionAuth(secrets);
      expect((await send(new Request(VOLUMES), { auth: strategy })).status).toBe(401);
      expect(seen).toHaveLength(1);
    }
  });

  it("1000 concurrent calls that all get 401 on the first session cause exactly one re-login", async () => {
    // Answers come back in a scrambled order, so some 401s arrive after the new
    // session exists: invalidate(stale generation) must not log in again.
    let tick = 0;
    const { fetch, seen } = fakeTransport(async (request) => {
      const hops = tick++ % 4;
      for (let i = 0; i < hops; i++) await new Promise((r) => setImmediate(r));
      return expiresFirstSession()(request, 0);
    });
    const { send, secrets } = makePipeline(fetch);
    const { strategy, stats } = fakeSessionAuth(secrets, { loginMs: 5 });
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        send(new Request(`${ORIGIN}/api/2.38/volumes?names=v${i}`, { method: i % 2 ? "POST" : "GET" }), {
          auth: strategy,
        }),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(stats.acquisitions).toBe(2); // the first login, and exactly one re-login
    expect(stats.invalidations.filter((g) => g === 1).length).toBe(1000);
    expect(seen).toHaveLength(2000);
    expect(seen.filter((s) => s.headers.get("x-auth-token") === session(2))).toHaveLength(1000);
  });

  it("300 concurrent calls on an already established session that expires: still one re-login", async () => {
    let expired = false;
    const { fetch } = fakeTransport(async (request) => {
      await new Promise((r) => setImmediate(r));
      return expired && request.headers.get("x-auth-token") === session(1) ? reply(401)() : ok();
    });
    const { send, secrets } = makePipeline(fetch);
    const { strategy, stats } = fakeSessionAuth(secrets, { loginMs: 2 });
    expect((await send(new Request(VOLUMES), { auth: strategy })).status).toBe(200);
    expired = true;
    const results = await Promise.all(
      Array.from({ length: 300 }, () => send(new Request(VOLUMES), { auth: strategy })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(stats.acquisitions).toBe(2);
  });
});

// ---------------------------------------------------------------- credential cache

describe("CredentialCache (the single flight under the pipeline)", () => {
  it("a credential shorter-lived than the refresh margin is still reused, not re-acquired per call", async () => {
    let now = 1_000_000;
    let acquisitions = 0;
    // 30 s access token, 60 s default margin: before the fix every get() acquired again.
    const cache = new CredentialCache<string>(
      async () => ({ value: `t${++acquisitions}`, expiresAt: now + 30_000 }),
      () => now,
    );
    const first = await Promise.all(Array.from({ length: 100 }, () => cache.get()));
    expect(acquisitions).toBe(1);
    expect((await cache.get()).value).toBe("t1");
    now += 14_000;
    expect((await cache.get()).value).toBe("t1");
    // Refreshed proactively from half its life on, well before it lapses.
    now += 2_000;
    expect((await cache.get()).value).toBe("t2");
    expect(acquisitions).toBe(2);
    expect(first.every((c) => c.generation === 1)).toBe(true);
  });

  it("keeps the full margin for long-lived credentials", async () => {
    let now = 0;
    let acquisitions = 0;
    const cache = new CredentialCache<string>(
      async () => ({ value: `t${++acquisitions}`, expiresAt: now + 3_600_000 }),
      () => now,
      60_000,
    );
    await cache.get();
    now = 3_600_000 - 60_001;
    expect((await cache.get()).value).toBe("t1");
    now = 3_600_000 - 60_000;
    expect((await cache.get()).value).toBe("t2");
  });

  it("invalidate(stale generation) keeps the newer credential", async () => {
    let acquisitions = 0;
    const cache = new CredentialCache<string>(
      async () => ({ value: `t${++acquisitions}` }),
      () => 0,
    );
    const a = await cache.get();
    cache.invalidate(a.generation);
    const b = await cache.get();
    cache.invalidate(a.generation);
    expect((await cache.get()).value).toBe(b.value);
    expect(acquisitions).toBe(2);
  });
});

// ---------------------------------------------------------------- secrets

/** Every text an error carries: message, stack and string form, down its cause chain. */
function textsOf(value: unknown, depth = 0): string[] {
  if (depth > 5 || value === undefined || value === null) return [];
  if (value instanceof Error) {
    return [value.message, String(value), value.stack ?? "", ...textsOf(value.cause, depth + 1)];
  }
  if (typeof value === "object") {
    const v = value as { cause?: unknown; message?: unknown };
    return [JSON.stringify(value), String(v.message ?? ""), ...textsOf(v.cause, depth + 1)];
  }
  return [String(value)];
}

describe("no secret in errors or logs", () => {
  it("api-token, x-auth-token and authorization values appear nowhere", async () => {
    const errors: unknown[] = [];
    const logs: string[] = [];
    const secrets = new SecretSet();
    const failWith = async (
      handler: Handler,
      init: RequestInit,
      overrides: Partial<PipelineOptions> = {},
    ) => {
      const { fetch } = fakeTransport(handler);
      const p = makePipeline(fetch, { secrets, ...overrides });
      const { strategy } = fakeSessionAuth(secrets);
      try {
        // A secret-named query parameter too: URLs in messages are redacted.
        await p.send(new Request(`${VOLUMES}&api_token=${API_TOKEN}`, init), { auth: strategy });
        errors.push(new Error("no error"));
      } catch (e) {
        errors.push(e);
      }
      logs.push(...p.logs);
    };
    const withApiToken = { headers: { "api-token": API_TOKEN } };

    await failWith(answers(reply(401), systemError("ECONNREFUSED")), withApiToken, {
      retry: { retries: 2, minDelayMs: 1, maxDelayMs: 1 },
    });
    await failWith(answers(reply(401), systemError("ECONNRESET")), {
      ...withApiToken,
      method: "POST",
      body: "{}",
    });
    await failWith(hangingTransport().fetch, withApiToken, { timeoutMs: 30 });
    await failWith(answers(reply(503, { headers: { "retry-after": "30" } })), {
      ...withApiToken,
      signal: AbortSignal.timeout(30),
    });

    // A custom strategy whose token has a line break: the runtime's own TypeError
    // would quote it (`Headers.set: "<token>" is an invalid header value`).
    const badToken = "Bearer eyJhbGciOi\nJSUzI1NiJ9-broken-SECRET-4242";
    {
      const { fetch, seen } = fakeTransport(answers(ok));
      const p = makePipeline(fetch, { secrets });
      const strategy: AuthStrategy = {
        kind: "custom",
        credentials: async () => ({ headers: { authorization: badToken }, generation: 1 }),
        invalidate: () => {},
        close: async () => {},
      };
      const error = await rejection(p.send(new Request(VOLUMES), { auth: strategy }));
      expect(error.code).toBe("ERR_AUTH");
      expect(seen).toHaveLength(0);
      errors.push(error);
    }

    expect(errors.map((e) => (e as PurekitError).code)).toEqual([
      "ERR_NETWORK",
      "ERR_NETWORK",
      "ERR_TIMEOUT",
      "ERR_ABORTED",
      "ERR_AUTH",
    ]);
    expect(logs.length).toBeGreaterThan(0);
    const texts = [...errors.flatMap((e) => textsOf(e)), ...logs].join("\n");
    for (const secret of [
      API_TOKEN,
      session(1),
      session(2),
      "broken-SECRET-4242",
      encodeURIComponent(API_TOKEN),
    ]) {
      expect(texts).not.toContain(secret);
    }
    expect(texts).not.toMatch(/x-auth-token:\s*\S|authorization:\s*\S|api-token:\s*\S/i);
  });

  it("redacts a secret a transport's own error message quotes (Deno puts the URL and more in it)", async () => {
    const secrets = new SecretSet();
    const { fetch } = fakeTransport(() => {
      throw new TypeError(
        `error sending request (x-auth-token: ${session(1)}): connection closed before message completed`,
      );
    });
    const { send } = makePipeline(fetch, { secrets });
    const { strategy } = fakeSessionAuth(secrets);
    const error = await rejection(
      send(new Request(VOLUMES, { method: "POST", body: "{}" }), { auth: strategy }),
    );
    expect(error.code).toBe("ERR_NETWORK");
    expect(error.message).toContain("connection closed");
    expect(error.message).not.toContain(session(1));
    // The transport's own error stays the cause, as thrown: what it says is the transport's business.
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});
