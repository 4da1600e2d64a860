/**
 * FlashArray with an API token: the client logs in with the token, keeps the session
 * (`x-auth-token`) and logs out on close.
 *
 * Credentials, on the array (Purity CLI, as the user the script acts as):
 *   pureadmin create --api-token            # prints the user's API token
 *   # or in the GUI: System > Access > Users, then Create API Token for the user
 *
 * Run:
 *   FA_HOST=array.example.com FA_API_TOKEN=… [FA_CA_FILE=array-ca.pem] npx tsx examples/api-token.ts
 *   # or compile with tsc (module nodenext) and run `node examples/api-token.js`
 */
import { readFile } from "node:fs/promises";
import { createFlashArrayClient } from "purekit/flasharray";

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
const caFile = process.env.FA_CA_FILE; // only for a certificate your system does not trust

await using fa = await createFlashArrayClient({
  host,
  auth: { apiToken },
  ...(caFile ? { tls: { ca: await readFile(caFile, "utf8") } } : {}),
});

const { items: arrays = [] } = await fa.getArrays();
console.log(
  `Connected to ${arrays[0]?.name ?? host} (Purity ${arrays[0]?.version ?? "?"}) over REST ${fa.version}`,
);

const { items: volumes = [], total_item_count } = await fa.getVolumes({ limit: 5, total_item_count: true });
console.log(`${total_item_count ?? volumes.length} volumes; the first ${volumes.length}:`);
for (const v of volumes) console.log(`  ${v.name}  ${((v.provisioned ?? 0) / 2 ** 30).toFixed(1)} GiB`);
