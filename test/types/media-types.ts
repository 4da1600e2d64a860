// Compile-only checks (tsc -p tsconfig.json): multipart uploads, downloads and typed filters.
import type { FlashArrayClient } from "../../runtime/flasharray.ts";
import type { FlashBladeClient } from "../../runtime/flashblade.ts";
import { f, filterFor } from "../../runtime/index.ts";

type Eq<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const check = <T extends true>(): T | undefined => undefined;

export async function uploadsAndDownloads(fb: FlashBladeClient, file: Blob) {
  // Multipart: a Blob (or File, bytes, text) per field, or a FormData.
  const up = await fb.postKeytabsUpload({ name_prefixes: "nfs" }, { keytab_file: file });
  check<Eq<typeof up, Blob>>();
  await fb.postKeytabsUpload({ name_prefixes: "nfs" }, new FormData());
  await fb.POST("/keytabs/upload", {
    params: { query: { name_prefixes: "nfs" } },
    body: { keytab_file: file },
  });
  // @ts-expect-error keytab_file is the only field
  await fb.postKeytabsUpload({ name_prefixes: "nfs" }, { keytab: file });
  // @ts-expect-error a number is not a file
  await fb.postKeytabsUpload({}, { keytab_file: 42 });
  // Downloads: a Blob, or what parseAs asks for.
  const logs = await fb.getLogs({ start_time: 0, end_time: 3_600_000 });
  check<Eq<typeof logs, Blob>>();
  const keytab = await fb.GET("/keytabs/download", { params: { query: { keytab_names: ["nfs.1"] } } });
  if (keytab.data) check<Eq<typeof keytab.data, Blob>>();
  const stream = await fb.GET("/logs", { params: { query: {} }, parseAs: "stream" });
  if (stream.data) check<Eq<typeof stream.data, ReadableStream<Uint8Array>>>();
  // JSON operations are unchanged.
  const tabs = await fb.getKeytabs();
  const prefix: string | undefined = tabs.items?.[0]?.prefix;
  return prefix;
}

export async function typedFilters(fa: FlashArrayClient) {
  // A builder's value where the spec says string, in every kind of call.
  await fa.GET("/volumes", { params: { query: { filter: f.gte("provisioned", 1024) } } });
  await fa.getVolumes({ filter: f.eq("name", "v1").and(f.eq("destroyed", false)) });
  for await (const v of fa.paginate("/volumes", { params: { query: { filter: f.gt("provisioned", 0) } } }))
    void v;
  await fa.getVolumes({ filter: "provisioned>=1024" });
  // A function gets a builder typed by the collection's items: names and values checked.
  await fa.getVolumes({ filter: (v) => v.gte("provisioned", 1024).and(v.eq("destroyed", false)) });
  await fa.GET("/hosts", {
    params: { query: { filter: (h) => h.any("iqns", "iqn.2024-01.com.example:h1") } },
  });
  // @ts-expect-error volumes have no "provisoned"
  await fa.getVolumes({ filter: (v) => v.gte("provisoned", 1024) });
  // @ts-expect-error provisioned is a number
  await fa.getVolumes({ filter: (v) => v.gte("provisioned", "1G") });
  // A filter typed for another collection does not fit.
  type Host = NonNullable<NonNullable<Awaited<ReturnType<FlashArrayClient["getHosts"]>>["items"]>[number]>;
  const hostFilter = filterFor<Host>().eq("personality", "esxi");
  await fa.getHosts({ filter: hostFilter });
  // @ts-expect-error a host filter on volumes
  await fa.getVolumes({ filter: hostFilter });
  // @ts-expect-error a filter is not a number
  await fa.getVolumes({ filter: 42 });
}
