// Compile-only checks that the client's types catch a user's mistakes (checked by `npm test`'s tsc step).
import type {
  OperationsByName as Fa20Ops,
  DataPaths as Fa20Paths,
} from "../../generated/flasharray/types/2.0.js";
import { createFlashArrayClient, type FlashArrayClient } from "../../runtime/flasharray.ts";
import type { PureApiError } from "../../runtime/index.ts";
import { createPure1Client } from "../../runtime/pure1.ts";

export async function checks(fa: FlashArrayClient) {
  // Paths are version-free and typed; results carry a PureApiError.
  const { data, error } = await fa.GET("/volumes", { params: { query: { names: ["v1"], limit: 10 } } });
  const name: string | undefined = data?.items?.[0]?.name;
  const status: number | undefined = error?.status;
  const typedError: PureApiError | undefined = error;
  // @ts-expect-error a path that does not exist
  await fa.GET("/volumez");
  // @ts-expect-error the version prefix is the runtime's business
  await fa.GET("/api/2.56/volumes");
  // @ts-expect-error names is a list
  await fa.GET("/volumes", { params: { query: { names: "v1" } } });
  // @ts-expect-error POST /volumes needs a body
  await fa.POST("/volumes", { params: { query: { names: ["v2"] } } });
  // @ts-expect-error provisioned is a number of bytes
  await fa.postVolumes({ names: ["v2"] }, { provisioned: "1G" });
  // @ts-expect-error an unknown friendly method
  await fa.getVolumez();
  // Friendly methods: query only, query + body, body only, options only.
  const vols = await fa.getVolumes({ names: ["v1"] });
  const first: string | undefined = vols.items?.[0]?.name;
  await fa.patchVolumes({ names: ["v1"] }, { destroyed: true });
  await fa.patchAdminsSettings({ lockout_duration: 60_000 });
  await fa.getArraysNtpTest({ signal: AbortSignal.timeout(1000) });
  // Pagination yields typed items.
  for await (const v of fa.paginate("/volumes", { params: { query: { limit: 100 } } })) {
    const n: string | undefined = v.name;
    void n;
  }
  // @ts-expect-error /volumes/batch has no GET: nothing to paginate
  fa.paginate("/volumes/batch");
  return { name, status, typedError, first };
}

export async function pinned() {
  // A pinned older version: its own paths and friendly methods.
  const fa20 = await createFlashArrayClient<Fa20Paths, Fa20Ops>({
    host: "a",
    auth: { apiToken: "t" },
    version: "2.0",
  });
  await fa20.GET("/volumes");
  // @ts-expect-error /fleets came after REST 2.0
  await fa20.GET("/fleets");
  // @ts-expect-error no such REST version
  await createFlashArrayClient({ host: "a", auth: { apiToken: "t" }, version: "2.12" });
  // @ts-expect-error auth is required for arrays
  await createFlashArrayClient({ host: "a" });
  const p1 = await createPure1Client();
  await p1.getArrays({ limit: 10 });
}
