/**
 * A large collection, page by page, filtered and sorted on the array: `paginate()`
 * follows continuation tokens and yields items in constant memory; `filterFor` builds
 * the `filter` expression with field names and values checked against the Volume type,
 * and quotes every value (no injection through a name).
 *
 * Credentials: an API token, as in api-token.ts (`pureadmin create --api-token`).
 *
 * Run:
 *   FA_HOST=array.example.com FA_API_TOKEN=… [FA_CA_FILE=array-ca.pem] [FA_MIN_GIB=100] \
 *     npx tsx examples/paginate-filter.ts
 */
import { readFile } from "node:fs/promises";
import { filterFor, sortFor } from "purekit";
import { createFlashArrayClient, type FlashArraySchema } from "purekit/flasharray";

type Volume = FlashArraySchema<"Volume">;

function env(name: string, what: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`Set ${name} to ${what}.`);
    process.exit(2);
  }
  return value;
}

const host = env("FA_HOST", "the array's management address (array.example.com)");
const apiToken = env("FA_API_TOKEN", "an API token (pureadmin create --api-token)");
const caFile = process.env.FA_CA_FILE;
const minGiB = Number(process.env.FA_MIN_GIB ?? "1");

await using fa = await createFlashArrayClient({
  host,
  auth: { apiToken },
  ...(caFile ? { tls: { ca: await readFile(caFile, "utf8") } } : {}),
});

const v = filterFor<Volume>();
const s = sortFor<Volume>();
const filter = v.gte("provisioned", minGiB * 2 ** 30).and(v.eq("destroyed", false));
console.log(`filter: ${filter}`);

let count = 0;
let bytes = 0;
const started = performance.now();
for await (const volume of fa.paginate("/volumes", {
  params: { query: { filter: String(filter), sort: [s.desc("provisioned"), s.asc("name")], limit: 500 } },
})) {
  if (count < 5) console.log(`  ${volume.name}  ${((volume.provisioned ?? 0) / 2 ** 30).toFixed(0)} GiB`);
  count++;
  bytes += volume.provisioned ?? 0;
}
const ms = (performance.now() - started).toFixed(0);
console.log(
  `${count} volumes of at least ${minGiB} GiB, ${(bytes / 2 ** 40).toFixed(1)} TiB provisioned in all (${ms} ms)`,
);
