/**
 * Fleets from the client's side: a client-wide `context` and a per-call one, sent as
 * `context_names` where the operation takes it, against a mock fleet of three arrays.
 */
import { describe, expect, it } from "vitest";
import { createFlashArrayMock } from "../../mock/index.ts";
import { createFlashArrayClient } from "../../runtime/flasharray.ts";
import { PurekitError } from "../../runtime/index.ts";

const GIB = 2 ** 30;
const fleet = () =>
  createFlashArrayMock({
    versions: ["2.37", "2.56"],
    seed: "empty",
    fleet: { name: "fleet-1", members: ["fa-a", "fa-b", "fa-c"] },
  });
const client = (
  array: ReturnType<typeof fleet>,
  extra: { context?: string | string[]; version?: "2.37" } = {},
) =>
  createFlashArrayClient({
    host: array.baseUrl,
    auth: { apiToken: array.apiToken },
    fetch: array.fetch,
    ...extra,
  });

describe("client context (fleets)", () => {
  it("a client-wide context goes to every operation that takes context_names; a call's own wins", async () => {
    const array = fleet();
    const fa = await client(array, { context: "fa-b" });
    await fa.postVolumes({ names: ["on-b"] }, { provisioned: GIB });
    await fa.postVolumes({ names: ["on-c"] }, { provisioned: GIB }, { context: "fa-c" });
    await fa.unwrap(
      fa.POST("/volumes", {
        params: { query: { names: ["on-a"], context_names: ["fa-a"] } },
        body: { provisioned: GIB },
      }),
    );
    const b = await fa.getVolumes();
    expect(b.items?.map((v) => [v.name, v.context?.name])).toEqual([["on-b", "fa-b"]]);
    const c = await fa.unwrap(fa.GET("/volumes", { context: "fa-c" }));
    expect(c.items?.map((v) => v.name)).toEqual(["on-c"]);
    const everywhere: string[] = [];
    for await (const v of fa.paginate("/volumes", {
      context: ["fa-a", "fa-b", "fa-c"],
      params: { query: { limit: 1 } },
    }))
      everywhere.push(String(v.name));
    expect(everywhere.sort()).toEqual(["on-a", "on-b", "on-c"]);
    // An operation without context_names (the fleet itself) is sent as it is.
    expect((await fa.unwrap(fa.GET("/fleets"))).items?.[0]?.name).toBe("fleet-1");
    await fa.close();
  });

  it("a context the fleet does not have is the array's 400, typed", async () => {
    const fa = await client(fleet(), { context: "fa-z" });
    await expect(fa.getVolumes()).rejects.toMatchObject({ status: 400, errors: [{ context: "fa-z" }] });
    await fa.close();
  });

  it("a version without fleets, or a context that is not a name, is refused clearly", async () => {
    const array = fleet();
    const old = client(array, { context: "fa-b", version: "2.37" });
    await expect(old).rejects.toBeInstanceOf(PurekitError);
    await expect(old).rejects.toMatchObject({
      code: "ERR_VERSION_UNSUPPORTED",
      message: expect.stringMatching(/2\.38/),
    });
    await expect(client(array, { context: [] })).rejects.toMatchObject({ code: "ERR_INVALID_ARGUMENT" });
    const fa = await client(array);
    await expect(fa.getVolumes({}, { context: "" })).rejects.toMatchObject({ code: "ERR_INVALID_ARGUMENT" });
    await fa.close();
  });
});
