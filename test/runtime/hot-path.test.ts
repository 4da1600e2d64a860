/**
 * The client's hot path (docs/decisions/018-client-hot-path.md): on Node with TLS
 * options the pipeline sends through undici's dispatcher (`direct`), with no global
 * Request and one Response per call, the answer's body bounded and stopped in its one
 * stream, one timer per attempt released when the answer is read. Every behaviour the
 * fetch transport has is checked here against that path, over real HTTPS on 127.0.0.1:
 * bounds, stalls, aborts, decoding, re-auth replay, retries after a reset connection.
 */
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { createFlashArrayMock } from "../../mock/index.ts";
import { createSelfSignedCertificate } from "../../mock/tls/index.ts";
import { createFlashArrayClient } from "../../runtime/flasharray.ts";
import { CallRequest } from "../../runtime/http.ts";
import { type Logger, PurekitError } from "../../runtime/index.ts";
import { createTransportFetch } from "../../runtime/transport/index.ts";
import {
  type RecordingHandler,
  type RecordingServer,
  type Seen,
  serveRecording,
} from "../helpers/recording.ts";

const certs = await createSelfSignedCertificate();
const API_TOKEN = "0d9f8e7c-hot-path-api-token-4321";
const SESSION = "session-hot-path-7c1e9a44b2d04f0f8e5b";
const quiet: Logger = {};

const open: RecordingServer[] = [];
afterEach(async () => {
  vi.unstubAllGlobals();
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** An HTTPS array on 127.0.0.1: api_version and login answered, data calls to `data`. */
async function serve(data: RecordingHandler): Promise<{ host: string; seen: Seen[] }> {
  const json = { "content-type": "application/json" };
  const server = await serveRecording((req, res, raw) => {
    if (req.path === "/api/api_version") res.writeHead(200, json).end('{"version":["2.38"]}');
    else if (req.path === "/api/2.38/login")
      res.writeHead(200, { ...json, "x-auth-token": SESSION }).end('{"items":[{}]}');
    else if (req.path === "/api/2.38/logout") res.writeHead(200, json).end("{}");
    else return data(req, res, raw);
  }, certs);
  open.push(server);
  return { host: server.origin, seen: server.seen };
}

function client(host: string, options: Partial<Parameters<typeof createFlashArrayClient>[0]> = {}) {
  return createFlashArrayClient({
    host,
    auth: { apiToken: API_TOKEN },
    tls: { ca: certs.caPem },
    proxy: false,
    retry: { retries: 0 },
    logger: quiet,
    ...options,
  });
}

async function failure(p: Promise<unknown>): Promise<PurekitError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PurekitError);
    return e as PurekitError;
  }
  throw new Error("expected a failure, the call succeeded");
}

const ITEMS = { items: [{ name: "vol1" }, { name: "vol2" }], total_item_count: 2 };
const ok: RecordingHandler = (_req, res) => {
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(ITEMS));
};

/** Counts global Requests made while `run` runs (the global is a counting subclass meanwhile). */
async function requestsBuiltBy(run: () => Promise<unknown>): Promise<number> {
  let built = 0;
  const Original = globalThis.Request;
  class Counting extends Original {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(input, init);
      built++;
    }
  }
  vi.stubGlobal("Request", Counting);
  try {
    await run();
  } finally {
    vi.stubGlobal("Request", Original);
  }
  return built;
}

describe("one request per call", () => {
  it("Node with tls.ca: the transport has a direct send, and a data call builds no global Request", async () => {
    const transport = await createTransportFetch({ tls: { ca: certs.caPem } });
    expect(typeof transport.direct).toBe("function");
    await transport.close?.();

    const a = await serve(ok);
    const fa = await client(a.host);
    await fa.GET("/volumes"); // logs in (a Request of the auth code's own)
    const built = await requestsBuiltBy(async () => {
      for (let i = 0; i < 5; i++) {
        const { data, error } = await fa.GET("/volumes");
        expect(error).toBeUndefined();
        expect(data?.items?.map((v) => v.name)).toEqual(["vol1", "vol2"]);
      }
    });
    expect(built).toBe(0);
    // No fetch layer in between: fetch would have added its own sec-fetch-mode header.
    const calls = a.seen.filter((s) => s.path.startsWith("/api/2.38/volumes"));
    expect(calls).toHaveLength(6);
    expect(calls[0]?.headers["sec-fetch-mode"]).toBeUndefined();
    expect(calls[0]?.headers["accept-encoding"]).toBe("br, gzip, deflate");
    expect(calls[0]?.headers["user-agent"]).toMatch(/^purekit\//);
    expect(calls[0]?.headers["x-auth-token"]).toBe(SESSION);
    await fa.close();
  });

  it("a given fetch (the mock's) gets exactly one global Request per call", async () => {
    const array = createFlashArrayMock({ version: "2.38" });
    let counting = true;
    let built = 0;
    const Original = globalThis.Request;
    class Counting extends Original {
      constructor(input: RequestInfo | URL, init?: RequestInit) {
        super(input, init);
        if (counting) built++;
      }
    }
    const fa = await createFlashArrayClient({
      host: "https://flasharray.mock",
      auth: { apiToken: array.apiToken },
      // What the mock builds on its side is not the client's.
      fetch: async (input, init) => {
        counting = false;
        try {
          return await array.fetch(input, init);
        } finally {
          counting = true;
        }
      },
      logger: quiet,
    });
    await fa.GET("/volumes"); // logs in
    vi.stubGlobal("Request", Counting);
    for (let i = 0; i < 4; i++) expect((await fa.GET("/volumes")).error).toBeUndefined();
    vi.stubGlobal("Request", Original);
    expect(built).toBe(4);
    await fa.close();
  });
});

describe("answers on the direct path are bounded and stop", () => {
  const MiB = 1024 * 1024;

  it("an endless 200 answer ends with ERR_RESPONSE_TOO_LARGE, and the connection is dropped", async () => {
    let sent = 0;
    const a = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed && sent < 256 * MiB) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
      };
      res.write("[");
      pump();
    });
    const fa = await client(a.host, { maxResponseBytes: MiB });
    const e = await failure(fa.getVolumes());
    expect(e.code).toBe("ERR_RESPONSE_TOO_LARGE");
    expect(e.message).toContain("maxResponseBytes");
    expect(sent).toBeLessThan(64 * MiB);
    await fa.close();
  });

  it("a Content-Length above the limit fails before the body is read", async () => {
    const a = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(2 * MiB) });
      res.write("{");
    });
    const fa = await client(a.host, { maxResponseBytes: MiB });
    const e = await failure(fa.getVolumes());
    expect(e.code).toBe("ERR_RESPONSE_TOO_LARGE");
    expect(e.message).toContain(String(2 * MiB));
    await fa.close();
  });

  it("a 200 whose body stalls is ERR_TIMEOUT under a per-call timeoutMs", async () => {
    const a = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"items": [');
    });
    const fa = await client(a.host, { timeoutMs: 60_000 });
    const perCall = await failure(fa.GET("/volumes", { timeoutMs: 300 }));
    expect(perCall.code).toBe("ERR_TIMEOUT");
    await fa.close();
  });

  it("a 500 whose body stalls is ERR_TIMEOUT naming the body", async () => {
    const a = await serve((_req, res) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.write('{"errors": [');
    });
    const fa = await client(a.host, { timeoutMs: 60_000 });
    const e = await failure(fa.GET("/volumes", { timeoutMs: 300 }));
    expect(e.code).toBe("ERR_TIMEOUT");
    expect(e.message).toMatch(/body did not arrive/);
    await fa.close();
  });

  it("the caller's signal ends a call before the answer and while its body streams in", async () => {
    const a = await serve((req, res) => {
      if (req.path.includes("names=slow")) return; // never answers
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"items": [');
    });
    const fa = await client(a.host, { timeoutMs: 60_000 });
    const before = new AbortController();
    setTimeout(() => before.abort(new Error("stop")), 100);
    const e1 = await failure(
      fa.GET("/volumes", { params: { query: { names: ["slow"] } }, signal: before.signal }),
    );
    expect(e1.code).toBe("ERR_ABORTED");

    const during = new AbortController();
    setTimeout(() => during.abort(new Error("stop")), 100);
    const e2 = await failure(fa.GET("/volumes", { signal: during.signal }));
    expect(e2.code).toBe("ERR_ABORTED");
    await fa.close();
  });
});

describe("the direct path keeps fetch's behaviour", () => {
  it("decodes gzip, deflate and br answers, as fetch does", async () => {
    const body = Buffer.from(JSON.stringify(ITEMS));
    const encoded: Record<string, Buffer> = {
      gzip: gzipSync(body),
      deflate: deflateSync(body),
      br: brotliCompressSync(body),
    };
    const a = await serve((req, res) => {
      const coding = new URL(req.path, "https://x").searchParams.get("names") ?? "gzip";
      res.writeHead(200, { "content-type": "application/json", "content-encoding": coding });
      res.end(encoded[coding]);
    });
    const fa = await client(a.host);
    for (const coding of Object.keys(encoded)) {
      const { data, error } = await fa.GET("/volumes", { params: { query: { names: [coding] } } });
      expect(error).toBeUndefined();
      expect(data?.items?.map((v) => v.name)).toEqual(["vol1", "vol2"]);
    }
    await fa.close();
  });

  it("re-authenticates once on a 401 and replays the POST with its body", async () => {
    let refused = false;
    const a = await serve((req, res) => {
      if (!refused) {
        refused = true;
        res.writeHead(401, { "content-type": "application/json" }).end('{"errors":[{"message":"expired"}]}');
        return;
      }
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ items: [JSON.parse(req.body)] }));
    });
    const fa = await client(a.host);
    const { data, error } = await fa.POST("/volumes", {
      params: { query: { names: ["v9"] } },
      body: { provisioned: 1_048_576 },
    });
    expect(error).toBeUndefined();
    expect(data?.items?.[0]).toEqual({ provisioned: 1_048_576 });
    const posts = a.seen.filter((s) => s.method === "POST" && s.path.startsWith("/api/2.38/volumes"));
    expect(posts.map((p) => p.body)).toEqual(['{"provisioned":1048576}', '{"provisioned":1048576}']);
    expect(a.seen.filter((s) => s.path === "/api/2.38/login")).toHaveLength(2);
    await fa.close();
  });

  it("retries a GET whose connection was reset, and says ERR_NETWORK when it keeps happening", async () => {
    let resets = 1;
    const a = await serve((_req, res, raw) => {
      if (resets-- > 0) return void raw.socket.destroy();
      ok(_req, res, raw);
    });
    const fa = await client(a.host, { retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 } });
    expect((await fa.GET("/volumes")).error).toBeUndefined();
    resets = 100;
    const e = await failure(fa.GET("/volumes"));
    expect(e.code).toBe("ERR_NETWORK");
    expect(e.message).toContain("after 2 retries");
    await fa.close();
  });

  it("an answer read to its end leaves no timer behind (one per attempt, released)", async () => {
    const a = await serve(ok);
    const fa = await client(a.host, { timeoutMs: 600_000 });
    await fa.GET("/volumes");
    // The attempt timers are the ones set for timeoutMs: count those set and those cleared.
    const pending = new Set<unknown>();
    let set = 0;
    const realSet = globalThis.setTimeout;
    const realClear = globalThis.clearTimeout;
    vi.stubGlobal("setTimeout", (fn: () => void, ms?: number) => {
      const handle = realSet(fn, ms);
      if (ms === 600_000) {
        set++;
        pending.add(handle);
      }
      return handle;
    });
    vi.stubGlobal("clearTimeout", (handle: ReturnType<typeof setTimeout>) => {
      pending.delete(handle);
      realClear(handle);
    });
    for (let i = 0; i < 20; i++) expect((await fa.GET("/volumes")).error).toBeUndefined();
    vi.unstubAllGlobals();
    expect(set).toBe(20);
    expect(pending.size).toBe(0);
    await fa.close();
  });
});

describe("CallRequest (openapi-fetch's Request in the client)", () => {
  it("holds what it was given, sets fetch's content type for text, and refuses what Request refuses", async () => {
    const headers = new Headers({ "x-a": "1" });
    const r = new CallRequest("https://a.test/x", { method: "post", headers, body: "hi" });
    expect(r.method).toBe("POST");
    expect(r.headers).toBe(headers);
    expect(r.headers.get("content-type")).toBe("text/plain;charset=UTF-8");
    expect(new TextDecoder().decode(await r.bytes())).toBe("hi");
    expect(r.signal).toBeUndefined();
    expect(() => new CallRequest("https://a.test/x", { method: "GET", body: "x" })).toThrow(TypeError);
    expect(() => new CallRequest("https://a.test/x", { method: "TRACE" })).toThrow(TypeError);
    expect(() => new CallRequest("not a url")).toThrow(TypeError);
    expect(new CallRequest("https://A.test/a b?q=1").url).toBe(new Request("https://A.test/a b?q=1").url);
  });

  it("encodes FormData and URLSearchParams bodies as a Request would, content type included", async () => {
    const form = new FormData();
    form.set("file", new Blob(["abc"]), "a.txt");
    const multipart = new CallRequest("https://a.test/x", { method: "POST", body: form });
    expect(multipart.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    expect(new TextDecoder().decode(await multipart.bytes())).toContain("abc");
    const params = new CallRequest("https://a.test/x", {
      method: "POST",
      body: new URLSearchParams({ a: "1" }),
    });
    expect(params.headers.get("content-type")).toBe("application/x-www-form-urlencoded;charset=UTF-8");
    expect(new TextDecoder().decode(await params.bytes())).toBe("a=1");
  });
});

afterAll(() => {
  vi.unstubAllGlobals();
});
