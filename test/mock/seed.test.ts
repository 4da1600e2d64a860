/**
 * Seeding: recorded lab answers, empty, or generated at any size — deterministic,
 * and lazy enough that a 100k-volume array pages cheaply.
 */
import { describe, expect, it } from "vitest";
import { createFlashArrayMock, createFlashBladeMock, createPure1Mock } from "../../mock/index.ts";
import { readAll } from "../../mock/seed/index.ts";
import { type Json, session } from "./helpers.ts";

describe("seed", () => {
  it("a folder that fails is given up only once all its reads have ended (none left running)", async () => {
    let release!: () => void;
    const slow = new Promise<string>((resolve) => {
      release = () => resolve("late");
    });
    let settled = false;
    const all = readAll([Promise.reject(new Error("first file missing")), slow]).finally(() => {
      settled = true;
    });
    all.catch(() => {});
    // Promise.all would have rejected by now, with `slow` still running.
    await new Promise((r) => setTimeout(r, 0));
    expect(settled).toBe(false);
    release();
    await expect(all).rejects.toThrow("first file missing");
    await expect(readAll([Promise.resolve(1), Promise.resolve(2)])).resolves.toEqual([1, 2]);
  });

  it("recorded: FlashArray holds the lab array's volumes, hosts and connections", async () => {
    const fa = createFlashArrayMock({ seed: "recorded" });
    await fa.ready;
    expect(fa.state.collection("/volumes").size).toBe(81);
    expect(fa.state.collection("/hosts").size).toBe(31);
    expect(fa.state.collection("/connections").size).toBe(171);
    const c = await session(fa);
    const { body } = await c("GET", "/volumes?names=pure-protocol-endpoint");
    expect(body.items[0]).toMatchObject({ subtype: "protocol_endpoint", serial: "6C1B16CE1C034D1C00013918" });
    const perf = await c("GET", "/volumes/performance?limit=1");
    expect(perf.body.items).toHaveLength(1);
  });

  it("recorded: FlashBlade holds file systems, buckets and accounts", async () => {
    const fb = createFlashBladeMock({});
    await fb.ready;
    expect(fb.state.collection("/file-systems").size).toBe(269);
    expect(fb.state.collection("/buckets").size).toBe(92);
    expect(fb.state.collection("/object-store-accounts").size).toBe(60);
  });

  it("recorded falls back to a generated fleet on Pure1 (no recording exists)", async () => {
    const pure1 = createPure1Mock();
    await pure1.ready;
    expect(pure1.state.collection("/arrays").size).toBe(6);
    expect(pure1.state.collection("/volumes").size).toBe(60);
  });

  it("empty holds nothing", async () => {
    const fa = createFlashArrayMock({ seed: "empty" });
    await fa.ready;
    expect(fa.state.paths).toEqual([]);
    const c = await session(fa);
    expect((await c("GET", "/volumes")).body.items).toEqual([]);
  });

  it("generated seeds are deterministic: two arrays answer byte-identical pages", async () => {
    const answers = await Promise.all(
      [1, 2].map(async () => {
        const fa = createFlashArrayMock({ seed: { volumes: 500, hosts: 5, "protection-groups": 3 } });
        const c = await session(fa);
        return JSON.stringify([
          (await c("GET", "/volumes?limit=500")).body,
          (await c("GET", "/hosts")).body,
          (await c("GET", "/protection-groups")).body,
        ]);
      }),
    );
    expect(answers[0]).toBe(answers[1]);
    const first = (JSON.parse(answers[0] as string) as Json[])[0]?.items[0];
    expect(first.name).toBe("vol-001");
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.created).toBe(1_704_067_200_000);
  });

  it("refuses unknown collections and bad counts clearly", async () => {
    await expect(createFlashArrayMock({ seed: { volumez: 3 } }).ready).rejects.toThrow(
      /no collection \/volumez/,
    );
    await expect(createFlashArrayMock({ seed: { volumes: -1 } }).ready).rejects.toThrow(
      /non-negative integer/,
    );
    const broken = createFlashArrayMock({ seed: "recorded", fixturesDir: "/nonexistent/fixtures" });
    await expect(broken.ready).rejects.toThrow(/cannot read the recorded answers.*fixturesDir/);
    const res = await broken.fetch(`${broken.baseUrl}/api/api_version`);
    expect(res.status).toBe(500);
  });

  it("100k volumes: made lazily, paged cheaply by token and offset, counted without a scan", {
    timeout: 60_000,
  }, async () => {
    // Speed and memory are measured by bench/mock-server.ts, not asserted here.
    const fa = createFlashArrayMock({ seed: { volumes: 100_000 } });
    await fa.ready;
    const c = await session(fa);

    let token: string | null = null;
    let seen = 0;
    let pages = 0;
    do {
      const { body }: { body: Json } = await c(
        "GET",
        `/volumes?limit=1000${token ? `&continuation_token=${token}` : ""}`,
      );
      seen += body.items.length;
      token = body.continuation_token;
      pages++;
    } while (token);
    expect(seen).toBe(100_000);
    expect(pages).toBe(100);

    const deep = await c("GET", "/volumes?limit=10&offset=99990&total_item_count=true");
    expect(deep.body.items[9].name).toBe("vol-100000");
    expect(deep.body.total_item_count).toBe(100_000);
    expect(deep.body.more_items_remaining).toBe(false);
    const byName = await c("GET", "/volumes?names=vol-054321");
    expect(byName.body.items[0].name).toBe("vol-054321");
    expect(fa.state.collection("/volumes").size).toBe(100_000);
  });
});
