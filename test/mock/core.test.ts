/**
 * The mock's core and its adapters (decision 017): the core answers plain data without
 * msw or web objects; the in-process fetch, the msw handlers and the Node server all
 * answer the same way through it, and the Node server, which builds no web `Request`,
 * still reads paths, queries and headers as a `Request` would.
 */
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlashArrayMock, type MockArray, type MockRequest } from "../../mock/index.ts";
import { startNodeMockServer } from "../../mock/server/node.ts";
import { type Json, login } from "./helpers.ts";

/** A plain-data request, as an adapter would hand it to the core. */
function plain(
  method: string,
  path: string,
  search: string,
  headers: Record<string, string>,
  body = "",
): MockRequest {
  return {
    method,
    path,
    search,
    headers: new Headers(headers),
    text: async (limit) => {
      if (body.length > limit) throw new Error("over the limit");
      return body;
    },
    bytes: async (limit) => {
      if (body.length > limit) throw new Error("over the limit");
      return new TextEncoder().encode(body);
    },
  };
}

/** One raw HTTP/1.1 exchange: the target is sent exactly as given, headers may repeat. */
function raw(
  port: number,
  target: string,
  headers: Record<string, string | string[]>,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: "127.0.0.1",
      port,
      path: target,
      method: "GET",
      headers,
    });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (d: Buffer) => {
        body += d.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the core, without msw or web objects", () => {
  let array: MockArray;
  let token: string;
  let version: string;
  beforeAll(async () => {
    array = createFlashArrayMock({ seed: { volumes: 25 } });
    token = await login(array);
    version = array.versions.at(-1) as string;
  });

  it("answers a plain-data listing with status, lower-case headers and the JSON text", async () => {
    const answer = await array.answer(
      plain("GET", `/api/${version}/volumes`, "?limit=10", { "X-Auth-Token": token, "X-Request-ID": "r-1" }),
    );
    expect(answer?.status).toBe(200);
    expect(answer?.headers["content-type"]).toBe("application/json");
    expect(answer?.headers["x-request-id"]).toBe("r-1");
    const body = JSON.parse(String(answer?.body ?? "")) as Json;
    expect(body.items).toHaveLength(10);
    expect(answer?.headers["x-next-token"]).toBe(body.continuation_token);
    expect(array.journal.entries.at(-1)).toMatchObject({
      method: "GET",
      path: `/api/${version}/volumes`,
      query: { limit: "10" },
      status: 200,
    });
  });

  it("reads the body through text(limit) and answers errors as data", async () => {
    const created = await array.answer(
      plain(
        "POST",
        `/api/${version}/volumes`,
        "?names=core-v1",
        { "x-auth-token": token, "content-type": "application/json" },
        JSON.stringify({ provisioned: 1048576 }),
      ),
    );
    expect(created?.status).toBe(200);
    expect((JSON.parse(String(created?.body ?? "")) as Json).items[0].name).toBe("core-v1");
    const refused = await array.answer(
      plain("GET", `/api/${version}/volumes`, "?limit=x", { "x-auth-token": token }),
    );
    expect(refused?.status).toBe(400);
    expect((JSON.parse(String(refused?.body ?? "")) as Json).errors[0].context).toBe("limit");
  });

  it("answers null for a dropped connection, and the same answers as the in-process fetch otherwise", async () => {
    array.faults.add({ path: "/volumes", drop: true, times: 1 });
    expect(
      await array.answer(plain("GET", `/api/${version}/volumes`, "", { "x-auth-token": token })),
    ).toBeNull();
    expect(array.journal.entries.at(-1)?.status).toBe(0);
    const viaFetch = await array.fetch(`${array.baseUrl}/api/${version}/volumes?limit=3`, {
      headers: { "x-auth-token": token },
    });
    const viaCore = await array.answer(
      plain("GET", `/api/${version}/volumes`, "?limit=3", { "x-auth-token": token }),
    );
    expect(await viaFetch.text()).toBe(viaCore?.body);
  });

  it("array.fetch refuses origins it does not serve, naming its own", async () => {
    await expect(array.fetch("https://elsewhere.mock/api/api_version")).rejects.toThrow(
      `this mock serves ${array.baseUrl}`,
    );
  });
});

describe("the Node server reads requests as a web Request would", () => {
  let array: MockArray;
  let server: Awaited<ReturnType<typeof startNodeMockServer>>;
  beforeAll(async () => {
    array = createFlashArrayMock({ seed: "empty", baseUrl: "http://127.0.0.1" });
    server = await startNodeMockServer(array, { port: 0 });
  });
  afterAll(() => server.close());

  it("resolves dot segments and encodes what URL encodes before routing", async () => {
    const dotted = await raw(server.port, "/api/2.56/../api_version", {});
    expect(dotted.status).toBe(200);
    expect(array.journal.entries.at(-1)?.path).toBe("/api/api_version");
    const encodedDots = await raw(server.port, "/api/x/%2e%2e/api_version", {});
    expect(encodedDots.status).toBe(200);
    const quoted = await raw(server.port, `/api/api_version?a="b"`, {});
    expect(quoted.status).toBe(200);
    expect(array.journal.entries.at(-1)?.query).toEqual({ a: '"b"' });
  });

  it("treats a bare `?` as no query, and keeps the query as sent otherwise", async () => {
    await raw(server.port, "/api/api_version?", {});
    expect(array.journal.entries.at(-1)?.query).toEqual({});
    await raw(server.port, "/api/api_version?x=1&y=%20", {});
    expect(array.journal.entries.at(-1)?.query).toEqual({ x: "1", y: " " });
  });

  it("joins repeated header fields with `, `, as web Headers does, and redacts secrets", async () => {
    // An array value sends the field once per value.
    const res = await raw(server.port, "/api/api_version", {
      "x-trace": ["a", "b"],
      "x-request-id": "id-7",
      "x-auth-token": "secret-1",
    });
    expect(res.headers["x-request-id"]).toBe("id-7");
    const entry = array.journal.entries.at(-1);
    expect(entry?.headers["x-trace"]).toBe("a, b");
    expect(entry?.headers["x-auth-token"]).toBe("[REDACTED]");
  });

  it("writes the answer with its content-length, and a text fault body with a text type", async () => {
    const ok = await raw(server.port, "/api/api_version", {});
    expect(Number(ok.headers["content-length"])).toBe(Buffer.byteLength(ok.body));
    array.faults.add({ path: "/api/api_version", status: 503, body: "plain words", times: 1 });
    const fault = await raw(server.port, "/api/api_version", {});
    expect(fault.status).toBe(503);
    expect(fault.body).toBe("plain words");
    expect(fault.headers["content-type"]).toBe("application/json");
    array.faults.add({ path: "/api/api_version", truncate: true, times: 1 });
    const cut = await raw(server.port, "/api/api_version", {});
    expect(cut.body.length).toBe(Math.floor(ok.body.length / 2));
    expect(Number(cut.headers["content-length"])).toBe(cut.body.length);
  });
});
