/**
 * Pure1 with an application id and its private key: the client signs a JWT with the
 * key, exchanges it for an access token, and renews it when Pure1 answers 403.
 *
 * Credentials:
 *   npx purekit keygen --out pure1-private.pem --password   # prints the PUBLIC KEY block
 *   # Pure1 > Administration > API Registration > Register Application: paste the public key,
 *   # pick a role; Pure1 shows the application id (pure1:apikey:…).
 *
 * Run:
 *   PURE1_APP_ID=pure1:apikey:… PURE1_PRIVATE_KEY_FILE=pure1-private.pem \
 *   [PURE1_PRIVATE_KEY_PASSWORD=…] [PURE1_BASE_URL=https://api.pure1.purestorage.com] \
 *     npx tsx examples/pure1-app-id.ts
 */
import { createPure1Client } from "purekit/pure1";

function env(name: string, what: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`Set ${name} to ${what}.`);
    process.exit(2);
  }
  return value;
}

const appId = env("PURE1_APP_ID", "the application id Pure1 shows (pure1:apikey:…)");
const privateKeyFile = env("PURE1_PRIVATE_KEY_FILE", "the application's private key (PEM)");
const privateKeyPassword = process.env.PURE1_PRIVATE_KEY_PASSWORD;
const baseUrl = process.env.PURE1_BASE_URL; // default https://api.pure1.purestorage.com

await using pure1 = await createPure1Client({
  auth: { appId, privateKeyFile, ...(privateKeyPassword ? { privateKeyPassword } : {}) },
  ...(baseUrl ? { baseUrl } : {}),
});

let count = 0;
for await (const array of pure1.paginate("/arrays", { params: { query: { limit: 100 } } })) {
  if (count++ < 10) console.log(`  ${array.name}  ${array.model ?? ""}  Purity ${array.version ?? "?"}`);
}
console.log(`${count} array(s) in Pure1 (REST ${pure1.version})`);
