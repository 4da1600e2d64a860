/**
 * Non-JSON operations and typed filters on the wire, against a loopback FlashBlade-like
 * server: a multipart upload arrives as multipart with the file's bytes intact (also when
 * replayed after a re-auth), downloads come back as bytes within `maxResponseBytes`, and
 * filter builders (values or functions) are sent as their expression.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlashArrayMock } from "../../mock/index.ts";
import { createFlashArrayClient } from "../../runtime/flasharray.ts";
import { createFlashBladeClient } from "../../runtime/flashblade.ts";
import { f, type PurekitError } from "../../runtime/index.ts";

interface Seen {
  method: string;
  url: string;
  contentType: string;
  accept: string;
  body: Buffer;
}

let server: Server;
let base: string;
const seen: Seen[] = [];
/** Bytes GET /logs answers. */
const LOG = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));
let rejectNextUpload = false;

function read(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
  });
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await read(req);
    const url = req.url ?? "/";
    seen.push({
      method: req.method ?? "",
      url,
      contentType: req.headers["content-type"] ?? "",
      accept: req.headers.accept ?? "",
      body,
    });
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(value));
    };
    if (url === "/api/api_version") return json(200, { versions: ["2.28"] });
    if (url === "/api/login") return json(200, { username: "pureuser" }, { "x-auth-token": "session-1" });
    if (url.startsWith("/api/2.28/keytabs/upload")) {
      if (rejectNextUpload) {
        rejectNextUpload = false;
        return json(401, { errors: [{ message: "Session expired." }] });
      }
      res.writeHead(200, { "content-type": "application/octet-stream" });
      return res.end(body);
    }
    if (url.startsWith("/api/2.28/logs")) {
      res.writeHead(200, {
        "content-type": "application/octet-stream",
        "content-length": String(LOG.length),
      });
      return res.end(LOG);
    }
    if (url.startsWith("/api/2.28/file-systems")) return json(200, { items: [], continuation_token: null });
    json(404, { errors: [{ message: `no ${url}` }] });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = (options: { maxResponseBytes?: number } = {}) =>
  createFlashBladeClient({
    host: base,
    auth: { apiToken: "T" },
    logger: {},
    retry: { retries: 0 },
    ...options,
  });

describe("multipart uploads", () => {
  it("a Blob field goes out as a multipart file part, the bytes intact, and survives a re-auth replay", async () => {
    const fb = await client();
    const file = new Uint8Array([0x05, 0x02, 0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d, 0x80]);
    rejectNextUpload = true;
    seen.length = 0;
    const answer = await fb.postKeytabsUpload(
      { name_prefixes: "p" },
      { keytab_file: new File([file], "krb5.keytab") },
    );
    const uploads = seen.filter((s) => s.url.startsWith("/api/2.28/keytabs/upload"));
    expect(uploads).toHaveLength(2); // refused with 401, then replayed after a new login
    for (const u of uploads) {
      expect(u.url).toBe("/api/2.28/keytabs/upload?name_prefixes=p");
      expect(u.contentType).toMatch(/^multipart\/form-data; boundary=/);
      const form = await new Response(new Uint8Array(u.body), {
        headers: { "content-type": u.contentType },
      }).formData();
      const part = form.get("keytab_file") as File;
      expect(part.name).toBe("krb5.keytab");
      expect(new Uint8Array(await part.arrayBuffer())).toEqual(file);
    }
    expect(uploads[1]?.body.equals(uploads[0]?.body as Buffer)).toBe(true);
    // The answer is a file too: the multipart body the server echoed, as bytes.
    expect(answer).toBeInstanceOf(Blob);
    expect(Buffer.from(await answer.arrayBuffer()).equals(uploads[1]?.body as Buffer)).toBe(true);
    await fb.close();
  });

  it("bytes and text fields, and a caller's FormData, are sent as given", async () => {
    const fb = await client();
    seen.length = 0;
    await fb.POST("/keytabs/upload", {
      params: { query: {} },
      body: { keytab_file: new Uint8Array([1, 2, 3]) },
    });
    await fb.POST("/keytabs/upload", { params: { query: {} }, body: { keytab_file: "BQI=" } });
    const form = new FormData();
    form.append("keytab_file", new Blob(["abc"]), "mine.keytab");
    await fb.POST("/keytabs/upload", { params: { query: {} }, body: form });
    const parts = await Promise.all(
      seen
        .filter((s) => s.url.includes("/keytabs/upload"))
        .map(async (s) =>
          (
            await new Response(new Uint8Array(s.body), {
              headers: { "content-type": s.contentType },
            }).formData()
          ).get("keytab_file"),
        ),
    );
    expect(new Uint8Array(await (parts[0] as File).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect((parts[0] as File).name).toBe("keytab_file");
    expect(parts[1]).toBe("BQI=");
    expect((parts[2] as File).name).toBe("mine.keytab");
    await fb.close();
  });
});

describe("downloads", () => {
  it("answer a Blob (or a stream, or an ArrayBuffer with parseAs), never JSON parsing", async () => {
    const fb = await client();
    seen.length = 0;
    const blob = await fb.getLogs({ start_time: 0, end_time: 1 });
    expect(Buffer.from(await blob.arrayBuffer()).equals(LOG)).toBe(true);
    // Asked for with the file's media types, not the JSON default.
    expect(seen.find((s) => s.url.includes("/logs"))?.accept).toBe(
      "application/octet-stream, text/plain, application/json",
    );
    const streamed = await fb.GET("/logs", { params: { query: {} }, parseAs: "stream" });
    expect(streamed.data).toBeInstanceOf(ReadableStream);
    expect(Buffer.from(await new Response(streamed.data).arrayBuffer()).equals(LOG)).toBe(true);
    const buffer = await fb.GET("/logs", { params: { query: {} }, parseAs: "arrayBuffer" });
    expect(buffer.data?.byteLength).toBe(LOG.length);
    await fb.close();
  });

  it("stay within maxResponseBytes", async () => {
    const fb = await client({ maxResponseBytes: 100_000 });
    await expect(fb.getLogs({})).rejects.toMatchObject({ code: "ERR_RESPONSE_TOO_LARGE" });
    await fb.close();
  });
});

describe("typed filters", () => {
  it("builder values and builder functions are sent as their expression", async () => {
    const fb = await client();
    seen.length = 0;
    await fb.getFileSystems({ filter: f.eq("name", "fs'1").and(f.gt("provisioned", 5)) });
    await fb.GET("/file-systems", { params: { query: { filter: (fs) => fs.eq("destroyed", false) } } });
    for await (const _ of fb.paginate("/file-systems", {
      params: { query: { filter: (fs) => fs.like("name", "prod-*") } },
    })) {
      // nothing listed
    }
    const filters = seen
      .filter((s) => s.url.includes("/file-systems"))
      .map((s) => new URL(s.url, base).searchParams.get("filter"));
    expect(filters).toEqual(["name='fs\\'1' and provisioned>5", "destroyed=false", "name='prod-*'"]);
    await fb.close();
  });

  it("a filter function that returns no filter is refused before anything is sent", async () => {
    const fb = await client();
    seen.length = 0;
    let thrown: PurekitError | undefined;
    try {
      await fb.getFileSystems({ filter: (() => 42) as never });
    } catch (e) {
      thrown = e as PurekitError;
    }
    expect(thrown?.code).toBe("ERR_INVALID_ARGUMENT");
    expect(thrown?.message).toMatch(/GET \/file-systems: the filter function returned number/);
    expect(seen.filter((s) => s.url.includes("/file-systems"))).toHaveLength(0);
    await fb.close();
  });

  it("the mock evaluates what the builders send", async () => {
    const array = createFlashArrayMock({ seed: { volumes: 30 } });
    const fa = await createFlashArrayClient({
      host: array.baseUrl,
      auth: { apiToken: array.apiToken },
      fetch: array.fetch,
    });
    const all = (await fa.getVolumes()).items ?? [];
    const cut = [...all].map((v) => v.provisioned ?? 0).sort((a, b) => a - b)[15] ?? 0;
    const big = await fa.getVolumes({ filter: (v) => v.gte("provisioned", cut) });
    expect(big.items?.length).toBe(all.filter((v) => (v.provisioned ?? 0) >= cut).length);
    expect(big.items?.length).toBeGreaterThan(0);
    expect(big.items?.length).toBeLessThan(all.length);
    await fa.close();
  });
});
