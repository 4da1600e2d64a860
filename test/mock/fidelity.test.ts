/**
 * Issue 11: tasks automation really does, driven through the purekit client against
 * the mocks, each asserting what a real array answers. One describe per row of the
 * issue's table.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createFlashArrayMock, createFlashBladeMock, type MockArray } from "../../mock/index.ts";
import { createFlashArrayClient, type FlashArrayClient } from "../../runtime/flasharray.ts";
import { createFlashBladeClient, type FlashBladeClient } from "../../runtime/flashblade.ts";
import type { ArrayAuth } from "../../runtime/index.ts";
import { generateRsaKeyPair } from "../../runtime/keys/index.ts";

const GIB = 1024 ** 3;
const fast = { retry: { retries: 0 } };
const open: (FlashArrayClient | FlashBladeClient)[] = [];
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

describe("QoS, space and performance views answer for objects made after start", () => {
  const NOW = 1_700_000_000_000;
  async function setUp() {
    const array = createFlashArrayMock({ seed: "recorded", now: () => NOW });
    const fa = await faClient(array);
    await fa.unwrap(
      fa.POST("/volumes", {
        params: { query: { names: ["fresh"] } },
        body: { provisioned: 2 * GIB, qos: { iops_limit: 5000 } },
      }),
    );
    return { array, fa };
  }

  it("/volumes/qos reads the new volume's limits", async () => {
    const { fa } = await setUp();
    const qos = await fa.unwrap(fa.GET("/volumes/qos", { params: { query: { names: ["fresh"] } } }));
    expect(qos.items).toEqual([
      expect.objectContaining({ name: "fresh", iops_limit: 5000, bandwidth_limit: null }),
    ]);
  });

  it("/volumes/space has a row per volume, the new one included, with its provisioned size", async () => {
    const { array, fa } = await setUp();
    const all = await fa.unwrap(fa.GET("/volumes/space"));
    expect(all.items?.length).toBe(array.state.collection("/volumes").size);
    const fresh = all.items?.find((v) => v.name === "fresh");
    expect(fresh?.space?.total_provisioned).toBe(2 * GIB);
  });

  it("/arrays/space answers the array (also on an empty mock)", async () => {
    const { fa } = await setUp();
    const space = await fa.unwrap(fa.GET("/arrays/space"));
    expect(space.items).toHaveLength(1);
    expect(space.items?.[0]?.capacity).toBeGreaterThan(0);
    const empty = await faClient(createFlashArrayMock({ seed: "empty" }));
    expect((await empty.unwrap(empty.GET("/arrays/space"))).items).toHaveLength(1);
  });

  it("/volumes/performance: the latest sample without a window; missing names are refused", async () => {
    const { fa } = await setUp();
    const perf = await fa.unwrap(fa.GET("/volumes/performance", { params: { query: { names: ["fresh"] } } }));
    expect(perf.items).toHaveLength(1);
    expect(perf.items?.[0]?.time).toBe(Math.floor(NOW / 30_000) * 30_000);
    expect(typeof perf.items?.[0]?.reads_per_sec).toBe("number");
    const missing = await fa.GET("/volumes/performance", { params: { query: { names: ["nope"] } } });
    expect(missing.response.status).toBe(400);
  });
});

describe("performance and space history honour start_time, end_time and resolution", () => {
  const NOW = 1_700_000_000_000;
  const HOUR = 3_600_000;

  it("one aligned sample per resolution step in the window, the same numbers on every mock", async () => {
    const query = { names: ["v1"], start_time: NOW - 2 * HOUR, end_time: NOW, resolution: 300_000 };
    const run = async () => {
      const array = createFlashArrayMock({ seed: "empty", now: () => NOW });
      const fa = await faClient(array);
      await fa.unwrap(
        fa.POST("/volumes", { params: { query: { names: ["v1"] } }, body: { provisioned: GIB } }),
      );
      return fa.unwrap(fa.GET("/volumes/performance", { params: { query } }));
    };
    const a = await run();
    const times = a.items?.map((i) => i.time) ?? [];
    // NOW is not on a 5-minute boundary: 24 aligned samples fit in the 2 hours.
    expect(times).toHaveLength(24);
    expect(times[0]).toBe(Math.ceil((NOW - 2 * HOUR) / 300_000) * 300_000);
    expect(times.every((t, i) => i === 0 || (t as number) - (times[i - 1] as number) === 300_000)).toBe(true);
    expect(times.at(-1)).toBeLessThanOrEqual(NOW);
    expect(new Set(a.items?.map((i) => i.reads_per_sec)).size).toBeGreaterThan(1);
    expect(await run()).toEqual(a);
  });

  it("the default resolution is the lowest valid one; invalid resolutions and reversed windows answer 400", async () => {
    const fa = await faClient(createFlashArrayMock({ seed: "recorded", now: () => NOW }));
    const space = await fa.unwrap(
      fa.GET("/volumes/space", { params: { query: { start_time: NOW - HOUR, limit: 1000 } } }),
    );
    const times = [...new Set(space.items?.map((i) => i.time))];
    expect(times).toHaveLength(12); // 5 minutes is the finest space resolution
    const bad = await fa.GET("/volumes/space", { params: { query: { resolution: 30_000 } } });
    expect(bad.response.status).toBe(400);
    expect(bad.error?.errors?.[0]).toMatchObject({
      context: "resolution",
      message: expect.stringMatching(/valid values are 300000, 1800000/),
    });
    const reversed = await fa.GET("/arrays/performance", {
      params: { query: { start_time: NOW, end_time: NOW - HOUR } },
    });
    expect(reversed.response.status).toBe(400);
    expect(reversed.error?.errors?.[0]?.context).toBe("start_time");
    const fine = await fa.unwrap(
      fa.GET("/arrays/performance", { params: { query: { resolution: 1000, start_time: NOW - 10_000 } } }),
    );
    expect(fine.items).toHaveLength(11);
  });

  it("a window too wide for one answer is refused, naming the way out", async () => {
    const fa = await faClient(createFlashArrayMock({ seed: { volumes: 200 }, now: () => NOW }));
    const wide = await fa.GET("/volumes/performance", {
      params: { query: { start_time: NOW - 7 * 24 * HOUR, resolution: 30_000 } },
    });
    expect(wide.response.status).toBe(400);
    expect(wide.error?.errors?.[0]?.message).toMatch(
      /narrow the window, raise resolution, or name fewer objects/,
    );
  });
});

describe("tags: PUT …/tags/batch with a JSON array body", () => {
  it("sets, replaces and removes tags on existing volumes; refuses missing volumes and bad tags", async () => {
    const array = createFlashArrayMock({ seed: "empty" });
    const fa = await faClient(array);
    await fa.unwrap(
      fa.POST("/volumes", { params: { query: { names: ["v1", "v2"] } }, body: { provisioned: GIB } }),
    );
    const put = await fa.unwrap(
      fa.PUT("/volumes/tags/batch", {
        params: { query: { resource_names: ["v1"] } },
        body: [
          { key: "env", value: "staging" },
          { key: "owner", value: "db-team", namespace: "ops", copyable: false },
        ],
      }),
    );
    expect(put.items).toHaveLength(2);
    await fa.unwrap(
      fa.PUT("/volumes/tags/batch", {
        params: { query: { resource_names: ["v1"] } },
        body: [{ key: "env", value: "production" }],
      }),
    );
    const tags = await fa.unwrap(fa.GET("/volumes/tags", { params: { query: { resource_names: ["v1"] } } }));
    expect(tags.items?.map((t) => [t.namespace, t.key, t.value, t.copyable])).toEqual([
      ["default", "env", "production", true],
      ["ops", "owner", "db-team", false],
    ]);
    expect(tags.items?.[0]?.resource?.name).toBe("v1");
    expect(
      (await fa.unwrap(fa.GET("/volumes/tags", { params: { query: { resource_names: ["v2"] } } }))).items,
    ).toEqual([]);
    const ghost = await fa.PUT("/volumes/tags/batch", {
      params: { query: { resource_names: ["ghost"] } },
      body: [{ key: "a", value: "b" }],
    });
    expect(ghost.response.status).toBe(400);
    expect(ghost.error?.errors?.[0]).toMatchObject({ context: "ghost", message: "Volume does not exist." });
    const reserved = await fa.PUT("/volumes/tags/batch", {
      params: { query: { resource_names: ["v1"] } },
      body: [{ key: "a", value: "b", namespace: "purestorage" }],
    });
    expect(reserved.response.status).toBe(400);
    await fa.unwrap(
      fa.DELETE("/volumes/tags", { params: { query: { resource_names: ["v1"], keys: ["env"] } } }),
    );
    const left = await fa.unwrap(fa.GET("/volumes/tags", { params: { query: { resource_names: ["v1"] } } }));
    expect(left.items?.map((t) => t.key)).toEqual(["owner"]);
  });
});

describe("volumes in pods: references checked against /pods", () => {
  it("pod::name places a volume in an existing pod; a missing pod is refused; PATCH pod moves it", async () => {
    const array = createFlashArrayMock({ seed: "empty" });
    const fa = await faClient(array);
    const pod = await fa.unwrap(fa.POST("/pods", { params: { query: { names: ["pod1"] } }, body: {} }));
    const podId = pod.items?.[0]?.id;
    const inPod = await fa.unwrap(
      fa.POST("/volumes", { params: { query: { names: ["pod1::data"] } }, body: { provisioned: GIB } }),
    );
    expect(inPod.items?.[0]?.pod).toEqual({ name: "pod1", id: podId });
    const listed = await fa.unwrap(fa.GET("/volumes", { params: { query: { filter: "pod.name='pod1'" } } }));
    expect(listed.items?.map((v) => v.name)).toEqual(["pod1::data"]);

    const noPod = await fa.POST("/volumes", {
      params: { query: { names: ["ghost::data"] } },
      body: { provisioned: GIB },
    });
    expect(noPod.response.status).toBe(400);
    expect(noPod.error?.errors?.[0]).toEqual({ context: "ghost", message: "Pod does not exist." });
    expect(array.state.collection("/volumes").size).toBe(1);

    await fa.unwrap(
      fa.POST("/volumes", { params: { query: { names: ["loose"] } }, body: { provisioned: GIB } }),
    );
    const moved = await fa.unwrap(
      fa.PATCH("/volumes", { params: { query: { names: ["loose"] } }, body: { pod: { name: "pod1" } } }),
    );
    expect(moved.items?.[0]).toMatchObject({ name: "pod1::loose", pod: { name: "pod1", id: podId } });
    const badMove = await fa.PATCH("/volumes", {
      params: { query: { names: ["pod1::loose"] } },
      body: { pod: { name: "nowhere" } },
    });
    expect(badMove.response.status).toBe(400);
    expect(badMove.error?.errors?.[0]).toEqual({ context: "nowhere", message: "Pod does not exist." });
    const out = await fa.unwrap(
      fa.PATCH("/volumes", { params: { query: { names: ["pod1::loose"] } }, body: { pod: { name: "" } } }),
    );
    expect(out.items?.[0]).toMatchObject({ name: "loose", pod: { name: null } });
  });
});

describe("hosts: IQN, WWN and NQN formats, one host per initiator", () => {
  it("host (IQN) + volume + connect works; malformed or taken initiators are refused", async () => {
    const array = createFlashArrayMock({ seed: "empty" });
    const fa = await faClient(array);
    const iqn = "iqn.2010-06.com.purestorage:linux.393d930077be2977";
    await fa.unwrap(fa.POST("/hosts", { params: { query: { names: ["h1"] } }, body: { iqns: [iqn] } }));
    await fa.unwrap(
      fa.POST("/volumes", { params: { query: { names: ["v1"] } }, body: { provisioned: GIB } }),
    );
    const conn = await fa.unwrap(
      fa.POST("/connections", { params: { query: { host_names: ["h1"], volume_names: ["v1"] } } }),
    );
    expect(conn.items?.[0]).toMatchObject({ host: { name: "h1" }, volume: { name: "v1" }, lun: 1 });

    const cases: [{ iqns?: string[]; wwns?: string[]; nqns?: string[] }, string][] = [
      [{ iqns: ["not-an-iqn"] }, "not-an-iqn"],
      [{ iqns: ["iqn.2010-13.com.example:x"] }, "iqn.2010-13.com.example:x"],
      [{ wwns: ["52:4A:93:70:4E:E5:68"] }, "52:4A:93:70:4E:E5:68"],
      [{ wwns: ["zz4A93704EE56800"] }, "zz4A93704EE56800"],
      [{ nqns: ["nqn.bad"] }, "nqn.bad"],
    ];
    for (const [body, context] of cases) {
      const res = await fa.POST("/hosts", { params: { query: { names: ["h2"] } }, body });
      expect(res.response.status).toBe(400);
      expect(res.error?.errors?.[0]).toMatchObject({
        context,
        message: expect.stringMatching(/^Invalid (IQN|WWN|NQN)/),
      });
    }
    const taken = await fa.POST("/hosts", { params: { query: { names: ["h2"] } }, body: { iqns: [iqn] } });
    expect(taken.error?.errors?.[0]?.message).toBe("IQN is already in use by host 'h1'.");
    expect(array.state.collection("/hosts").size).toBe(1);

    // WWNs are kept in the arrays' colon form; add_/remove_ change the lists.
    const fc = await fa.unwrap(
      fa.POST("/hosts", { params: { query: { names: ["fc1"] } }, body: { wwns: ["524a93704ee56800"] } }),
    );
    expect(fc.items?.[0]?.wwns).toEqual(["52:4A:93:70:4E:E5:68:00"]);
    const patched = await fa.unwrap(
      fa.PATCH("/hosts", {
        params: { query: { names: ["fc1"] } },
        body: { add_wwns: ["52:4A:93:70:4E:E5:68:01"], remove_wwns: ["52:4A:93:70:4E:E5:68:00"] },
      }),
    );
    expect(patched.items?.[0]?.wwns).toEqual(["52:4A:93:70:4E:E5:68:01"]);
    const badAdd = await fa.PATCH("/hosts", {
      params: { query: { names: ["fc1"] } },
      body: { add_iqns: ["iqn"] },
    });
    expect(badAdd.response.status).toBe(400);
  });
});

describe("FlashBlade object store access keys: generated by the array", () => {
  // The generated body type of `user` (a reference with a readOnly field) admits no name: cast.
  const forUser = (name: string) => ({ user: { name } }) as never;
  it("POST with {user} makes the key id and secret; the secret is shown once; two keys per user", async () => {
    const array = createFlashBladeMock({ seed: "empty" });
    const fb = await createFlashBladeClient({
      host: array.baseUrl,
      auth: { apiToken: array.apiToken },
      fetch: array.fetch,
      ...fast,
    });
    open.push(fb);
    await fb.unwrap(fb.POST("/object-store-accounts", { params: { query: { names: ["acct"] } }, body: {} }));
    await fb.unwrap(fb.POST("/object-store-users", { params: { query: { names: ["acct/app"] } } }));
    const noAccount = await fb.POST("/object-store-users", { params: { query: { names: ["nope/app"] } } });
    expect(noAccount.error?.errors?.[0]).toMatchObject({ context: "nope" });

    const made = await fb.unwrap(fb.POST("/object-store-access-keys", { body: forUser("acct/app") }));
    const key = made.items?.[0];
    expect(key?.access_key_id).toMatch(/^PSFB[A-Z0-9]{16}$/);
    expect(key?.name).toBe(key?.access_key_id);
    expect(key?.secret_access_key).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(key?.user?.name).toBe("acct/app");
    const listed = await fb.unwrap(fb.GET("/object-store-access-keys"));
    expect(listed.items?.[0]?.access_key_id).toBe(key?.access_key_id);
    expect(listed.items?.[0]?.secret_access_key).toBeUndefined();

    await fb.unwrap(fb.POST("/object-store-access-keys", { body: forUser("acct/app") }));
    const third = await fb.POST("/object-store-access-keys", { body: forUser("acct/app") });
    expect(third.response.status).toBe(400);
    expect(third.error?.errors?.[0]?.message).toMatch(/at most 2/);
    const ghost = await fb.POST("/object-store-access-keys", { body: forUser("acct/ghost") });
    expect(ghost.error?.errors?.[0]).toEqual({
      context: "acct/ghost",
      message: "Object store user does not exist.",
    });
  });
});

describe("replication: array connection, protection group target, replicate_now, transfer", () => {
  it("the recorded array has a connected array; a target must be connected; replicate_now makes a target-side snapshot and a transfer that completes with time", async () => {
    let now = 1_700_000_000_000;
    const array = createFlashArrayMock({ seed: "recorded", now: () => now });
    const fa = await faClient(array);
    const connections = await fa.unwrap(fa.GET("/array-connections"));
    expect(connections.items?.[0]).toMatchObject({
      name: "remote-fa-1",
      status: "connected",
      type: "async-replication",
    });

    await fa.unwrap(
      fa.POST("/volumes", { params: { query: { names: ["app-data"] } }, body: { provisioned: 10 * GIB } }),
    );
    await fa.unwrap(fa.POST("/protection-groups", { params: { query: { names: ["pg-app"] } }, body: {} }));
    await fa.unwrap(
      fa.POST("/protection-groups/volumes", {
        params: { query: { group_names: ["pg-app"], member_names: ["app-data"] } },
      }),
    );
    const early = await fa.POST("/protection-group-snapshots", {
      params: { query: { source_names: ["pg-app"], replicate_now: true } },
    });
    expect(early.response.status).toBe(400);
    expect(early.error?.errors?.[0]?.message).toMatch(/no replication targets/);

    const missing = await fa.POST("/protection-groups/targets", {
      params: { query: { group_names: ["pg-app"], member_names: ["not-connected"] } },
    });
    expect(missing.response.status).toBe(400);
    expect(missing.error?.errors?.[0]).toMatchObject({
      context: "not-connected",
      message: expect.stringMatching(/^Array connection does not exist/),
    });
    const target = await fa.unwrap(
      fa.POST("/protection-groups/targets", {
        params: { query: { group_names: ["pg-app"], member_names: ["remote-fa-1"] } },
      }),
    );
    expect(target.items?.[0]).toMatchObject({
      group: { name: "pg-app" },
      member: { name: "remote-fa-1" },
      allowed: true,
    });
    expect((await fa.getProtectionGroups({ names: ["pg-app"] })).items?.[0]?.target_count).toBe(1);

    const snap = await fa.unwrap(
      fa.POST("/protection-group-snapshots", {
        params: { query: { source_names: ["pg-app"], replicate_now: true } },
      }),
    );
    const snapName = snap.items?.[0]?.name as string;
    expect(snapName).toBe("pg-app.1");
    const started = await fa.unwrap(
      fa.GET("/protection-group-snapshots/transfer", { params: { query: { names: [snapName] } } }),
    );
    expect(started.items?.[0]).toMatchObject({ name: snapName, started: now, progress: 0, completed: null });

    now += 30_000;
    const half = await fa.unwrap(fa.GET("/protection-group-snapshots/transfer"));
    expect(half.items?.[0]?.progress).toBeGreaterThan(0);
    expect(half.items?.[0]?.progress).toBeLessThan(1);
    now += 3_600_000;
    const done = await fa.unwrap(fa.GET("/protection-group-snapshots/transfer"));
    expect(done.items?.[0]).toMatchObject({ progress: 1, completed: expect.any(Number) });
    expect(done.items?.[0]?.data_transferred).toBeGreaterThan(0);

    const remote = await fa.unwrap(fa.GET("/remote-protection-group-snapshots"));
    expect(remote.items).toEqual([
      expect.objectContaining({
        name: `z-x70-a:${snapName}`,
        remote: expect.objectContaining({ name: "remote-fa-1" }),
        is_local: false,
      }),
    ]);
  });

  it("connecting an array needs a management address and a connection key", async () => {
    const fa = await faClient(createFlashArrayMock({ seed: "empty" }));
    const noKey = await fa.POST("/array-connections", { body: { management_address: "10.1.1.1" } });
    expect(noKey.error?.errors?.[0]?.context).toBe("connection_key");
    const made = await fa.unwrap(
      fa.POST("/array-connections", {
        body: { management_address: "10.1.1.1", connection_key: "6207d123-d123-0b5c-5fa1-95fabc5c7123" },
      }),
    );
    expect(made.items?.[0]).toMatchObject({ name: "array-10-1-1-1", status: "connected" });
  });
});

describe("fleets: context_names over a mock fleet of several arrays", () => {
  it("writes go to the named member, listings span the named members and carry context; unknown contexts are refused", async () => {
    const array = createFlashArrayMock({
      seed: "empty",
      fleet: { name: "fleet-1", members: ["fa-a", "fa-b", "fa-c"] },
    });
    const fa = await faClient(array);
    const members = await fa.unwrap(fa.GET("/fleets/members"));
    expect(members.items?.map((m) => m.member?.name)).toEqual(["fa-a", "fa-b", "fa-c"]);
    expect((await fa.unwrap(fa.GET("/fleets"))).items?.[0]?.name).toBe("fleet-1");

    await fa.unwrap(
      fa.POST("/volumes", { params: { query: { names: ["here"] } }, body: { provisioned: GIB } }),
    );
    await fa.unwrap(
      fa.POST("/volumes", {
        params: { query: { names: ["there"], context_names: ["fa-b"] } },
        body: { provisioned: GIB },
      }),
    );
    const local = await fa.unwrap(fa.GET("/volumes"));
    expect(local.items?.map((v) => [v.name, v.context?.name])).toEqual([["here", "fa-a"]]);
    const b = await fa.unwrap(fa.GET("/volumes", { params: { query: { context_names: ["fa-b"] } } }));
    expect(b.items?.map((v) => [v.name, v.context?.name])).toEqual([["there", "fa-b"]]);
    const both = await fa.unwrap(
      fa.GET("/volumes", { params: { query: { context_names: ["fa-a", "fa-b"], total_item_count: true } } }),
    );
    expect(both.items?.map((v) => v.context?.name)).toEqual(["fa-a", "fa-b"]);
    expect(both.total_item_count).toBe(2);
    const all = await fa.unwrap(fa.GET("/volumes", { params: { query: { context_names: ["fleet-1"] } } }));
    expect(all.items).toHaveLength(2);
    // names are resolved relative to the context
    const wrongPlace = await fa.GET("/volumes", { params: { query: { names: ["there"] } } });
    expect(wrongPlace.response.status).toBe(400);

    const unknown = await fa.GET("/volumes", { params: { query: { context_names: ["fa-z"] } } });
    expect(unknown.response.status).toBe(400);
    expect(unknown.error?.errors?.[0]).toMatchObject({
      context: "fa-z",
      message: expect.stringMatching(/not an array of fleet 'fleet-1'/),
    });
    const twoWrites = await fa.POST("/volumes", {
      params: { query: { names: ["x"], context_names: ["fa-a", "fa-b"] } },
      body: { provisioned: GIB },
    });
    expect(twoWrites.response.status).toBe(400);
  });

  it("without a fleet, items carry the array itself as context, and only its name is a valid context", async () => {
    const array = createFlashArrayMock({ seed: "recorded" });
    const fa = await faClient(array);
    const vols = await fa.unwrap(
      fa.GET("/volumes", { params: { query: { limit: 1, context_names: ["z-x70-a"] } } }),
    );
    expect(vols.items?.[0]?.context?.name).toBe("z-x70-a");
    expect(
      (await fa.GET("/volumes", { params: { query: { context_names: ["other"] } } })).response.status,
    ).toBe(400);
  });
});

describe("per-array performance views", () => {
  it("/volumes/performance/by-array answers new volumes with the array they are on", async () => {
    const array = createFlashArrayMock({ seed: "empty", fleet: { name: "f", members: ["fa-1", "fa-2"] } });
    const fa = await faClient(array);
    await fa.unwrap(
      fa.POST("/volumes", { params: { query: { names: ["v1"] } }, body: { provisioned: GIB } }),
    );
    const rows = await fa.unwrap(
      fa.GET("/volumes/performance/by-array", { params: { query: { names: ["v1"] } } }),
    );
    expect(rows.items).toEqual([
      expect.objectContaining({ name: "v1", array: expect.objectContaining({ name: "fa-1" }) }),
    ]);
  });
});
