/**
 * A REST version purekit does not ship yet (your array was upgraded before purekit
 * was): generate its types and operation table into your project from the vendor's
 * spec, and hand them to the client. Nothing is written into node_modules.
 *
 *   # the spec: Pure's API reference for the new Purity release, saved as FA2.57.spec.yaml
 *   npx purekit generate --spec FA2.57.spec.yaml --out examples/purekit-types
 *
 * This prints what the new version adds over the newest version purekit ships, then,
 * when FA_HOST is set, calls the array with it.
 * Credentials: an API token, as in api-token.ts (`pureadmin create --api-token`).
 *
 * Run:
 *   [FA_HOST=array.example.com FA_API_TOKEN=… FA_CA_FILE=array-ca.pem] npx tsx examples/new-rest-version.ts
 */
import { readFile } from "node:fs/promises";
import { createFlashArrayClient, flasharray } from "purekit/flasharray";
import { generated } from "./purekit-types/flasharray/index.js";

console.log(`purekit ships FlashArray REST ${flasharray.versions[0]}–${flasharray.latest}`);
console.log(`generated here: REST ${generated.versions.join(", ")}`);

const shipped = await flasharray.loadTable(flasharray.latest);
const mine = await generated.loadTable(generated.latest);
const known = new Set(shipped.operations.map((op) => `${op.method} ${op.path}`));
const added = mine.operations.filter((op) => !known.has(`${op.method} ${op.path}`));
console.log(`REST ${generated.latest} adds ${added.length} operation(s) over ${flasharray.latest}:`);
for (const op of added) console.log(`  ${op.name}  (${op.method.toUpperCase()} ${op.path})`);

const host = process.env.FA_HOST;
if (!host) {
  console.log("Set FA_HOST and FA_API_TOKEN (and FA_CA_FILE) to call an array with it.");
  process.exit(0);
}
const apiToken = process.env.FA_API_TOKEN;
if (!apiToken) {
  console.error("Set FA_API_TOKEN to an API token (pureadmin create --api-token).");
  process.exit(2);
}
const caFile = process.env.FA_CA_FILE;

await using fa = await createFlashArrayClient({
  host,
  auth: { apiToken },
  generated,
  version: "2.57",
  ...(caFile ? { tls: { ca: await readFile(caFile, "utf8") } } : {}),
});
const { items: volumes = [] } = await fa.getVolumes({ limit: 5 }); // typed by your 2.57 types
console.log(`REST ${fa.version} on ${host}: ${volumes.map((v) => v.name).join(", ") || "no volumes"}`);
