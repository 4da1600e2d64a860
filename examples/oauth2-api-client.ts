/**
 * FlashArray through an OAuth2 API client whose private key is encrypted: the client
 * signs a short RS256 JWT with the key, exchanges it at `/oauth2/1.0/token` for an
 * access token, and signs a new one when that expires. Nothing is stored on disk.
 *
 * Credentials:
 *   npx purekit keygen --out fa-client.pem --public-out fa-client.pub --password   # asks for a password
 *   # on the array (Purity CLI, as an admin), pasting fa-client.pub:
 *   pureapiclient create --max-role storage_admin --public-key automation
 *   pureapiclient enable automation
 *   pureapiclient list                      # shows the Client ID, Key ID and Issuer
 *
 * Run:
 *   FA_HOST=array.example.com FA_CLIENT_ID=… FA_KEY_ID=… FA_ISSUER=automation FA_USERNAME=pureuser \
 *   FA_PRIVATE_KEY_FILE=fa-client.pem FA_PRIVATE_KEY_PASSWORD=… [FA_CA_FILE=array-ca.pem] \
 *     npx tsx examples/oauth2-api-client.ts
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
const caFile = process.env.FA_CA_FILE;

try {
  await using fa = await createFlashArrayClient({
    host,
    auth: {
      clientId: env("FA_CLIENT_ID", "the API client's Client ID (pureapiclient list)"),
      keyId: env("FA_KEY_ID", "the API client's Key ID (pureapiclient list)"),
      issuer: env("FA_ISSUER", "the API client's issuer (pureapiclient list)"),
      username: env("FA_USERNAME", "the array user the calls act as"),
      privateKeyFile: env("FA_PRIVATE_KEY_FILE", "the API client's private key (PEM or PKCS#12)"),
      privateKeyPassword: env("FA_PRIVATE_KEY_PASSWORD", "the private key's password"),
    },
    ...(caFile ? { tls: { ca: await readFile(caFile, "utf8") } } : {}),
  });
  const { items: groups = [] } = await fa.getVolumeGroups({ limit: 10 });
  console.log(`Signed in to ${host} with an API client over REST ${fa.version}`);
  console.log(`${groups.length} volume group(s): ${groups.map((g) => g.name).join(", ") || "none"}`);
} catch (e) {
  // A wrong password is told apart from a key the array does not know.
  if (e instanceof PurekitError && (e.code === "ERR_KEY_WRONG_PASSWORD" || e.code === "ERR_AUTH")) {
    console.error(`${e.code}: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
