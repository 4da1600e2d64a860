/**
 * The mock under attack from loopback (issue 9, points 10–12): request bodies past the
 * size limit are refused with 413 without being read to the end (in-process and over
 * the Node server), deeply nested JSON is refused before anything is stored, no
 * malformed request makes the mock answer 5xx, the default password is random per
 * mock, wrong passwords lock the user out, and binding beyond loopback warns.
 */
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exposureWarning } from "../../cli/mock.ts";
import { createFlashArrayMock, createFlashBladeMock, type MockArray } from "../../mock/index.ts";
import { startNodeMockServer } from "../../mock/server/node.ts";
import { loadVersion } from "../../mock/spec.ts";
import { createFlashArrayClient } from "../../runtime/flasharray.ts";
import { PurekitError } from "../../runtime/index.ts";
import { type Json, login, session } from "./helpers.ts";

const KIB = 1024;
const MIB = 1024 * KIB;

/** A body stream that would yield `total` bytes, counting what was pulled from it. */
function countingStream(
  total: number,
  chunk: number,
): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const block = new Uint8Array(chunk).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) {
        controller.close();
        return;
      }
      pulled += chunk;
      controller.enqueue(block);
    },
  });
  return { stream, pulled: () => pulled };
}

describe("request body limit", () => {
  it("in-process: a 1 GiB streamed body answers 413 errors[] after reading little more than the limit", async () => {
    const array = createFlashArrayMock({ seed: "empty", maxRequestBytes: 64 * KIB });
    const token = await login(array);
    const { stream, pulled } = countingStream(1024 * MIB, 16 * KIB);
    const res = await array.fetch(`${array.baseUrl}/api/${array.versions.at(-1)}/volumes?names=big`, {
      method: "POST",
      headers: { "x-auth-token": token, "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    const body = (await res.json()) as Json;
    expect(body.errors[0]).toMatchObject({ context: "body", message: expect.stringMatching(/65536 bytes/) });
    // Read-ahead of a few chunks at most, never the gigabyte.
    expect(pulled()).toBeLessThan(256 * KIB);
    expect(array.state.collection("/volumes").size).toBe(0);
  });

  it("in-process: a declared content-length over the limit is refused before reading; token exchange and REST 1.x too", async () => {
    const array = createFlashArrayMock({ seed: "empty", maxRequestBytes: 1 * KIB });
    const big = "x".repeat(2 * KIB);
    const token = await array.fetch(`${array.baseUrl}/oauth2/1.0/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `subject_token=${big}`,
    });
    expect(token.status).toBe(413);
    const legacy = await array.fetch(`${array.baseUrl}/api/1.19/auth/apitoken`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "pureuser", password: big }),
    });
    expect(legacy.status).toBe(413);
    expect(((await legacy.json()) as Json).errors[0].context).toBe("body");
  });

  describe("over the Node server", () => {
    let array: MockArray;
    let server: Awaited<ReturnType<typeof startNodeMockServer>>;
    beforeAll(async () => {
      array = createFlashArrayMock({ seed: "empty", baseUrl: "http://127.0.0.1", maxRequestBytes: 1 * MIB });
      server = await startNodeMockServer(array, { port: 0 });
    });
    afterAll(() => server.close());

    /** Streams up to `total` bytes (chunked) until the answer comes; returns it and how much was written. */
    function sendChunked(total: number): Promise<{ status: number; body: string; written: number }> {
      return new Promise((resolve, reject) => {
        let written = 0;
        let answered = false;
        const block = Buffer.alloc(64 * KIB, 0x20);
        const req = httpRequest(`${server.url}/api/${array.versions.at(-1)}/volumes?names=big`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-auth-token": "x" },
        });
        req.on("response", (res) => {
          answered = true;
          const at = written;
          let body = "";
          res.on("data", (d: Buffer) => {
            body += d.toString();
          });
          res.on("end", () => {
            req.destroy();
            resolve({ status: res.statusCode ?? 0, body, written: at });
          });
        });
        req.on("error", (e) => {
          if (!answered) reject(e);
        });
        const pump = () => {
          while (!answered && written < total) {
            written += block.length;
            if (!req.write(block)) {
              req.once("drain", pump);
              return;
            }
          }
          if (!answered) req.end();
        };
        pump();
      });
    }

    it("answers 413 errors[] to a 1 GiB chunked body long before it is sent, and stays up", async () => {
      const { status, body, written } = await sendChunked(1024 * MIB);
      expect(status).toBe(413);
      expect((JSON.parse(body) as Json).errors[0].context).toBe("body");
      expect(written).toBeLessThan(128 * MIB);
      const version = await fetch(`${server.url}/api/api_version`);
      expect(version.status).toBe(200);
    });

    it("refuses a declared content-length over the limit without reading", async () => {
      const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(`${server.url}/api/${array.versions.at(-1)}/volumes?names=big`, {
          method: "POST",
          headers: { "content-type": "application/json", "content-length": String(512 * MIB) },
        });
        req.on("response", (r) => {
          let body = "";
          r.on("data", (d: Buffer) => {
            body += d.toString();
          });
          r.on("end", () => {
            req.destroy();
            resolve({ status: r.statusCode ?? 0, body });
          });
        });
        req.on("error", reject);
        req.write("{");
      });
      expect(res.status).toBe(413);
      expect((JSON.parse(res.body) as Json).errors[0].message).toMatch(/1048576 bytes/);
    });
  });
});

describe("validation before state changes", () => {
  it("a deeply nested body answers 400, stores nothing, and listings keep working", async () => {
    const array = createFlashArrayMock({ seed: "empty" });
    const c = await session(array);
    const deep = `${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`;
    for (const [path, text] of [
      ["/volumes?names=v1", `{"provisioned":1048576,"qos":${deep}}`],
      ["/hosts?names=h1", `{"chap":${deep}}`],
      ["/volumes?names=v2", "[".repeat(100_000) + "]".repeat(100_000)],
    ] as const) {
      const res = await array.fetch(`${array.baseUrl}/api/${array.versions.at(-1)}${path}`, {
        method: "POST",
        headers: { "x-auth-token": await login(array), "content-type": "application/json" },
        body: text,
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as Json).errors[0]).toMatchObject({ context: "body" });
    }
    expect((await c("GET", "/volumes")).status).toBe(200);
    expect((await c("GET", "/hosts")).body.items).toEqual([]);
    expect(array.state.collection("/volumes").size).toBe(0);
  });
});

/** Malformed variants of one operation's request. */
function malformed(op: {
  method: string;
  path: string;
  query: readonly { name: string; type: string }[];
}): { query: string; body?: string; type?: string }[] {
  const out: { query: string; body?: string; type?: string }[] = [
    { query: "?no_such_param=1" },
    { query: "?names=%E0%A4%A" },
    { query: `?names=a&names=b&filter=${encodeURIComponent("name='x' and (")}` },
    { query: "?names=x", body: "{not json", type: "application/json" },
    { query: "?names=x", body: "null", type: "application/json" },
    { query: "?names=x", body: '"text"', type: "application/json" },
    { query: "?names=x", body: "[1,{}]", type: "application/json" },
    { query: "?names=x", body: "[".repeat(5000), type: "application/json" },
    { query: "?names=x", body: "a=b", type: "application/x-www-form-urlencoded" },
    { query: "?names=x", body: '{"name":{"$ne":1},"provisioned":-1e400}', type: "application/json" },
  ];
  op.query.slice(0, 10).forEach((param, i) => {
    const wrong = param.type === "string" ? "%00%FF" : param.type === "array" ? ",,," : "not-a-value";
    out.push({ query: `?${param.name}=${i % 2 ? wrong : "99999999999999999999999"}` });
  });
  out.push({ query: "?limit=-1&offset=-5&sort=%2C-&continuation_token=bm9wZQ" });
  return out;
}

async function noServerErrors(
  array: MockArray,
  only: RegExp = /./,
): Promise<{ requests: number; failures: string[] }> {
  const version = array.versions.at(-1) as string;
  const spec = await loadVersion(array.product, version);
  const token = await login(array);
  const failures: string[] = [];
  let requests = 0;
  for (const op of spec.table.operations.filter((o) => only.test(o.path))) {
    for (const variant of malformed(op)) {
      if (op.method === "get" && variant.body !== undefined) continue; // fetch sends no GET body
      const headers: Record<string, string> = { "x-auth-token": token };
      if (variant.type) headers["content-type"] = variant.type;
      const res = await array.fetch(`${array.baseUrl}/api/${version}${op.path}${variant.query}`, {
        method: op.method.toUpperCase(),
        headers,
        ...(variant.body === undefined ? {} : { body: variant.body }),
      });
      requests++;
      const text = await res.text();
      if (res.status >= 500) failures.push(`${op.method} ${op.path}${variant.query} → ${res.status} ${text}`);
    }
  }
  return { requests, failures };
}

describe("no 5xx for a client's bad input", () => {
  it("FlashArray: malformed queries and bodies on every operation answer 4xx", async () => {
    const { requests, failures } = await noServerErrors(createFlashArrayMock({ seed: "recorded" }));
    expect(requests).toBeGreaterThan(4000);
    expect(failures).toEqual([]);
  }, 120_000);

  it("FlashBlade: malformed queries and bodies on every operation answer 4xx", async () => {
    const { requests, failures } = await noServerErrors(createFlashBladeMock({ seed: "recorded" }));
    expect(requests).toBeGreaterThan(2000);
    expect(failures).toEqual([]);
  }, 120_000);

  it("a configured fault is the only way to a 5xx (the check above can fail)", async () => {
    const array = createFlashArrayMock({ seed: "empty" });
    array.faults.add({ path: "/volumes", status: 503, times: 1 });
    const { failures } = await noServerErrors(array, /^\/(volumes|hosts)$/);
    expect(failures.length).toBe(1);
    expect(failures[0]).toMatch(/\/volumes\?.* → 503/);
  }, 120_000);
});

describe("credentials", () => {
  it("the default user's password is random per mock, shown as array.password; pureuser:pureuser is refused", async () => {
    const a = createFlashArrayMock({ seed: "empty" });
    const b = createFlashArrayMock({ seed: "empty" });
    expect(a.password).not.toBe(b.password);
    expect(a.password.length).toBeGreaterThanOrEqual(32);
    const fa = await createFlashArrayClient({
      host: a.baseUrl,
      auth: { username: "pureuser", password: a.password },
      fetch: a.fetch,
    });
    expect((await fa.GET("/volumes")).response.status).toBe(200);
    await fa.close();
    const guessed = await createFlashArrayClient({
      host: a.baseUrl,
      auth: { username: "pureuser", password: "pureuser" },
      fetch: a.fetch,
    });
    const refused = await guessed.GET("/volumes").then(
      () => null,
      (e: unknown) => e,
    );
    await guessed.close();
    expect(refused).toBeInstanceOf(PurekitError);
    expect((refused as PurekitError).code).toBe("ERR_AUTH");
  });

  it("REST 1.x auth/apitoken: 401 for each wrong password, then 429 with Retry-After even for the right one, until the lockout ends", async () => {
    let now = 1_700_000_000_000;
    const array = createFlashArrayMock({
      seed: "empty",
      now: () => now,
      users: [{ username: "ops", password: "right-password" }],
      loginLockout: { maxAttempts: 3, durationMs: 60_000 },
    });
    const attempt = async (password: string) => {
      const res = await array.fetch(`${array.baseUrl}/api/1.19/auth/apitoken`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "ops", password }),
      });
      return {
        status: res.status,
        retryAfter: res.headers.get("retry-after"),
        body: (await res.json()) as Json,
      };
    };
    for (let i = 0; i < 3; i++) expect((await attempt(`wrong-${i}`)).status).toBe(401);
    const locked = await attempt("right-password");
    expect(locked.status).toBe(429);
    expect(locked.retryAfter).toBe("60");
    expect(locked.body.errors[0]).toMatchObject({
      context: "username",
      message: expect.stringMatching(/locked/),
    });
    expect(JSON.stringify(locked.body)).not.toContain("right-password");
    now += 60_001;
    const open = await attempt("right-password");
    expect(open.status).toBe(200);
    expect(typeof open.body.api_token).toBe("string");
    // A success resets the count.
    expect((await attempt("wrong-again")).status).toBe(401);
    expect((await attempt("right-password")).status).toBe(200);
  });

  it("unknown user names share one counter, so guessing names is locked out too", async () => {
    const array = createFlashArrayMock({ seed: "empty", loginLockout: { maxAttempts: 2 } });
    const statuses: number[] = [];
    for (const username of ["a", "b", "c"]) {
      const res = await array.fetch(`${array.baseUrl}/api/1.19/auth/apitoken`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password: "x" }),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 429]);
  });

  it("warns when the server would listen beyond loopback", () => {
    expect(exposureWarning("127.0.0.1")).toBeNull();
    expect(exposureWarning("::1")).toBeNull();
    expect(exposureWarning("localhost")).toBeNull();
    expect(exposureWarning("0.0.0.0")).toMatch(/every network interface.*API token/);
    expect(exposureWarning("::")).toMatch(/every network interface/);
    expect(exposureWarning("192.168.1.20")).toMatch(/192\.168\.1\.20, beyond this machine/);
  });
});
