import { describe, expect, it } from "vitest";
import { highestRest1 } from "../../runtime/auth/api-token.ts";
import { CredentialCache } from "../../runtime/auth/cache.ts";
import { PurekitError } from "../../runtime/errors.ts";
import { f } from "../../runtime/filter.ts";
import { normalizeOrigin } from "../../runtime/host.ts";
import { serializeQuery } from "../../runtime/query.ts";
import { REDACTED, redactHeaders, redactUrl, redactValue, SecretSet } from "../../runtime/redact.ts";
import {
  backoffMs,
  classifyError,
  classifyStatus,
  mayRetry,
  RETRY_DEFAULTS,
  serverDelayMs,
} from "../../runtime/retry.ts";
import { chooseVersion, listedVersions } from "../../runtime/versions.ts";

describe("query serialisation", () => {
  it("comma-separates lists and percent-encodes each element", () => {
    expect(serializeQuery({ names: ["a", "b,c", "d e"], limit: 10, destroyed: false, x: undefined })).toBe(
      "names=a,b%2Cc,d%20e&limit=10&destroyed=false",
    );
  });
  it("renders a filter builder and escapes it", () => {
    expect(serializeQuery({ filter: f.eq("name", "v1").and(f.gte("provisioned", 1024)) })).toBe(
      `filter=${encodeURIComponent("name='v1' and provisioned>=1024")}`,
    );
  });
});

describe("retry policy", () => {
  it("retries 429, 503 and 500 busy; never 400/401/403/404/409/422 or a plain 500", () => {
    expect(classifyStatus(429)).toBe("rate-limited");
    expect(classifyStatus(503)).toBe("unavailable");
    expect(classifyStatus(500, '{"errors":[{"message":"Server is busy"}]}')).toBe("busy");
    for (const s of [400, 401, 403, 404, 409, 422]) expect(classifyStatus(s)).toBeNull();
    expect(classifyStatus(500, '{"errors":[{"message":"internal"}]}')).toBeNull();
  });
  it("POST and PATCH only when the request provably did not reach the server", () => {
    for (const m of ["POST", "PATCH"]) {
      expect(mayRetry(m, "rate-limited")).toBe(true);
      expect(mayRetry(m, "connection-refused")).toBe(true);
      expect(mayRetry(m, "unavailable")).toBe(false);
      expect(mayRetry(m, "busy")).toBe(false);
      expect(mayRetry(m, "network")).toBe(false);
    }
    expect(mayRetry("GET", "network")).toBe(true);
    expect(mayRetry("GET", null)).toBe(false);
  });
  it("classifies undici and Deno connection errors", () => {
    const undici = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    expect(classifyError(undici)).toBe("connection-refused");
    expect(classifyError(new TypeError("error sending request: Connection refused (os error 111)"))).toBe(
      "connection-refused",
    );
    expect(
      classifyError(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } })),
    ).toBe("network");
    expect(classifyError(new DOMException("x", "AbortError"))).toBeNull();
  });
  it("honours Retry-After in seconds and as a date, and RateLimit-Reset", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(serverDelayMs(new Headers({ "retry-after": "3" }), now)).toBe(3000);
    expect(serverDelayMs(new Headers({ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }), now)).toBe(5000);
    expect(serverDelayMs(new Headers({ "ratelimit-reset": "2" }), now)).toBe(2000);
    expect(serverDelayMs(new Headers({ "ratelimit-reset": String(now / 1000 + 7) }), now)).toBe(7000);
    expect(serverDelayMs(new Headers({}), now)).toBeUndefined();
  });
  it("backs off exponentially with full jitter, capped", () => {
    expect(backoffMs(0, RETRY_DEFAULTS, () => 1)).toBe(250);
    expect(backoffMs(3, RETRY_DEFAULTS, () => 1)).toBe(2000);
    expect(backoffMs(20, RETRY_DEFAULTS, () => 1)).toBe(20_000);
    expect(backoffMs(3, RETRY_DEFAULTS, () => 0)).toBe(0);
  });
});

describe("version negotiation", () => {
  const known = ["2.0", "2.1", "2.10", "2.38", "2.56"];
  it("reads FA `version` and FB `versions`", () => {
    expect(listedVersions({ version: ["1.0", "2.0"] })).toEqual(["1.0", "2.0"]);
    expect(listedVersions({ versions: ["2.1"] })).toEqual(["2.1"]);
  });
  it("picks the highest common version, skipping unknown entries", () => {
    expect(
      chooseVersion("flasharray", "https://a", ["1.19", "2.0", "2.10", "2.s-dev", "2.DEV", "2.38"], known),
    ).toBe("2.38");
    // A newer array than purekit: purekit's newest.
    expect(chooseVersion("flasharray", "https://a", ["2.0", "2.56", "2.60"], known)).toBe("2.56");
  });
  it("a pinned version the array lacks is a typed error listing what it offers", () => {
    try {
      chooseVersion("flasharray", "https://a", ["2.0", "2.1"], known, "2.38");
      throw new Error("no error");
    } catch (e) {
      expect((e as PurekitError).code).toBe("ERR_VERSION_UNSUPPORTED");
      expect((e as Error).message).toContain("does not offer REST 2.38; it offers 2.0, 2.1");
    }
    expect(() => chooseVersion("flasharray", "https://a", ["2.0"], known, "2.99")).toThrow(
      /purekit has no flasharray REST 2.99/,
    );
  });
  it("uses the highest REST 1.x for the API token call", () => {
    expect(highestRest1(["1.0", "1.9", "1.19", "2.0"])).toBe("1.19");
    expect(highestRest1(["2.0"])).toBe("1.19");
  });
});

describe("redaction", () => {
  it("removes secret headers, known values, JWTs and PEM blocks", () => {
    const s = new SecretSet();
    s.add("T-secret-token-123");
    expect(
      redactHeaders(
        new Headers({ "api-token": "x", Authorization: "Bearer y", "x-auth-token": "z", accept: "a" }),
      ),
    ).toEqual({
      "api-token": REDACTED,
      authorization: REDACTED,
      "x-auth-token": REDACTED,
      accept: "a",
    });
    expect(s.redact("token T-secret-token-123 and T-secret-token-123")).toBe(
      `token ${REDACTED} and ${REDACTED}`,
    );
    expect(s.redact("jwt eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln end")).toBe(`jwt ${REDACTED} end`);
    expect(s.redact("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----")).toBe(REDACTED);
    expect(redactValue({ username: "u", password: "p", nested: { api_token: "t" } })).toEqual({
      username: "u",
      password: REDACTED,
      nested: { api_token: REDACTED },
    });
    expect(redactUrl("https://a/x?subject_token=abc&limit=1")).toContain("limit=1");
    expect(redactUrl("https://a/x?subject_token=abc&limit=1")).not.toContain("abc");
  });
});

describe("credential cache", () => {
  it("single flight: concurrent callers share one acquisition; stale invalidations are ignored", async () => {
    let acquisitions = 0;
    const cache = new CredentialCache(async () => {
      acquisitions++;
      await new Promise((r) => setTimeout(r, 5));
      return { value: `s${acquisitions}` };
    }, Date.now);
    const got = await Promise.all(Array.from({ length: 1000 }, () => cache.get()));
    expect(acquisitions).toBe(1);
    expect(new Set(got.map((g) => g.value))).toEqual(new Set(["s1"]));
    // 1000 callers report the same rejected generation: one new acquisition.
    for (const g of got) cache.invalidate(g.generation);
    const again = await Promise.all(Array.from({ length: 1000 }, () => cache.get()));
    expect(acquisitions).toBe(2);
    cache.invalidate(got[0]!.generation); // old generation: no effect
    await cache.get();
    expect(acquisitions).toBe(2);
    expect(again[0]!.value).toBe("s2");
  });
  it("refreshes proactively before expiry", async () => {
    let now = 0;
    let n = 0;
    const cache = new CredentialCache(
      async () => ({ value: ++n, expiresAt: now + 120_000 }),
      () => now,
      60_000,
    );
    expect((await cache.get()).value).toBe(1);
    now = 59_000;
    expect((await cache.get()).value).toBe(1);
    now = 61_000;
    expect((await cache.get()).value).toBe(2);
  });
});

describe("host normalisation", () => {
  it("accepts host, host:port and URLs; defaults to https", () => {
    expect(normalizeOrigin("array.example.com")).toBe("https://array.example.com");
    expect(normalizeOrigin("array:8443")).toBe("https://array:8443");
    expect(normalizeOrigin("http://127.0.0.1:8080/")).toBe("http://127.0.0.1:8080");
    expect(() => normalizeOrigin("")).toThrow(PurekitError);
    expect(() => normalizeOrigin("ftp://x")).toThrow(/not a host name/);
  });
});
