/**
 * Requests are checked against the spec: query parameters (known, typed, bounded,
 * enumerated, required) and JSON bodies (Ajv against the body schema), with 400s in
 * the errors[] shape that name the culprit. Unknown paths, methods and versions
 * answer 404/405 with a hint.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { MockHttpError } from "../../mock/http.ts";
import { createFlashArrayMock } from "../../mock/index.ts";
import { parseQuery, splitQuery } from "../../mock/validate.ts";
import type { OperationInfo } from "../../spec/table.ts";
import { type Json, login, session } from "./helpers.ts";

type Caller = Awaited<ReturnType<typeof session>>;

describe("query parameters", () => {
  let c: Caller;
  beforeAll(async () => {
    c = await session(createFlashArrayMock({ seed: { volumes: 3 } }));
  });

  it("refuses unknown parameters and lists the accepted ones", async () => {
    const { status, body } = await c("GET", "/volumes?colour=blue");
    expect(status).toBe(400);
    expect(body.errors[0].context).toBe("colour");
    expect(body.errors[0].message).toMatch(
      /Unsupported query parameter 'colour' for GET \/volumes\. Accepted: .*continuation_token/,
    );
  });

  it("refuses badly typed values", async () => {
    for (const [query, context, pattern] of [
      ["limit=ten", "limit", /expected an integer/],
      ["limit=-1", "limit", /at least 0/],
      ["offset=1.5", "offset", /expected an integer/],
      ["total_item_count=yes", "total_item_count", /expected true or false/],
      ["destroyed=1", "destroyed", /expected true or false/],
    ] as const) {
      const { status, body } = await c("GET", `/volumes?${query}`);
      expect(status, query).toBe(400);
      expect(body.errors[0].context).toBe(context);
      expect(body.errors[0].message).toMatch(pattern);
    }
  });

  it("refuses a missing required parameter, a POST that names nothing, and PATCH/DELETE that address nothing", async () => {
    const { status, body } = await c("POST", "/alert-watchers", {});
    expect(status).toBe(400);
    expect(body.errors[0]).toEqual({
      context: "names",
      message: "Missing required query parameter 'names' for POST /alert-watchers.",
    });
    const unnamed = await c("POST", "/volumes", { provisioned: 1048576 });
    expect(unnamed.body.errors[0]).toEqual({
      context: "names",
      message: "POST /volumes needs names for the new objects.",
    });
    const nothing = await c("DELETE", "/hosts");
    expect(nothing.body.errors[0].message).toMatch(/needs names or ids/);
  });

  it("refuses a scalar given twice", async () => {
    expect((await c("GET", "/volumes?limit=1&limit=2")).body.errors[0].context).toBe("limit");
  });

  it("checks enums and bounds when the table declares them", () => {
    const op: OperationInfo = {
      name: "getThings",
      method: "get",
      path: "/things",
      specPath: "/api/2.56/things",
      pagination: null,
      query: [
        { name: "kind", type: "string", enum: ["a", "b"], required: false },
        { name: "size", type: "integer", required: false, minimum: 1, maximum: 10 },
        { name: "ids", type: "array", items: "integer", required: false },
      ],
      listParams: ["ids"],
      body: null,
      responseSchema: null,
    };
    expect(parseQuery("?kind=a&size=10&ids=1,2", op)).toEqual({ kind: "a", size: 10, ids: [1, 2] });
    const fail = (search: string) => {
      try {
        parseQuery(search, op);
      } catch (e) {
        return (e as MockHttpError).errors[0]?.message;
      }
      return "no error";
    };
    expect(fail("?kind=c")).toMatch(/expected one of a, b/);
    expect(fail("?size=11")).toMatch(/at most 10/);
    expect(fail("?size=0")).toMatch(/at least 1/);
    expect(fail("?ids=1,x")).toMatch(/expected an integer/);
  });

  it("decodes each list element separately", () => {
    expect(splitQuery("names=a,b%2Cc&filter=name%3D'x%2Cy'", ["names"])).toEqual(
      new Map([
        ["names", ["a", "b,c"]],
        ["filter", ["name='x,y'"]],
      ]),
    );
  });
});

describe("bodies", () => {
  let c: Caller;
  let fa: ReturnType<typeof createFlashArrayMock>;
  beforeAll(async () => {
    fa = createFlashArrayMock({ seed: "empty" });
    c = await session(fa);
  });

  it("validates against the body schema with a real JSON-schema validator", async () => {
    const wrongType = await c("POST", "/volumes?names=v", { provisioned: "10G" });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors[0]).toEqual({
      context: "provisioned",
      message: "Invalid request body for POST /volumes (VolumePost): /provisioned must be integer.",
    });
    const nested = await c("POST", "/volumes?names=v", { provisioned: 1048576, qos: { iops_limit: "fast" } });
    expect(nested.body.errors[0].context).toBe("qos.iops_limit");
    const array = await c("POST", "/hosts?names=h", { iqns: "iqn.single" });
    expect(array.body.errors[0].message).toMatch(/\/iqns must be array/);
  });

  it("refuses malformed JSON, a missing required body, a body where none is taken, and non-JSON types", async () => {
    const token = await login(fa);
    const send = (path: string, method: string, body: string | null, type = "application/json") =>
      fa.fetch(`${fa.baseUrl}/api/2.56${path}`, {
        method,
        headers: { "x-auth-token": token, "content-type": type },
        ...(body === null ? {} : { body }),
      });
    const malformed = await send("/volumes?names=v", "POST", "{provisioned:");
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as Json).errors[0].message).toMatch(/Malformed JSON/);
    const missing = await send("/volumes?names=v", "PATCH", null);
    expect(((await missing.json()) as Json).errors[0].message).toMatch(/needs a JSON request body/);
    const unexpected = await send("/volumes?names=v", "DELETE", "{}");
    expect(((await unexpected.json()) as Json).errors[0].message).toMatch(/takes no request body/);
    const text = await send("/volumes?names=v", "POST", "provisioned=1", "text/plain");
    expect(text.status).toBe(415);
  });
});

describe("routing", () => {
  const fa = createFlashArrayMock({ seed: "empty", versions: ["2.38", "2.56"] });
  let token: string;
  beforeAll(async () => {
    token = await login(fa);
  });
  const get = async (path: string, method = "GET") => {
    const res = await fa.fetch(`${fa.baseUrl}${path}`, { method, headers: { "x-auth-token": token } });
    return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
  };

  it("404 for a path the version does not have (an operation added later)", async () => {
    const res = await get("/api/2.38/workloads");
    expect(res.status).toBe(404);
    expect(res.body.errors[0].message).toMatch(/No such path in flasharray REST 2\.38: \/workloads/);
    expect((await get("/api/2.56/workloads")).status).toBe(200);
  });

  it("404 naming the supported versions for an unserved version", async () => {
    const res = await get("/api/2.40/volumes");
    expect(res.status).toBe(404);
    expect(res.body.errors[0].message).toMatch(/supported: 2\.38, 2\.56/);
  });

  it("405 with Allow for a method the path does not take", async () => {
    const res = await get("/api/2.56/controllers", "DELETE");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET");
  });

  it("answers REST 1.x paths other than auth/apitoken with a pointer to 2.x", async () => {
    const res = await get("/api/1.19/volume");
    expect(res.status).toBe(404);
    expect(res.body.errors[0].message).toMatch(/use REST 2\.x/);
  });
});
