/**
 * Issue 10 (uploads, downloads) and issue 11 (keytabs, logs, `/arrays/space?type=`,
 * `context` on writes), driven through the purekit client against the mocks.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createFlashArrayMock, createFlashBladeMock, type MockArray } from "../../mock/index.ts";
import { createFlashArrayClient, type FlashArrayClient } from "../../runtime/flasharray.ts";
import { createFlashBladeClient, type FlashBladeClient } from "../../runtime/flashblade.ts";
import { PureApiError, type PurekitError } from "../../runtime/index.ts";

const GIB = 1024 ** 3;
const fast = { retry: { retries: 0 } };
const open: (FlashArrayClient | FlashBladeClient)[] = [];
afterAll(async () => {
  for (const c of open) await c.close();
});

async function fbClient(array: MockArray): Promise<FlashBladeClient> {
  const fb = await createFlashBladeClient({
    host: array.baseUrl,
    auth: { apiToken: array.apiToken },
    fetch: array.fetch,
    ...fast,
  });
  open.push(fb);
  return fb;
}

/**
 * A keytab file written by hand (MIT format 0x0502), as `ktutil` would: one entry per
 * `[service, host, enctype, kvno]`, realm EXAMPLE.COM, keys of 0xAB…
 */
function keytab(entries: [string, string, number, number][]): Uint8Array<ArrayBuffer> {
  const out: number[] = [0x05, 0x02];
  const u16 = (a: number[], v: number) => a.push(v >> 8, v & 255);
  const u32 = (a: number[], v: number) =>
    a.push((v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
  const str = (a: number[], s: string) => {
    u16(a, s.length);
    for (const c of s) a.push(c.charCodeAt(0));
  };
  for (const [service, host, enctype, kvno] of entries) {
    const e: number[] = [];
    u16(e, 2);
    str(e, "EXAMPLE.COM");
    str(e, service);
    str(e, host);
    u32(e, 1); // KRB5_NT_PRINCIPAL
    u32(e, 1_700_000_000);
    e.push(kvno);
    u16(e, enctype);
    u16(e, 32);
    for (let i = 0; i < 32; i++) e.push(0xab);
    u32(out, e.length);
    out.push(...e);
  }
  return new Uint8Array(out);
}

describe("FB keytabs: multipart upload, file download", () => {
  it("uploads a binary keytab as multipart: one keytab object per entry, the file answered back", async () => {
    const array = createFlashBladeMock({ seed: "empty" });
    const fb = await fbClient(array);
    const file = keytab([
      ["nfs", "fb.example.com", 18, 3],
      ["nfs", "fb.example.com", 17, 3],
    ]);
    const answer = await fb.postKeytabsUpload(
      { name_prefixes: "nfs-krb" },
      { keytab_file: new File([file], "krb5.keytab") },
    );
    expect(answer).toBeInstanceOf(Blob);
    expect(new Uint8Array(await answer.arrayBuffer())).toEqual(file);

    // What went over the wire: multipart with a boundary, the file intact inside.
    const sent = array.journal.entries.find((e) => e.path.endsWith("/keytabs/upload"));
    expect(sent?.method).toBe("POST");
    expect(sent?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);

    const listed = await fb.getKeytabs({ sort: ["name"] });
    expect(
      listed.items?.map((k) => [
        k.name,
        k.prefix,
        k.suffix,
        k.principal,
        k.fqdn,
        k.realm,
        k.encryption_type,
        k.kvno,
      ]),
    ).toEqual([
      ["nfs-krb.1", "nfs-krb", 1, "nfs", "fb.example.com", "EXAMPLE.COM", "aes256-cts-hmac-sha1-96", 3],
      ["nfs-krb.2", "nfs-krb", 2, "nfs", "fb.example.com", "EXAMPLE.COM", "aes128-cts-hmac-sha1-96", 3],
    ]);

    // The same prefix again: suffixes continue after the existing entries.
    await fb.POST("/keytabs/upload", {
      params: { query: { name_prefixes: "nfs-krb" } },
      body: { keytab_file: new Blob([keytab([["host", "fb.example.com", 18, 4]])]) },
    });
    expect((await fb.getKeytabs({ names: ["nfs-krb.3"] })).items?.[0]?.kvno).toBe(4);

    // Download: the named entries as one keytab file, byte for byte what was uploaded.
    const downloaded = await fb.getKeytabsDownload({ keytab_names: ["nfs-krb.1", "nfs-krb.2"] });
    expect(downloaded).toBeInstanceOf(Blob);
    expect(new Uint8Array(await downloaded.arrayBuffer())).toEqual(file);
    // As a stream, for files too big to hold.
    const streamed = await fb.GET("/keytabs/download", {
      params: { query: { keytab_names: ["nfs-krb.3"] } },
      parseAs: "stream",
    });
    const bytes = new Uint8Array(await new Response(streamed.data).arrayBuffer());
    expect(bytes).toEqual(keytab([["host", "fb.example.com", 18, 4]]));
    expect(streamed.response.headers.get("content-type")).toBe("application/octet-stream");
  });

  it("takes the base64 form and a FormData the caller built", async () => {
    const array = createFlashBladeMock({ seed: "empty" });
    const fb = await fbClient(array);
    const file = keytab([["cifs", "smb.example.com", 18, 7]]);
    const base64 = btoa(String.fromCharCode(...file));
    const form = new FormData();
    form.append("keytab_file", new Blob([base64], { type: "text/plain" }), "krb5.txt");
    await fb.postKeytabsUpload({ name_prefixes: "b64" }, form);
    const [tab] = (await fb.getKeytabs({ names: ["b64.1"] })).items ?? [];
    expect([tab?.principal, tab?.fqdn, tab?.kvno]).toEqual(["cifs", "smb.example.com", 7]);
  });

  it("refuses what the array refuses: not a keytab, no file, no prefix, JSON instead of multipart", async () => {
    const array = createFlashBladeMock({ seed: "empty" });
    const fb = await fbClient(array);
    const notKeytab = await fb.POST("/keytabs/upload", {
      params: { query: { name_prefixes: "x" } },
      body: { keytab_file: new Blob(["hello, not a keytab"]) },
    });
    expect(notKeytab.response.status).toBe(400);
    expect(notKeytab.error?.errors[0]).toMatchObject({
      context: "keytab_file",
      message: expect.stringMatching(/not a Kerberos keytab file/),
    });
    const cut = keytab([["nfs", "fb.example.com", 18, 1]]).slice(0, 30);
    const truncated = await fb.POST("/keytabs/upload", {
      params: { query: { name_prefixes: "x" } },
      body: { keytab_file: new Blob([cut]) },
    });
    expect(truncated.error?.errors[0]?.message).toMatch(/runs past the end|cut off/);
    const noPrefix = await fb.POST("/keytabs/upload", {
      params: { query: {} },
      body: { keytab_file: new Blob([keytab([["nfs", "h", 18, 1]])]) },
    });
    expect(noPrefix.error?.errors[0]?.context).toBe("name_prefixes");
    // A caller's FormData without the file: the mock names the missing field.
    const noFile = await fb.POST("/keytabs/upload", {
      params: { query: { name_prefixes: "x" } },
      body: new FormData(),
    });
    expect(noFile.response.status).toBe(400);
    expect(noFile.error?.errors[0]?.context).toBe("keytab_file");
    // The old way (a JSON body): 415, as on the array.
    const json = await array.fetch(`${array.baseUrl}/api/2.28/keytabs/upload?name_prefixes=x`, {
      method: "POST",
      headers: { "x-auth-token": await session(array), "content-type": "application/json" },
      body: JSON.stringify({ keytab_file: "AAAA" }),
    });
    expect(json.status).toBe(415);
    expect((await fb.getKeytabs()).items).toEqual([]);
    // Unknown names on download: the usual 400 naming them.
    const ghost = await fb.GET("/keytabs/download", { params: { query: { keytab_names: ["ghost.1"] } } });
    expect(ghost.error).toBeInstanceOf(PureApiError);
    expect(ghost.error?.errors[0]).toMatchObject({ context: "ghost.1", message: "Keytab does not exist." });
  });

  it("hostile multipart: over maxRequestBytes is 413, a broken body 400, never a 5xx", async () => {
    const array = createFlashBladeMock({ seed: "empty", maxRequestBytes: 4096 });
    const fb = await fbClient(array);
    const big = await fb.POST("/keytabs/upload", {
      params: { query: { name_prefixes: "x" } },
      body: { keytab_file: new Blob([new Uint8Array(10_000)]) },
    });
    expect(big.response.status).toBe(413);
    const url = `${array.baseUrl}/api/2.28/keytabs/upload?name_prefixes=x`;
    const headers = { "x-auth-token": await session(array) };
    const broken = await array.fetch(url, {
      method: "POST",
      headers: { ...headers, "content-type": "multipart/form-data; boundary=zzz" },
      body: "--zzz\r\nnot a part header\r\n\r\n",
    });
    expect(broken.status).toBe(400);
    const noBoundary = await array.fetch(url, {
      method: "POST",
      headers: { ...headers, "content-type": "multipart/form-data" },
      body: "x",
    });
    expect(noBoundary.status).toBe(415);
  });

  it("the client checks a multipart body before sending: unknown fields, missing file, wrong types", async () => {
    const array = createFlashBladeMock({ seed: "empty" });
    const fb = await fbClient(array);
    const before = array.journal.entries.length;
    const fail = async (body: unknown) => {
      try {
        await fb.postKeytabsUpload({ name_prefixes: "x" }, body as never);
      } catch (e) {
        return e as PurekitError;
      }
      throw new Error("no error");
    };
    expect(await fail({ keytab: new Blob(["x"]) })).toMatchObject({
      code: "ERR_INVALID_ARGUMENT",
      message: expect.stringMatching(/no field "keytab"; its fields are keytab_file/),
    });
    expect((await fail({})).message).toMatch(/needs the field "keytab_file"/);
    expect((await fail({ keytab_file: 42 })).message).toMatch(/must be a Blob, File, Uint8Array/);
    expect((await fail("AAAA")).message).toMatch(/give a FormData or an object of its fields/);
    expect(array.journal.entries.length).toBe(before);
  });
});

async function session(array: MockArray): Promise<string> {
  const login = await array.fetch(`${array.baseUrl}/api/login`, {
    method: "POST",
    headers: { "api-token": array.apiToken },
  });
  return login.headers.get("x-auth-token") ?? "";
}

describe("FB log downloads", () => {
  it("GET /logs answers the window's log history as bytes; the same window gives the same bytes", async () => {
    const now = Date.UTC(2026, 0, 15, 12);
    const array = createFlashBladeMock({ seed: "empty", now: () => now });
    const fb = await fbClient(array);
    const window = { start_time: now - 2 * 3_600_000, end_time: now };
    const logs = await fb.getLogs(window);
    expect(logs).toBeInstanceOf(Blob);
    const text = await logs.text();
    const lines = text.trim().split("\n");
    expect(lines.length).toBe(121); // a line a minute, both ends included
    expect(lines[0]).toMatch(/^2026-01-15T10:00:00.000Z \S+ purity\[\d+\]: /);
    expect(await (await fb.getLogs(window)).text()).toBe(text);
    const reversed = await fb.GET("/logs", { params: { query: { start_time: now, end_time: now - 1 } } });
    expect(reversed.error?.errors[0]?.context).toBe("start_time");
  });

  it("logs-async: PATCH starts a preparation (at most 6 hours), progress follows the clock, then the file downloads", async () => {
    let now = Date.UTC(2026, 0, 15, 12, 30);
    const array = createFlashBladeMock({ seed: "empty", now: () => now });
    const fb = await fbClient(array);
    const tooLong = await fb.PATCH("/logs-async", {
      body: { start_time: now - 8 * 3_600_000, end_time: now },
    });
    expect(tooLong.response.status).toBe(400);
    expect(tooLong.error?.errors[0]?.message).toMatch(/at most 6 hours/);

    const started = await fb.patchLogsAsync({ start_time: now - 2 * 3_600_000, end_time: now });
    expect(started.items?.[0]).toMatchObject({ processing: true, progress: 0, available_files: [] });
    // Truncated to hour boundaries, as the spec says.
    expect(started.items?.[0]?.start_time).toBe(Date.UTC(2026, 0, 15, 10));
    expect(started.items?.[0]?.end_time).toBe(Date.UTC(2026, 0, 15, 13));
    now += 30_000;
    expect((await fb.getLogsAsync()).items?.[0]).toMatchObject({ processing: true, progress: 0.5 });
    const early = await fb.GET("/logs-async/download", { params: { query: { names: ["nothing-yet.zip"] } } });
    expect(early.response.status).toBe(400);
    now += 30_000;
    const done = (await fb.getLogsAsync()).items?.[0];
    expect(done).toMatchObject({ processing: false, progress: 1 });
    const [fileInfo] = done?.available_files ?? [];
    expect(fileInfo?.name).toMatch(/_logs_2026-01-15\.10_\d+\.zip$/);
    const downloaded = await fb.getLogsAsyncDownload({ names: [fileInfo?.name ?? ""] });
    expect(downloaded.size).toBe(fileInfo?.length);
    expect(await downloaded.text()).toMatch(/^2026-01-15T10:00:00.000Z /);
  });
});

describe("FB /arrays/space?type=", () => {
  it("array, file-system and object-store each sum their own objects, new ones included; others are refused", async () => {
    const array = createFlashBladeMock({ seed: "recorded" });
    const fb = await fbClient(array);
    const space = async (type?: string) =>
      (await fb.getArraysSpace(type ? { type } : {})).items?.[0]?.space ?? {};
    const fsBefore = await space("file-system");
    const objBefore = await space("object-store");
    const arrayBefore = await space();
    expect(fsBefore.virtual).toBeGreaterThan(0);
    expect(objBefore.virtual).toBeGreaterThan(0);
    // The array is its file systems plus its object store (as the recorded array's figures are).
    expect(arrayBefore.virtual).toBe((fsBefore.virtual ?? 0) + (objBefore.virtual ?? 0));
    expect(await space("array")).toEqual(arrayBefore);
    expect(arrayBefore.data_reduction).toBeCloseTo((arrayBefore.virtual ?? 0) / (arrayBefore.unique ?? 1), 5);

    await fb.postFileSystems({ names: ["new-fs"] }, { provisioned: 10 * GIB });
    const fsAfter = await space("file-system");
    expect(fsAfter.total_provisioned).toBe((fsBefore.total_provisioned ?? 0) + 10 * GIB);
    expect(await space("object-store")).toEqual(objBefore);

    const bad = await fb.GET("/arrays/space", { params: { query: { type: "volume" } } });
    expect(bad.response.status).toBe(400);
    expect(bad.error?.errors[0]).toMatchObject({
      context: "type",
      message: "Invalid value for type: 'volume'. Valid values are array, file-system, object-store.",
    });
    // History windows keep working with a type.
    const end = Date.now();
    const history = await fb.getArraysSpace({
      type: "file-system",
      start_time: end - 3_600_000,
      end_time: end,
      resolution: 300_000,
    });
    expect(history.items?.length).toBeGreaterThanOrEqual(12);
    expect(history.items?.every((row) => row.space?.virtual === fsAfter.virtual)).toBe(true);
  });
});

describe("context on POST and PATCH answers (fleets)", () => {
  it("FA ≥ 2.38: the items a write answers name the array they were made or changed on", async () => {
    const array = createFlashArrayMock({ seed: "empty", fleet: { name: "f", members: ["fa-a", "fa-b"] } });
    const fa = await createFlashArrayClient({
      host: array.baseUrl,
      auth: { apiToken: array.apiToken },
      fetch: array.fetch,
      ...fast,
    });
    open.push(fa);
    const made = await fa.postVolumes({ names: ["v1"], context_names: ["fa-b"] }, { provisioned: GIB });
    expect(made.items?.[0]?.context).toEqual({ name: "fa-b", id: expect.any(String) });
    const local = await fa.postVolumes({ names: ["v0"] }, { provisioned: GIB });
    expect(local.items?.[0]?.context?.name).toBe("fa-a");
    const patched = await fa.patchVolumes(
      { names: ["v1"], context_names: ["fa-b"] },
      { provisioned: 2 * GIB },
    );
    expect(patched.items?.[0]).toMatchObject({ name: "v1", provisioned: 2 * GIB, context: { name: "fa-b" } });
    const host = await fa.postHosts({ names: ["h1"] }, { iqns: ["iqn.2024-01.com.example:h1"] });
    expect(host.items?.[0]?.context?.name).toBe("fa-a");
    // The same as GET answers.
    const listed = await fa.getVolumes({ names: ["v1"], context_names: ["fa-b"] });
    expect(listed.items?.[0]?.context).toEqual(made.items?.[0]?.context);
  });

  it("FA < 2.38 and FB < 2.17 answer writes without context, as their schemas have none", async () => {
    const array = createFlashArrayMock({ seed: "empty", versions: ["2.37"] });
    const fa = await createFlashArrayClient({
      host: array.baseUrl,
      auth: { apiToken: array.apiToken },
      fetch: array.fetch,
      version: "2.37",
      ...fast,
    });
    open.push(fa);
    const made = await fa.postVolumes({ names: ["v1"] }, { provisioned: GIB });
    expect(made.items?.[0]).not.toHaveProperty("context");
    const fbOld = createFlashBladeMock({ seed: "empty", versions: ["2.16"] });
    const fb = await createFlashBladeClient({
      host: fbOld.baseUrl,
      auth: { apiToken: fbOld.apiToken },
      fetch: fbOld.fetch,
      version: "2.16",
      ...fast,
    });
    open.push(fb);
    const fs = await fb.POST("/file-systems", { params: { query: { names: ["fs1"] } }, body: {} });
    expect(fs.data?.items?.[0]).not.toHaveProperty("context");
    const fbNew = await fbClient(createFlashBladeMock({ seed: "empty" }));
    const fsNew = await fbNew.postFileSystems({ names: ["fs1"] }, {});
    expect(fsNew.items?.[0]?.context?.name).toEqual(expect.any(String));
  });
});
