/**
 * splitTimeWindow: a long metrics window split into windows Pure1 accepts, checked
 * as arithmetic and end to end against the Pure1 mock (7 days at 30 s: refused in one
 * call, answered in three with every sample exactly once).
 */
import { describe, expect, it } from "vitest";
import { createPure1Mock } from "../../mock/index.ts";
import { PURE1_MAX_POINTS, PurekitError, splitTimeWindow } from "../../runtime/index.ts";
import { generateRsaKeyPair } from "../../runtime/keys/index.ts";
import { createPure1Client } from "../../runtime/pure1.ts";

const DAY = 86_400_000;

describe("splitTimeWindow", () => {
  it("covers every aligned sample once, at most maxPoints per window", () => {
    const end = 1_700_000_000_000;
    const start = end - 7 * DAY;
    const windows = splitTimeWindow({ start, end, resolution: 30_000 });
    expect(windows.map((w) => w.points)).toEqual([10_000, 10_000, 160]);
    expect(windows[0]?.start).toBe(Math.ceil(start / 30_000) * 30_000);
    expect(windows.at(-1)?.end).toBe(Math.floor(end / 30_000) * 30_000);
    for (let i = 1; i < windows.length; i++) {
      expect(windows[i]?.start).toBe((windows[i - 1]?.end as number) + 30_000);
    }
  });

  it("a window within one resolution step and a one-point window", () => {
    expect(splitTimeWindow({ start: 1001, end: 1999, resolution: 1000 })).toEqual([]);
    expect(splitTimeWindow({ start: 1000, end: 1000, resolution: 1000 })).toEqual([
      { start: 1000, end: 1000, points: 1 },
    ]);
    expect(
      splitTimeWindow({ start: 0, end: 9000, resolution: 1000, maxPoints: 4 }).map((w) => w.points),
    ).toEqual([4, 4, 2]);
  });

  it("bad input is ERR_INVALID_ARGUMENT naming the value", () => {
    const bad = [
      { start: 10, end: 0, resolution: 1 },
      { start: 0, end: 10, resolution: 0 },
      { start: 0, end: 10, resolution: 1.5 },
      { start: Number.NaN, end: 10, resolution: 1 },
      { start: 0, end: 10, resolution: 1, maxPoints: 0 },
    ];
    for (const options of bad) {
      expect(() => splitTimeWindow(options)).toThrowError(PurekitError);
      try {
        splitTimeWindow(options);
      } catch (e) {
        expect((e as PurekitError).code).toBe("ERR_INVALID_ARGUMENT");
      }
    }
  });

  it("against the Pure1 mock: 7 days at 30 s is refused whole, and answered in chunks without gaps", async () => {
    const keys = await generateRsaKeyPair();
    const appId = "pure1:apikey:timeseries01";
    const mock = createPure1Mock({ apps: [{ appId, publicKey: keys.publicKeyPem }] });
    const p1 = await createPure1Client({
      baseUrl: mock.baseUrl,
      auth: { appId, privateKey: keys.privateKeyPem },
      fetch: mock.fetch,
      retry: { retries: 0 },
    });
    try {
      const array = (await p1.unwrap(p1.GET("/arrays", { params: { query: { limit: 1 } } }))).items?.[0]
        ?.name;
      const end = 1_700_000_000_000;
      const start = end - 7 * DAY;
      const query = {
        names: ["array_read_iops"],
        resource_names: [array as string],
        aggregation: "avg",
        resolution: 30_000,
      };
      const whole = await p1.GET("/metrics/history", {
        params: { query: { ...query, start_time: start, end_time: end } },
      });
      expect(whole.response.status).toBe(400);
      expect(JSON.stringify(whole.error)).toMatch(/at most 10000 per call.*splitTimeWindow/);

      const points: number[] = [];
      for (const w of splitTimeWindow({ start, end, resolution: 30_000 })) {
        const page = await p1.unwrap(
          p1.GET("/metrics/history", {
            params: { query: { ...query, start_time: w.start, end_time: w.end } },
          }),
        );
        const data = (page.items?.[0]?.data ?? []) as number[][];
        expect(data.length).toBeLessThanOrEqual(PURE1_MAX_POINTS);
        points.push(...data.map((d) => d[0] as number));
      }
      expect(points).toHaveLength(20_160);
      expect(new Set(points).size).toBe(points.length);
      expect(points.every((t, i) => i === 0 || t - (points[i - 1] as number) === 30_000)).toBe(true);
    } finally {
      await p1.close();
    }
  });
});
