/**
 * Real behaviour beyond the generic rules: FlashArray volumes, hosts, host groups,
 * connections, protection groups and snapshots; FlashBlade file systems and
 * buckets; Pure1 arrays, volumes and metrics.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadTable } from "../../generated/pure1/index.js";
import { createFlashArrayMock, createFlashBladeMock, createPure1Mock } from "../../mock/index.ts";
import { metricValue } from "../../mock/semantics/pure1.ts";
import { exchange, type Json, rsaKeys, session, signJwt } from "./helpers.ts";

type Caller = Awaited<ReturnType<typeof session>>;
const GIB = 1024 ** 3;

describe("FlashArray volumes", () => {
  let c: Caller;
  beforeAll(async () => {
    c = await session(createFlashArrayMock({ seed: "empty", now: () => 1_700_000_000_000 }));
  });

  it("creates with a provisioned size, serial, zeroed space and timestamps", async () => {
    const { status, body } = await c("POST", "/volumes?names=db1", { provisioned: 10 * GIB });
    expect(status).toBe(200);
    const v = body.items[0];
    expect(v).toMatchObject({
      name: "db1",
      provisioned: 10 * GIB,
      destroyed: false,
      time_remaining: null,
      created: 1_700_000_000_000,
    });
    expect(v.serial).toMatch(/^[0-9A-F]{24}$/);
    expect(v.space.total_provisioned).toBe(10 * GIB);
  });

  it("requires provisioned (or a source), within 4 PiB and sector-aligned", async () => {
    expect((await c("POST", "/volumes?names=x", {})).body.errors[0].context).toBe("provisioned");
    expect((await c("POST", "/volumes?names=x", { provisioned: 2 ** 53 })).status).toBe(400);
    expect((await c("POST", "/volumes?names=x", { provisioned: 1000 })).body.errors[0].message).toMatch(
      /512/,
    );
  });

  it("copies from a source volume", async () => {
    const { body } = await c("POST", "/volumes?names=db1-copy", { source: { name: "db1" } });
    expect(body.items[0]).toMatchObject({ provisioned: 10 * GIB, source: { name: "db1" } });
    expect((await c("POST", "/volumes?names=y", { source: { name: "ghost" } })).status).toBe(400);
  });

  it("grows freely but shrinks only with truncate=true", async () => {
    expect(
      (await c("PATCH", "/volumes?names=db1", { provisioned: 20 * GIB })).body.items[0].provisioned,
    ).toBe(20 * GIB);
    const shrink = await c("PATCH", "/volumes?names=db1", { provisioned: 5 * GIB });
    expect(shrink.status).toBe(400);
    expect(shrink.body.errors[0].message).toMatch(/truncate=true/);
    expect((await c("PATCH", "/volumes?names=db1&truncate=true", { provisioned: 5 * GIB })).status).toBe(200);
  });

  it("destroys with PATCH (time_remaining starts), recovers, and eradicates only when destroyed", async () => {
    const live = await c("DELETE", "/volumes?names=db1-copy");
    expect(live.status).toBe(400);
    expect(live.body.errors[0]).toMatchObject({ context: "db1-copy" });
    expect(live.body.errors[0].message).toMatch(/must be destroyed/);
    const destroyed = await c("PATCH", "/volumes?names=db1-copy", { destroyed: true });
    expect(destroyed.body.items[0]).toMatchObject({ destroyed: true, time_remaining: 86_400_000 });
    const recovered = await c("PATCH", "/volumes?names=db1-copy", { destroyed: false });
    expect(recovered.body.items[0]).toMatchObject({ destroyed: false, time_remaining: null });
    await c("PATCH", "/volumes?names=db1-copy", { destroyed: true });
    const eradicated = await c("DELETE", "/volumes?names=db1-copy");
    expect(eradicated.status).toBe(200);
    expect((await c("GET", "/volumes?names=db1-copy")).status).toBe(400);
  });
});

describe("FlashArray hosts, host groups and connections", () => {
  let c: Caller;
  beforeAll(async () => {
    c = await session(createFlashArrayMock({ seed: "empty" }));
    await c("POST", "/volumes?names=v1,v2", { provisioned: GIB });
    await c("POST", "/hosts?names=h1,h2", { iqns: ["iqn.2024-01.com.example:h1"] });
    await c("POST", "/host-groups?names=hg1,hg2", {});
  });

  it("a connection needs an existing host and an existing volume", async () => {
    const noHost = await c("POST", "/connections?host_names=ghost&volume_names=v1");
    expect(noHost.status).toBe(400);
    expect(noHost.body.errors).toEqual([{ context: "ghost", message: "Host does not exist." }]);
    const noVolume = await c("POST", "/connections?host_names=h1&volume_names=nope");
    expect(noVolume.body.errors).toEqual([{ context: "nope", message: "Volume does not exist." }]);
    expect((await c("POST", "/connections?volume_names=v1")).status).toBe(400);
  });

  it("connects with the lowest free LUN, counts connections, refuses duplicates", async () => {
    const a = await c("POST", "/connections?host_names=h1&volume_names=v1,v2");
    expect(a.body.items.map((i: Json) => [i.host.name, i.volume.name, i.lun])).toEqual([
      ["h1", "v1", 1],
      ["h1", "v2", 2],
    ]);
    expect((await c("GET", "/volumes?names=v1")).body.items[0].connection_count).toBe(1);
    expect((await c("GET", "/hosts?names=h1")).body.items[0].connection_count).toBe(2);
    expect((await c("POST", "/connections?host_names=h1&volume_names=v1")).body.errors[0].message).toMatch(
      /already exists/,
    );
    const lun = await c("POST", "/connections?host_names=h2&volume_names=v1", { lun: 9 });
    expect(lun.body.items[0].lun).toBe(9);
  });

  it("refuses to delete a connected host; disconnecting then deleting works", async () => {
    const refused = await c("DELETE", "/hosts?names=h2");
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].message).toMatch(/connected volumes/);
    expect((await c("DELETE", "/connections?host_names=h2&volume_names=v1")).status).toBe(200);
    expect((await c("DELETE", "/connections?host_names=h2&volume_names=v1")).status).toBe(400);
    expect((await c("DELETE", "/hosts?names=h2")).status).toBe(200);
    expect((await c("GET", "/volumes?names=v1")).body.items[0].connection_count).toBe(1);
  });

  it("puts a host in one host group at most, visible from both relation paths", async () => {
    await c("POST", "/hosts?names=h3", {});
    const added = await c("POST", "/host-groups/hosts?group_names=hg1&member_names=h3");
    expect(added.body.items[0]).toMatchObject({ group: { name: "hg1" }, member: { name: "h3" } });
    expect((await c("GET", "/hosts?names=h3")).body.items[0].host_group).toEqual({ name: "hg1" });
    expect((await c("GET", "/host-groups?names=hg1")).body.items[0].host_count).toBe(1);
    expect((await c("GET", "/hosts/host-groups?member_names=h3")).body.items).toHaveLength(1);
    const second = await c("POST", "/host-groups/hosts?group_names=hg2&member_names=h3");
    expect(second.status).toBe(400);
    expect(second.body.errors[0].message).toMatch(/already in host group 'hg1'/);
    expect((await c("POST", "/host-groups/hosts?group_names=nope&member_names=h3")).status).toBe(400);
    const busy = await c("DELETE", "/host-groups?names=hg1");
    expect(busy.body.errors[0].message).toMatch(/member hosts/);
    expect((await c("DELETE", "/hosts/host-groups?group_names=hg1&member_names=h3")).status).toBe(200);
    expect((await c("GET", "/hosts?names=h3")).body.items[0].host_group).toEqual({ name: null });
    expect((await c("DELETE", "/host-groups?names=hg1")).status).toBe(200);
  });

  it("connects a volume to a host group (shared connection)", async () => {
    const res = await c("POST", "/connections?host_group_names=hg2&volume_names=v2");
    expect(res.body.items[0]).toMatchObject({ host_group: { name: "hg2" }, host: { name: null }, lun: 1 });
    expect((await c("GET", "/connections?host_group_names=hg2")).body.items).toHaveLength(1);
  });

  it("disconnects a destroyed volume", async () => {
    await c("PATCH", "/volumes?names=v2", { destroyed: true });
    expect((await c("GET", "/connections?volume_names=v2")).body.items).toHaveLength(0);
    expect((await c("POST", "/connections?host_names=h1&volume_names=v2")).body.errors[0].message).toMatch(
      /destroyed/,
    );
  });
});

describe("FlashArray protection groups and snapshots", () => {
  let c: Caller;
  beforeAll(async () => {
    c = await session(createFlashArrayMock({ seed: "empty" }));
    await c("POST", "/volumes?names=a,b", { provisioned: GIB });
    await c("POST", "/hosts?names=h1", {});
    await c("POST", "/protection-groups?names=pg1", {});
  });

  it("adds existing volumes, counts them, refuses mixing member kinds", async () => {
    expect((await c("POST", "/protection-groups/volumes?group_names=pg1&member_names=ghost")).status).toBe(
      400,
    );
    const added = await c("POST", "/protection-groups/volumes?group_names=pg1&member_names=a,b");
    expect(added.body.items.map((i: Json) => i.member.name)).toEqual(["a", "b"]);
    expect((await c("GET", "/protection-groups?names=pg1")).body.items[0].volume_count).toBe(2);
    expect((await c("GET", "/volumes/protection-groups?member_names=a")).body.items[0].group.name).toBe(
      "pg1",
    );
    const mixed = await c("POST", "/protection-groups/hosts?group_names=pg1&member_names=h1");
    expect(mixed.status).toBe(400);
    expect(mixed.body.errors[0].message).toMatch(/not a mix/);
  });

  it("snapshots volumes as source.suffix (numbered when no suffix) and eradicates only destroyed ones", async () => {
    const named = await c("POST", "/volume-snapshots?source_names=a", { suffix: "nightly" });
    expect(named.body.items[0]).toMatchObject({
      name: "a.nightly",
      suffix: "nightly",
      source: { name: "a" },
      provisioned: GIB,
    });
    const noBody = await c("POST", "/volume-snapshots?source_names=a");
    expect(noBody.body.errors[0].message).toMatch(/needs a JSON request body/); // the spec marks the body required
    const n1 = await c("POST", "/volume-snapshots?source_names=a,b", {});
    expect(n1.body.items.map((i: Json) => i.name)).toEqual(["a.1", "b.1"]);
    expect((await c("POST", "/volume-snapshots?source_names=a", {})).body.items[0].name).toBe("a.2");
    expect((await c("POST", "/volume-snapshots?source_names=ghost", {})).status).toBe(400);
    expect((await c("GET", "/volume-snapshots?source_names=b")).body.items.map((i: Json) => i.name)).toEqual([
      "b.1",
    ]);
    expect((await c("DELETE", "/volume-snapshots?names=a.1")).status).toBe(400);
    await c("PATCH", "/volume-snapshots?names=a.1", { destroyed: true });
    expect((await c("DELETE", "/volume-snapshots?names=a.1")).status).toBe(200);
  });

  it("adds new volumes to protection groups with add_to_protection_group_names", async () => {
    expect(
      (await c("POST", "/volumes?names=c&add_to_protection_group_names=nope", { provisioned: GIB })).status,
    ).toBe(400);
    expect((await c("GET", "/volumes?names=c")).status).toBe(400); // nothing created
    expect(
      (await c("POST", "/volumes?names=c&add_to_protection_group_names=pg1", { provisioned: GIB })).status,
    ).toBe(200);
    expect((await c("GET", "/protection-groups/volumes?member_names=c")).body.items[0].group.name).toBe(
      "pg1",
    );
    expect((await c("GET", "/protection-groups?names=pg1")).body.items[0].volume_count).toBe(3);
  });

  it("snapshots a protection group with a snapshot of each member volume", async () => {
    const res = await c("POST", "/protection-group-snapshots?source_names=pg1");
    expect(res.body.items[0]).toMatchObject({ name: "pg1.1", source: { name: "pg1" } });
    const vols = await c("GET", "/volume-snapshots?names=pg1.1.a,pg1.1.b,pg1.1.c");
    expect(vols.status).toBe(200);
    expect(vols.body.items.map((i: Json) => i.source.name)).toEqual(["a", "b", "c"]);
  });
});

describe("FlashBlade file systems and buckets", () => {
  let c: Caller;
  beforeAll(async () => {
    c = await session(createFlashBladeMock({ seed: "empty" }));
  });

  it("creates file systems, refuses to destroy one that still exports, eradicates only destroyed ones", async () => {
    const fs = await c("POST", "/file-systems?names=home", {
      provisioned: 1024 ** 4,
      nfs: { v3_enabled: true },
    });
    expect(fs.body.items[0]).toMatchObject({
      name: "home",
      provisioned: 1024 ** 4,
      destroyed: false,
      nfs: { v3_enabled: true, v4_1_enabled: false },
    });
    expect((await c("DELETE", "/file-systems?names=home")).status).toBe(400);
    const exporting = await c("PATCH", "/file-systems?names=home", { destroyed: true });
    expect(exporting.body.errors[0].message).toMatch(/Disable NFS/);
    await c("PATCH", "/file-systems?names=home", { nfs: { v3_enabled: false } });
    expect(
      (await c("PATCH", "/file-systems?names=home", { destroyed: true })).body.items[0].time_remaining,
    ).toBe(86_400_000);
    expect((await c("DELETE", "/file-systems?names=home")).status).toBe(200);
  });

  it("creates buckets only in an existing object store account", async () => {
    const none = await c("POST", "/buckets?names=b1", { account: { name: "acct" } });
    expect(none.status).toBe(400);
    expect(none.body.errors[0]).toMatchObject({ context: "acct" });
    await c("POST", "/object-store-accounts?names=acct", {});
    const ok = await c("POST", "/buckets?names=b1,b2", { account: { name: "acct" } });
    expect(ok.body.items[0]).toMatchObject({
      name: "b1",
      account: { name: "acct", resource_type: "object-store-accounts" },
    });
    const inAccount = async () =>
      (await c("GET", `/buckets?filter=${encodeURIComponent("account.name='acct' and destroyed=false")}`))
        .body.items.length;
    expect(await inAccount()).toBe(2);
    expect((await c("DELETE", "/buckets?names=b1")).status).toBe(400);
    await c("PATCH", "/buckets?names=b1", { destroyed: true });
    expect((await c("DELETE", "/buckets?names=b1")).status).toBe(200);
    expect(await inAccount()).toBe(1);
  });
});

describe("Pure1 arrays, volumes and metrics", () => {
  const APP = "pure1:apikey:test";
  let get: (path: string) => Promise<{ status: number; body: Json }>;
  let pure1Raw: (path: string) => Promise<{ status: number; body: Json }>;
  beforeAll(async () => {
    const keys = await rsaKeys();
    const pure1 = createPure1Mock({ apps: [{ appId: APP, publicKey: keys.publicPem }] });
    const { body } = await exchange(pure1, await signJwt(keys.privateKey, { iss: APP }));
    // Pure1 wants its x-quoted parameters in single quotes: write the tests' queries bare,
    // quote them here as a client must (the table says which parameters).
    const table = await loadTable("1.6");
    const quotedOf = (path: string) =>
      new Set(
        table.operations
          .find((o) => o.method === "get" && o.path === path)
          ?.query.filter((q) => q.quoted)
          .map((q) => q.name),
      );
    get = async (raw) => {
      const [route, search = ""] = raw.split("?");
      const quoted = quotedOf(route!);
      const query = search
        .split("&")
        .filter(Boolean)
        .map((part) => {
          const [k, v = ""] = part.split("=");
          return quoted.has(k!)
            ? `${k}=${v
                .split(",")
                .map((x) => encodeURIComponent(`'${decodeURIComponent(x)}'`))
                .join(",")}`
            : part;
        })
        .join("&");
      return pure1Raw(query ? `${route}?${query}` : route!);
    };
    pure1Raw = async (path) => {
      const res = await pure1.fetch(`${pure1.baseUrl}/api/1.6${path}`, {
        headers: { authorization: `Bearer ${body.access_token}` },
      });
      return { status: res.status, body: (await res.json()) as Json };
    };
  });

  it("refuses an unquoted x-quoted value as Pure1 does", async () => {
    const res = await pure1Raw("/arrays?names=array-001");
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toContain("String literals must be enclosed in single (') quotes");
  });

  it("lists a deterministic fleet of arrays and their volumes", async () => {
    const arrays = await get("/arrays");
    expect(arrays.body.items.map((a: Json) => a.name)).toEqual([
      "array-001",
      "array-002",
      "array-003",
      "array-004",
      "array-005",
      "array-006",
    ]);
    expect(arrays.body.items[2]).toMatchObject({ os: "Purity//FB", fqdn: "array-003.dc1.example.com" });
    const byFqdn = await get("/arrays?fqdns=array-002.dc1.example.com");
    expect(byFqdn.body.items.map((a: Json) => a.name)).toEqual(["array-002"]);
    const volumes = await get(
      `/volumes?limit=5&filter=${encodeURIComponent("arrays[any].name='array-001'")}`,
    );
    expect(volumes.body.items.length).toBe(5);
    expect(volumes.body.items.every((v: Json) => v.arrays[0].name === "array-001")).toBe(true);
  });

  it("lists metrics by resource type", async () => {
    const { body } = await get("/metrics?resource_types=volumes");
    expect(body.items.map((m: Json) => m.name)).toEqual([
      "volume_read_iops",
      "volume_write_iops",
      "volume_read_bandwidth",
      "volume_write_bandwidth",
    ]);
  });

  it("answers metrics/history with deterministic, resolution-aligned series", async () => {
    const q =
      "/metrics/history?names=array_read_iops&resource_names=array-001,array-002&aggregation=avg&resolution=300000&start_time=1700000000000&end_time=1700003600000";
    const a = await get(q);
    const b = await get(q);
    expect(a.status).toBe(200);
    expect(a.body.items).toHaveLength(2);
    const series = a.body.items[0];
    expect(series).toMatchObject({
      name: "array_read_iops",
      aggregation: "avg",
      resolution: 300000,
      unit: "IO/s",
      resources: [{ name: "array-001" }],
    });
    expect(series.data).toHaveLength(12); // 1700000100000 … 1700003400000
    expect(series.data[0][0]).toBe(1700000100000); // first multiple of the resolution after start
    expect(series.data.every(([t]: number[]) => (t as number) % 300000 === 0)).toBe(true);
    expect(b.body.items[0].data).toEqual(series.data);
    expect(series.data[0][1]).toBe(
      metricValue("array_read_iops", series.resources[0].id, "avg", 1700000100000, 40_000),
    );
    expect(a.body.items[1].data).not.toEqual(series.data);
  });

  it("validates metrics/history queries", async () => {
    const base = "/metrics/history?names=array_read_iops&resource_names=array-001&aggregation=avg";
    expect((await get(`${base}&resolution=300000&start_time=2&end_time=1`)).body.errors[0].context).toBe(
      "end_time",
    );
    expect((await get(`${base}&resolution=12345&start_time=0&end_time=1000000`)).body.errors[0].context).toBe(
      "resolution",
    );
    expect(
      (await get(`${base}&resolution=30000&start_time=0&end_time=1700000000000`)).body.errors[0].message,
    ).toMatch(/at most 10000/);
    const missing = await get(
      "/metrics/history?names=array_read_iops&resource_names=array-001&resolution=30000&start_time=0&end_time=1",
    );
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ context: "aggregation" });
    expect(
      (
        await get(
          "/metrics/history?names=nope&resource_names=array-001&aggregation=avg&resolution=30000&start_time=0&end_time=60000",
        )
      ).body.errors[0].context,
    ).toBe("nope");
    expect(
      (
        await get(
          "/metrics/history?names=volume_read_iops&resource_names=array-001&aggregation=avg&resolution=30000&start_time=0&end_time=60000",
        )
      ).status,
    ).toBe(400);
  });
});
