// Type-checked by tsc in the consumer project (strict, no DOM lib, no allowImportingTsExtensions).

import { f, PureApiError, PurekitError } from "purekit";
import { createFlashArrayClient, type FlashArrayClient, type FlashArraySchema } from "purekit/flasharray";
import type { PathsByVersion } from "purekit/flasharray/versions";

export async function typedCalls(fa: FlashArrayClient): Promise<void> {
  const { data, error } = await fa.GET("/volumes", { params: { query: { names: ["v1"], limit: 10 } } });
  if (error) console.log(error.status, error.errors[0]?.message, error.requestId);
  const first: FlashArraySchema<"Volume"> | undefined = data?.items?.[0];
  console.log(first?.provisioned);
  await fa.POST("/volumes", { params: { query: { names: ["v2"] } }, body: { provisioned: 2 ** 30 } });
  await fa.GET("/hosts", { params: { query: { limit: 5 } } });
  await fa.PATCH("/volumes", { params: { query: { names: ["v2"] } }, body: { provisioned: 2 ** 31 } });
  await fa.GET("/arrays", {});
  await fa.getVolumes({ names: ["v1"], filter: String(f.gte("provisioned", 2 ** 40)) });

  // @ts-expect-error unknown path
  await fa.GET("/volumez", {});
  // @ts-expect-error names is a list
  await fa.GET("/volumes", { params: { query: { names: "v1" } } });
  // @ts-expect-error provisioned is a number
  await fa.POST("/volumes", { params: { query: { names: ["v3"] } }, body: { provisioned: "1G" } });
  // @ts-expect-error no friendly method of that name
  await fa.getVolumez();
}

// Pinned versions keep their exact types: PATCH /fleets exists from FA 2.38 on.
type Has<T> = [NonNullable<T>] extends [never] ? false : true;
export const patchFleets238: Has<PathsByVersion["2.38"]["/fleets"]["patch"]> = true;
export const patchFleets237: Has<PathsByVersion["2.37"]["/fleets"]["patch"]> = false;

export async function make(): Promise<FlashArrayClient> {
  try {
    return await createFlashArrayClient({
      host: "array.example.com",
      auth: { apiToken: "t" },
      version: "2.38",
    });
  } catch (e) {
    if (e instanceof PureApiError) throw new Error(`api ${e.status}`);
    if (e instanceof PurekitError && e.code === "ERR_TLS") throw new Error("tls");
    throw e;
  }
}
