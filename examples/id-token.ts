/**
 * FlashArray with a pre-generated ID token: a JWT signed earlier (by you, a vault, a CI
 * job) that the client exchanges for access tokens until it expires. The private key
 * never reaches the machine that runs this.
 *
 * Credentials (where the key is; the API client as in oauth2-api-client.ts):
 *   npx purekit token flasharray --jwt-only --expires 7d \
 *     --client-id … --key-id … --issuer automation --username pureuser --key fa-client.pem
 *   # prints the JWT: store it as FA_ID_TOKEN (pureapiclient list shows the ids)
 *
 * Run:
 *   FA_HOST=array.example.com FA_ID_TOKEN=eyJ… [FA_CA_FILE=array-ca.pem] npx tsx examples/id-token.ts
 */
import { readFile } from "node:fs/promises";
import { PurekitError } from "purekit";
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
const idToken = env("FA_ID_TOKEN", "a JWT from `purekit token flasharray --jwt-only …`");
const caFile = process.env.FA_CA_FILE;

try {
  await using fa = await createFlashArrayClient({
    host,
    auth: { idToken },
    ...(caFile ? { tls: { ca: await readFile(caFile, "utf8") } } : {}),
  });
  const { items: pods = [] } = await fa.getPods({ limit: 10 });
  console.log(`Exchanged the ID token at ${host}; REST ${fa.version}`);
  console.log(`${pods.length} pod(s): ${pods.map((p) => p.name).join(", ") || "none"}`);
} catch (e) {
  if (e instanceof PurekitError && e.code === "ERR_AUTH_TOKEN_EXPIRED") {
    console.error("The ID token has expired: sign a new one with `purekit token flasharray --jwt-only …`.");
    process.exit(1);
  }
  throw e;
}
