/**
 * Issue 11: tasks automation really does, driven through the purekit client against
 * the mocks, each asserting what a real array answers. One describe per row of the
 * issue's table.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createFlashArrayMock, type MockArray } from "../../mock/index.ts";
import { type ArrayAuth, createFlashArrayClient, type FlashArrayClient } from "../../runtime/index.ts";
import { generateRsaKeyPair } from "../../runtime/keys/index.ts";

const GIB = 1024 ** 3;
const fast = { retry: { retries: 0 } };
const open: FlashArrayClient[] = [];
afterAll(async () => {
  for (const c of open) await c.close();
});

async function faClient(
  array: MockArray,
  auth: ArrayAuth = { apiToken: array.apiToken },
): Promise<FlashArrayClient> {
  const fa = await createFlashArrayClient({ host: array.baseUrl, auth, fetch: array.fetch, ...fast });
  open.push(fa);
  return fa;
}

describe("roles: readonly, ops_admin, storage_admin, array_admin", async () => {
  const keys = await generateRsaKeyPair();
  const array = createFlashArrayMock({
    seed: "empty",
    users: [
      { username: "viewer", role: "readonly", apiToken: "T-viewer" },
      { username: "operator", role: "ops_admin", apiToken: "T-operator" },
      { username: "storer", role: "storage_admin", apiToken: "T-storer" },
      { username: "admin", role: "array_admin", apiToken: "T-admin" },
    ],
    apiClients: [
      {
        clientId: "c-storage",
        keyId: "k-storage",
        issuer: "it",
        publicKey: keys.publicKeyPem,
        maxRole: "storage_admin",
      },
    ],
  });

  /** What each call answers for a client: the HTTP status. */
  async function statuses(fa: FlashArrayClient, tag: string) {
    const read = await fa.GET("/volumes");
    const storage = await fa.POST("/volumes", {
      params: { query: { names: [`vol-${tag}`] } },
      body: { provisioned: GIB },
    });
    const remoteAssist = await fa.PATCH("/support", { body: { remote_assist_active: true } });
    const arrayWide = await fa.PATCH("/arrays", { body: { idle_timeout: 900_000 } });
    return {
      read: read.response.status,
      storage: storage.response.status,
      remoteAssist: remoteAssist.response.status,
      arrayWide: arrayWide.response.status,
      denied: [storage, remoteAssist, arrayWide]
        .map((r) => (r.error as { errors?: { message: string }[] } | undefined)?.errors?.[0]?.message)
        .filter(Boolean) as string[],
    };
  }

  it("readonly reads only", async () => {
    const s = await statuses(await faClient(array, { apiToken: "T-viewer" }), "ro");
    expect(s).toMatchObject({ read: 200, storage: 403, remoteAssist: 403, arrayWide: 403 });
    expect(s.denied[0]).toMatch(
      /readonly role reads the array but cannot change it; POST \/volumes needs storage_admin/,
    );
  });

  it("ops_admin reads and turns remote assist on or off, nothing else", async () => {
    const s = await statuses(await faClient(array, { apiToken: "T-operator" }), "ops");
    expect(s).toMatchObject({ read: 200, storage: 403, remoteAssist: 200, arrayWide: 403 });
  });

  it("storage_admin changes storage objects but not array-wide configuration", async () => {
    const s = await statuses(await faClient(array, { apiToken: "T-storer" }), "st");
    expect(s).toMatchObject({ read: 200, storage: 200, remoteAssist: 403, arrayWide: 403 });
    expect(s.denied.at(-1)).toMatch(/PATCH \/arrays needs array_admin/);
  });

  it("array_admin does everything", async () => {
    const s = await statuses(await faClient(array, { apiToken: "T-admin" }), "adm");
    expect(s).toMatchObject({ read: 200, storage: 200, remoteAssist: 200, arrayWide: 200 });
  });

  it("an API client acts with the intersection of its max_role and the user's role", async () => {
    const viaClient = (username: string) =>
      faClient(array, {
        clientId: "c-storage",
        keyId: "k-storage",
        issuer: "it",
        username,
        privateKey: keys.privateKeyPem,
      });
    // array_admin ∩ storage_admin = storage_admin
    expect(await statuses(await viaClient("admin"), "c1")).toMatchObject({
      storage: 200,
      remoteAssist: 403,
      arrayWide: 403,
    });
    // ops_admin ∩ storage_admin = readonly: neither remote assist nor storage
    expect(await statuses(await viaClient("operator"), "c2")).toMatchObject({
      read: 200,
      storage: 403,
      remoteAssist: 403,
      arrayWide: 403,
    });
  });
});

describe("allow_errors with some missing names: 207 from REST 2.49 on", () => {
  async function lookUp(version: string) {
    const array = createFlashArrayMock({ seed: "empty", version });
    const fa = await faClient(array);
    await fa.unwrap(
      fa.POST("/volumes", { params: { query: { names: ["here"] } }, body: { provisioned: GIB } }),
    );
    const partial = await fa.GET("/volumes", {
      params: { query: { names: ["here", "gone"], allow_errors: true } },
    });
    const strict = await fa.GET("/volumes", { params: { query: { names: ["here", "gone"] } } });
    return { fa, partial, strict };
  }

  it("2.56: 207 with the found items and an errors[] entry per missing name", async () => {
    const { fa, partial, strict } = await lookUp("2.56");
    expect(fa.version).toBe("2.56");
    expect(partial.response.status).toBe(207);
    expect(partial.data?.items?.map((v) => v.name)).toEqual(["here"]);
    expect(partial.data?.errors).toEqual([{ context: "gone", message: "Volume does not exist." }]);
    expect(strict.response.status).toBe(400);
  });

  it("2.48 (no 207 in its spec): 200 with errors", async () => {
    const { fa, partial } = await lookUp("2.48");
    expect(fa.version).toBe("2.48");
    expect(partial.response.status).toBe(200);
    expect(partial.data?.errors).toHaveLength(1);
  });
});

describe("restore a volume from a snapshot: POST /volumes overwrite=true", () => {
  it("overwrites the existing volume in place (same id and serial, the snapshot's size), only with overwrite=true", async () => {
    const array = createFlashArrayMock({ seed: "empty" });
    const fa = await faClient(array);
    const created = await fa.unwrap(
      fa.POST("/volumes", { params: { query: { names: ["db"] } }, body: { provisioned: GIB } }),
    );
    const before = created.items?.[0];
    await fa.unwrap(
      fa.POST("/volume-snapshots", {
        params: { query: { source_names: ["db"] } },
        body: { suffix: "nightly" },
      }),
    );
    await fa.unwrap(
      fa.PATCH("/volumes", { params: { query: { names: ["db"] } }, body: { provisioned: 4 * GIB } }),
    );

    const refused = await fa.POST("/volumes", {
      params: { query: { names: ["db"] } },
      body: { source: { name: "db.nightly" } },
    });
    expect(refused.response.status).toBe(400);
    expect(refused.error?.errors?.[0]).toMatchObject({ context: "db", message: "Volume already exists." });

    const restored = await fa.unwrap(
      fa.POST("/volumes", {
        params: { query: { names: ["db"], overwrite: true } },
        body: { source: { name: "db.nightly" } },
      }),
    );
    expect(restored.items?.[0]).toMatchObject({
      name: "db",
      id: before?.id,
      serial: before?.serial,
      provisioned: GIB,
      source: { name: "db.nightly" },
    });
    expect((await fa.getVolumes({ names: ["db"] })).items?.[0]?.provisioned).toBe(GIB);
    expect((await fa.getVolumes()).items).toHaveLength(1);

    const noSource = await fa.POST("/volumes", {
      params: { query: { names: ["db"], overwrite: true } },
      body: { provisioned: GIB },
    });
    expect(noSource.response.status).toBe(400);
    expect(noSource.error?.errors?.[0]?.context).toBe("overwrite");
  });
});
