/**
 * Fault injection: scoped by method and path, by count or rate, answering any
 * status and body, or delaying, truncating, serving an HTML page, or dropping.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { createFlashArrayMock, createPure1Mock } from "../../mock/index.ts";
import { type Json, login } from "./helpers.ts";

describe("faults", () => {
  const fa = createFlashArrayMock({ seed: { volumes: 5 } });
  let token: string;
  const get = (path = "/api/2.56/volumes", method = "GET") =>
    fa.fetch(`${fa.baseUrl}${path}`, { method, headers: { "x-auth-token": token } });

  beforeEach(async () => {
    fa.faults.clear();
    token = await login(fa);
  });

  it("fires `times` times, then the array answers again", async () => {
    const fault = fa.faults.add({ method: "GET", path: "/volumes", times: 2, status: 503 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get()).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(fault.hits).toBe(2);
    expect(fa.faults.active).toHaveLength(0);
  });

  it("is scoped: other methods and paths pass; full paths, version-free paths, globs and RegExps match", async () => {
    fa.faults.add({ method: "POST", path: "/volumes", status: 500 });
    fa.faults.add({ path: "/api/2.56/hosts", status: 418 });
    fa.faults.add({ path: "/api/*/host-groups", status: 419 });
    fa.faults.add({ path: /\/pods$/, status: 420 });
    expect((await get()).status).toBe(200);
    expect((await get("/api/2.56/hosts")).status).toBe(418);
    expect((await get("/api/2.56/host-groups")).status).toBe(419);
    expect((await get("/api/2.56/pods")).status).toBe(420);
  });

  it("answers 500 `Server is busy` in the array's errors[] shape by default", async () => {
    fa.faults.add({ status: 500, times: 1 });
    const res = await get();
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ errors: [{ message: "Server is busy" }] });
  });

  it("answers 429 with or without rate-limit headers, and any body", async () => {
    fa.faults.add({
      status: 429,
      times: 1,
      headers: { "retry-after": "2", "x-ratelimit-remaining-second": "0" },
    });
    fa.faults.add({ status: 429, times: 1 });
    fa.faults.add({ status: 429, times: 1, body: { message: "slow down" } });
    const a = await get();
    expect(a.status).toBe(429);
    expect(a.headers.get("retry-after")).toBe("2");
    expect(a.headers.get("x-ratelimit-remaining-second")).toBe("0");
    const b = await get();
    expect(b.status).toBe(429);
    expect(b.headers.get("retry-after")).toBeNull();
    expect(await b.json()).toEqual({ message: "Too many requests." });
    expect(await (await get()).json()).toEqual({ message: "slow down" });
  });

  it("forces a 401 once, so a client must log in again", async () => {
    fa.faults.add({ path: "/volumes", status: 401, times: 1 });
    const res = await get();
    expect(res.status).toBe(401);
    expect(((await res.json()) as Json).errors[0].message).toMatch(/Log in again/);
    expect((await get()).status).toBe(200);
  });

  it("fires at a rate, reproducibly (seeded PRNG)", async () => {
    const run = async () => {
      const array = createFlashArrayMock({ seed: "empty" });
      const t = await login(array);
      array.faults.add({ path: "/volumes", rate: 0.3, status: 503 });
      const out: number[] = [];
      for (let i = 0; i < 40; i++) {
        out.push(
          (await array.fetch(`${array.baseUrl}/api/2.56/volumes`, { headers: { "x-auth-token": t } })).status,
        );
      }
      return out;
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    const failures = a.filter((s) => s === 503).length;
    expect(failures).toBeGreaterThan(4);
    expect(failures).toBeLessThan(24);
  });

  it("delays answers by latencyMs, and an abort cuts the wait short", async () => {
    fa.faults.add({ path: "/volumes", latencyMs: 150, times: 1 });
    const started = performance.now();
    expect((await get()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    fa.faults.add({ path: "/volumes", latencyMs: 5000, times: 1 });
    const aborted = fa.fetch(`${fa.baseUrl}/api/2.56/volumes`, {
      headers: { "x-auth-token": token },
      signal: AbortSignal.timeout(50),
    });
    await expect(aborted).rejects.toThrow(/abort|timeout/i);
  });

  it("serves an HTML error page like a proxy in front of the array", async () => {
    fa.faults.add({ html: true, times: 1 });
    const res = await get();
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toBe("text/html");
    expect(await res.text()).toMatch(/<title>502 Bad gateway<\/title>/);
  });

  it("truncates the real JSON answer", async () => {
    fa.faults.add({ truncate: true, times: 1 });
    const res = await get();
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(text.startsWith('{"continuation_token"')).toBe(true);
  });

  it("drops the connection: the in-process fetch rejects like a network failure", async () => {
    fa.faults.add({ drop: true, times: 1 });
    await expect(get()).rejects.toThrow(TypeError);
    expect(fa.journal.entries.at(-1)?.status).toBe(0);
  });

  it("applies to login and the token endpoint too", async () => {
    fa.faults.add({ path: "/api/2.56/login", status: 503, times: 1 });
    await expect(login(fa)).rejects.toThrow(/503/);
    expect(await login(fa)).toBeTruthy();
  });

  it("uses the gateway's {message} shape for Pure1 403/429 and adds rate-limit headers anyway", async () => {
    const pure1 = createPure1Mock();
    pure1.faults.add({ status: 503, times: 1 });
    const res = await pure1.fetch(`${pure1.baseUrl}/api/1.6/arrays`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ errors: [{ message: "Service unavailable." }] });
  });

  it("validates its own options", () => {
    expect(() => fa.faults.add({ rate: 2, status: 500 })).toThrow(RangeError);
    expect(() => fa.faults.add({ times: 0, status: 500 })).toThrow(RangeError);
  });
});
