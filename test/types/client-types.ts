// Compile-only checks that the client's types catch a user's mistakes (checked by `npm test`'s tsc step).
import type {
  OperationsByName as Fa20Ops,
  DataPaths as Fa20Paths,
} from "../../generated/flasharray/types/2.0.js";
import { createFlashArrayClient, type FlashArrayClient } from "../../runtime/flasharray.ts";
import {
  PartialResultError,
  type PureApiError,
  type PureErrorItem,
  type RequestLogRecord,
} from "../../runtime/index.ts";
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

export async function network(fa: FlashArrayClient) {
  // Partial success: `errors` beside the data; a typed error with the data from friendly methods.
  const result = await fa.GET("/volumes", { params: { query: { limit: 1 } }, timeoutMs: 5_000 });
  const partial: PureErrorItem[] | undefined = result.errors;
  try {
    await fa.postVolumes({ names: ["a", "b"] }, { provisioned: 1 }, { allowErrors: false, timeoutMs: 1_000 });
  } catch (e) {
    if (e instanceof PartialResultError) {
      const failed: string | undefined = e.errors[0]?.context;
      void failed;
    }
  }
  // @ts-expect-error timeoutMs is a number of milliseconds
  await fa.getVolumes({ limit: 1 }, { timeoutMs: "5s" });
  for await (const v of fa.paginate("/volumes", { onErrors: (errors) => errors.length, timeoutMs: 60_000 }))
    void v;
  // Middleware: openapi-fetch's shape, plus attempt and requestId.
  const stop: () => void = fa.use({
    onRequest: ({ request, attempt, requestId }) => void [request.url, attempt, requestId],
    onResponse: async ({ response }) => (response.status === 204 ? new Response("{}") : undefined),
  });
  stop();
  // @ts-expect-error onRequest must be a function
  fa.use({ onRequest: "log" });
  const record: RequestLogRecord = {
    method: "GET",
    url: "u",
    status: 200,
    durationMs: 1,
    attempt: 1,
    requestId: "r",
  };
  // Client options: proxy, client certificate, a gateway path.
  await createFlashArrayClient({
    host: "https://gw.example.com/fa1",
    auth: { apiToken: "t" },
    proxy: "http://proxy:3128",
    tls: { cert: "…", key: "…", passphrase: "p" },
    logger: { debug: (_message, r) => void r?.durationMs },
  });
  await createFlashArrayClient({
    host: "::1",
    auth: { apiToken: "t" },
    proxy: false,
    tls: { pfx: new Uint8Array() },
  });
  // @ts-expect-error proxy is a URL string or false
  await createFlashArrayClient({ host: "a", auth: { apiToken: "t" }, proxy: true });
  return { partial, record };
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
