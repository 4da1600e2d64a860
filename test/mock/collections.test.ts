/**
 * Generic collection semantics, driven by the operation tables: names/ids, filter,
 * sort, limit/offset/continuation_token paging, total_item_count, allow_errors and
 * the arrays' errors[] shape.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createFlashArrayMock } from "../../mock/index.ts";
import { call, type Json, login, session } from "./helpers.ts";

type Caller = Awaited<ReturnType<typeof session>>;

describe("GET collections", () => {
  const fa = createFlashArrayMock({ seed: { volumes: 25, hosts: 3 } });
  let call: Caller;
  beforeAll(async () => {
    call = await session(fa);
  });

  const names = (body: Json) => body.items.map((i: Json) => i.name);

  it("lists in order with the envelope the response schema declares", async () => {
    const { status, body, headers } = await call("GET", "/volumes");
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual([
      "continuation_token",
      "items",
      "more_items_remaining",
      "total_item_count",
    ]);
    expect(body.items).toHaveLength(25);
    expect(body.items[0].name).toBe("vol-001");
    expect(body).toMatchObject({
      continuation_token: null,
      more_items_remaining: false,
      total_item_count: null,
    });
    expect(headers.get("x-next-token")).toBeNull();
  });

  it("pages through 3+ pages with continuation_token, also offered in x-next-token", async () => {
    const seen: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const { body, headers }: { body: Json; headers: Headers } = await call(
        "GET",
        `/volumes?limit=7${token ? `&continuation_token=${encodeURIComponent(token)}` : ""}`,
      );
      pages++;
      seen.push(...names(body));
      expect(headers.get("x-next-token")).toBe(body.continuation_token);
      expect(body.more_items_remaining).toBe(body.continuation_token !== null);
      token = body.continuation_token;
    } while (token);
    expect(pages).toBe(4);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `vol-${String(i + 1).padStart(3, "0")}`));
  });

  it("keeps tokens valid while the collection changes: each remaining item exactly once", async () => {
    const fresh = createFlashArrayMock({ seed: { volumes: 10 } });
    const c = await session(fresh);
    const first = await c("GET", "/volumes?limit=4");
    // Delete an item already seen and one not yet seen, add one at the end.
    for (const name of ["vol-002", "vol-006"]) {
      await c("PATCH", `/volumes?names=${name}`, { destroyed: true });
      await c("DELETE", `/volumes?names=${name}`);
    }
    await c("POST", "/volumes?names=late", { provisioned: 1048576 });
    const rest = await c("GET", `/volumes?limit=100&continuation_token=${first.body.continuation_token}`);
    expect(names(rest.body)).toEqual(["vol-005", "vol-007", "vol-008", "vol-009", "vol-010", "late"]);
  });

  it("pages with offset, and counts with total_item_count=true", async () => {
    const pages = await Promise.all(
      [0, 10, 20].map((o) => call("GET", `/volumes?limit=10&offset=${o}&total_item_count=true`)),
    );
    expect(pages.map((p) => p.body.items.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.body.total_item_count)).toEqual([25, 25, 25]);
    expect(pages.map((p) => p.body.more_items_remaining)).toEqual([true, true, false]);
    expect(pages[1]?.body.items[0].name).toBe("vol-011");
  });

  it("filters with the array's syntax and counts what matched", async () => {
    const { body } = await call(
      "GET",
      `/volumes?filter=${encodeURIComponent("name='vol-01*' and not(name='vol-015')")}&total_item_count=true`,
    );
    expect(names(body)).toEqual([
      "vol-010",
      "vol-011",
      "vol-012",
      "vol-013",
      "vol-014",
      "vol-016",
      "vol-017",
      "vol-018",
      "vol-019",
    ]);
    expect(body.total_item_count).toBe(9);
    const nested = await call(
      "GET",
      `/volumes?filter=${encodeURIComponent("space.total_provisioned>=0 and provisioned>0")}&limit=1`,
    );
    expect(nested.body.items).toHaveLength(1);
    const inList = await call("GET", `/volumes?filter=${encodeURIComponent("name=('vol-003','vol-004')")}`);
    expect(names(inList.body)).toEqual(["vol-003", "vol-004"]);
    const anyHost = await call(
      "GET",
      `/hosts?filter=${encodeURIComponent("iqns[any]='iqn.2024-01.com.example:host-002'")}`,
    );
    expect(names(anyHost.body)).toEqual(["host-002"]);
    const contains = await call("GET", `/volumes?filter=${encodeURIComponent("contains(name,'-02')")}`);
    expect(names(contains.body)).toEqual(["vol-020", "vol-021", "vol-022", "vol-023", "vol-024", "vol-025"]);
  });

  it("filters across pages: a filtered listing pages with tokens too", async () => {
    const filter = encodeURIComponent("name!='vol-002'");
    const a = await call("GET", `/volumes?filter=${filter}&limit=2`);
    const b = await call(
      "GET",
      `/volumes?filter=${filter}&limit=2&continuation_token=${a.body.continuation_token}`,
    );
    expect([...names(a.body), ...names(b.body)]).toEqual(["vol-001", "vol-003", "vol-004", "vol-005"]);
  });

  it("answers 400 with the filter's position for a bad filter", async () => {
    const { status, body } = await call("GET", `/volumes?filter=${encodeURIComponent("name='x' and")}`);
    expect(status).toBe(400);
    expect(body.errors[0].context).toBe("filter");
    expect(body.errors[0].message).toMatch(/Invalid filter/);
  });

  it("sorts ascending and descending (name-) on nested fields, then pages with offset (no token, as the spec says)", async () => {
    const desc = await call("GET", "/volumes?sort=name-&limit=3");
    expect(names(desc.body)).toEqual(["vol-025", "vol-024", "vol-023"]);
    expect(desc.body.continuation_token).toBeNull();
    expect(desc.body.more_items_remaining).toBe(true);
    const bySize = await call("GET", "/volumes?sort=provisioned,name");
    const sizes = bySize.body.items.map((i: Json) => i.provisioned as number);
    expect(sizes).toEqual([...sizes].sort((x, y) => x - y));
    const nested = await call("GET", "/volumes?sort=space.virtual-&limit=25");
    const virt = nested.body.items.map((i: Json) => i.space.virtual as number);
    expect(virt).toEqual([...virt].sort((x, y) => y - x));
    const bad = await call("GET", "/volumes?sort=nonsense");
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ context: "sort" });
    const mixed = await call(
      "GET",
      `/volumes?sort=name&continuation_token=${desc.body.continuation_token ?? "x"}`,
    );
    expect(mixed.status).toBe(400);
  });

  it("looks up names and ids; unknown names answer 400 with the name as context", async () => {
    const byName = await call("GET", "/volumes?names=vol-003,vol-001");
    expect(names(byName.body)).toEqual(["vol-003", "vol-001"]);
    const id = byName.body.items[0].id;
    const byId = await call("GET", `/volumes?ids=${id}`);
    expect(names(byId.body)).toEqual(["vol-003"]);
    const unknown = await call("GET", "/volumes?names=vol-001,ghost");
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ errors: [{ context: "ghost", message: "Volume does not exist." }] });
  });

  it("with allow_errors=true answers 207 (REST ≥ 2.49) with what exists plus errors[]", async () => {
    const { status, body } = await call("GET", "/volumes?names=vol-001,ghost&allow_errors=true");
    expect(status).toBe(207);
    expect(names(body)).toEqual(["vol-001"]);
    expect(body.errors).toEqual([{ context: "ghost", message: "Volume does not exist." }]);
  });

  it("splits list parameters on literal commas before decoding (names=a,b%2Cc)", async () => {
    await call("POST", "/hosts?names=we%2Cird", {});
    const { body } = await call("GET", "/hosts?names=host-001,we%2Cird");
    expect(names(body)).toEqual(["host-001", "we,ird"]);
  });

  it("answers total_only=true with an aggregate total and no items", async () => {
    const { body } = await call("GET", "/volumes?total_only=true");
    expect(body.items).toEqual([]);
    expect(body.total).toHaveLength(1);
    const all = await call("GET", "/volumes");
    const sum = all.body.items.reduce((s: number, i: Json) => s + (i.provisioned as number), 0);
    expect(body.total[0].provisioned).toBe(sum);
    expect(body.total[0].name).toBeNull();
  });

  it("filters by reference and flag parameters (destroyed=true, host_names=…)", async () => {
    const fresh = createFlashArrayMock({ seed: { volumes: 3, hosts: 2 } });
    const c = await session(fresh);
    await c("PATCH", "/volumes?names=vol-002", { destroyed: true });
    expect(names((await c("GET", "/volumes?destroyed=true")).body)).toEqual(["vol-002"]);
    expect(names((await c("GET", "/volumes?destroyed=false")).body)).toEqual(["vol-001", "vol-003"]);
    await c("POST", "/connections?host_names=host-001&volume_names=vol-001,vol-003");
    await c("POST", "/connections?host_names=host-002&volume_names=vol-003");
    const conns = await c("GET", "/connections?host_names=host-001");
    expect(conns.body.items.map((i: Json) => i.volume.name)).toEqual(["vol-001", "vol-003"]);
    const byVolume = await c("GET", "/connections?volume_names=vol-003");
    expect(byVolume.body.items.map((i: Json) => i.host.name)).toEqual(["host-001", "host-002"]);
  });

  it("serves several versions from one state", async () => {
    const multi = createFlashArrayMock({ versions: ["2.30", "2.56"], seed: { volumes: 2 } });
    const c = await session(multi);
    await c("POST", "/volumes?names=shared", { provisioned: 1048576 });
    const res = await multi.fetch(`${multi.baseUrl}/api/2.30/volumes?names=shared`, {
      headers: {
        "x-auth-token": (await import("./helpers.ts").then((h) => h.login(multi, "2.30"))) as string,
      },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).items[0].name).toBe("shared");
  });
});

describe("writes: POST / PATCH / DELETE (generic)", () => {
  it("creates by names with the body, refuses duplicates, patches and deletes", async () => {
    const fa = createFlashArrayMock({ seed: "empty" });
    const c = await session(fa);
    const created = await c("POST", "/volume-groups?names=vg1,vg2", {});
    expect(created.status).toBe(200);
    expect(created.body.items.map((i: Json) => i.name)).toEqual(["vg1", "vg2"]);
    expect(created.body.items[0].id).toMatch(/^[0-9a-f-]{36}$/);
    const dup = await c("POST", "/volume-groups?names=vg2,vg3", {});
    expect(dup.status).toBe(400);
    expect(dup.body.errors).toEqual([{ context: "vg2", message: "Volume group already exists." }]);
    expect((await c("GET", "/volume-groups?names=vg3")).status).toBe(400); // nothing half-created
    const patched = await c("PATCH", "/volume-groups?names=vg1", { qos: { iops_limit: 1000 } });
    expect(patched.body.items[0].qos).toEqual({ iops_limit: 1000 });
    const renamed = await c("PATCH", "/volume-groups?names=vg1", { name: "vg-renamed" });
    expect(renamed.body.items[0].name).toBe("vg-renamed");
    expect((await c("GET", "/volume-groups?names=vg-renamed")).status).toBe(200);
    expect((await c("GET", "/volume-groups?names=vg1")).status).toBe(400);
    const clash = await c("PATCH", "/volume-groups?names=vg2", { name: "vg-renamed" });
    expect(clash.status).toBe(400);
    const unknown = await c("PATCH", "/volume-groups?names=nope", {});
    expect(unknown.body.errors[0]).toEqual({ context: "nope", message: "Volume group does not exist." });
    const both = await c("DELETE", `/volume-groups?names=vg2&ids=${created.body.items[1].id}`);
    expect(both.status).toBe(400);
    expect(both.body.errors[0].message).toMatch(/cannot be set together/);
  });

  it("creates relations from reference parameters and deletes them by the same", async () => {
    const fa = createFlashArrayMock({ seed: "empty" });
    const c = await session(fa);
    await c("POST", "/policies/snapshot?names=daily", {});
    const added = await c("POST", "/policies/snapshot/members?policy_names=daily", { members: [] });
    expect(added.status).toBe(200);
    expect(added.body.items[0].policy).toEqual({ name: "daily" });
    const listed = await c("GET", "/policies/snapshot/members?policy_names=daily");
    expect(listed.body.items).toHaveLength(1);
    const removed = await c("DELETE", "/policies/snapshot/members?policy_names=daily&member_names=x");
    expect(removed.status).toBe(400);
  });
});

describe("one state, several versions", () => {
  it("an older version answers only the fields its schema declares", async () => {
    const fa = createFlashArrayMock({ versions: ["2.0", "2.56"], seed: "recorded" });
    await fa.ready;
    const session = await login(fa, "2.56");
    const newer = await call(fa, session, "GET", "/volumes?limit=5", undefined, "2.56");
    const older = await call(fa, session, "GET", "/volumes?limit=5", undefined, "2.0");
    const keys = (r: { body: Json }) => new Set<string>(r.body.items.flatMap((i: Json) => Object.keys(i)));
    const generated = await import("../../generated/flasharray/index.js");
    const table = await generated.loadTable("2.0");
    const schemas = { components: { schemas: (await generated.loadSchemas("2.0")) as Json } };
    expect(table.operations.find((o) => o.name === "getVolumes")?.responseSchema).toBe("VolumeGetResponse");
    const declared = new Set<string>();
    const collect = (schema: Json): void => {
      if (schema?.$ref) {
        collect(schemas.components.schemas[schema.$ref.split("/").pop()]);
        return;
      }
      for (const k of Object.keys(schema?.properties ?? {})) declared.add(k);
      for (const sub of schema?.allOf ?? []) collect(sub);
    };
    const response = schemas.components.schemas.VolumeGetResponse;
    const itemsSchema = [response, ...(response.allOf ?? [])]
      .map((s: Json) => (s.$ref ? schemas.components.schemas[s.$ref.split("/").pop()] : s))
      .find((s: Json) => s.properties?.items)?.properties.items.items;
    collect(itemsSchema);
    expect(declared.size).toBeGreaterThan(3);
    for (const k of keys(older)) expect(declared.has(k), k).toBe(true);
    expect(keys(newer).size).toBeGreaterThan(keys(older).size);
  });
});
