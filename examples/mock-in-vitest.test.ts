/**
 * The mock arrays in your own vitest tests: a stateful FlashArray that speaks the real
 * protocol (login, sessions, errors[], filters, continuation tokens), answered
 * in-process through `array.fetch`, with faults you inject and a journal of requests.
 * No array, no network, no credentials. Here the code under test is `reclaimSpace`.
 *
 * Needs (dev dependencies): npm i -D purekit msw vitest
 * Run: npx vitest run examples/mock-in-vitest.test.ts
 * (With msw's `setupServer(...array.handlers)` the same mock answers any HTTP client.)
 */
import { f } from "purekit";
import { createFlashArrayClient, type FlashArrayClient } from "purekit/flasharray";
import { createFlashArrayMock } from "purekit/mock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

/** The code under test: eradicates destroyed volumes whose name starts with `prefix`. */
async function reclaimSpace(fa: FlashArrayClient, prefix: string): Promise<string[]> {
  const gone: string[] = [];
  const filter = f.eq("destroyed", true).and(f.like("name", `${prefix}*`));
  for await (const v of fa.paginate("/volumes", {
    params: { query: { filter: String(filter), limit: 2 } },
  })) {
    if (!v.name) continue;
    await fa.deleteVolumes({ names: [v.name] });
    gone.push(v.name);
  }
  return gone;
}

describe("reclaimSpace", () => {
  let array: ReturnType<typeof createFlashArrayMock>;
  let fa: FlashArrayClient;

  beforeEach(async () => {
    array = createFlashArrayMock({ seed: "empty" });
    fa = await createFlashArrayClient({
      host: array.baseUrl,
      auth: { apiToken: array.apiToken },
      fetch: array.fetch,
      retry: { minDelayMs: 1, maxDelayMs: 5 },
    });
    for (const name of ["tmp-1", "tmp-2", "tmp-3", "prod-1"]) {
      await fa.postVolumes({ names: [name] }, { provisioned: 2 ** 30 });
    }
    await fa.patchVolumes({ names: ["tmp-1", "tmp-2", "tmp-3", "prod-1"] }, { destroyed: true });
  });
  afterEach(async () => {
    await fa.close();
    array.close();
  });

  it("eradicates only the destroyed volumes with the prefix, across pages", async () => {
    expect(await reclaimSpace(fa, "tmp-")).toEqual(["tmp-1", "tmp-2", "tmp-3"]);
    const left = await fa.getVolumes({ destroyed: true });
    expect(left.items?.map((v) => v.name)).toEqual(["prod-1"]);
    expect(array.journal.count({ method: "DELETE", path: /\/volumes$/ })).toBe(3);
  });

  it("survives a busy array (503 twice) by retrying", async () => {
    array.faults.add({ method: "GET", path: "/volumes", status: 503, times: 2 });
    expect(await reclaimSpace(fa, "tmp-")).toHaveLength(3);
  });

  it("reports the array's own error when a delete is refused", async () => {
    array.faults.add({ method: "DELETE", path: "/volumes", status: 400, times: 1 });
    await expect(reclaimSpace(fa, "tmp-")).rejects.toMatchObject({ code: "ERR_API", status: 400 });
  });
});
