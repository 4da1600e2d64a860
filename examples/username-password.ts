/**
 * FlashArray with a username and password: the client asks the array for the user's
 * API token (REST 1.x `POST /api/1.N/auth/apitoken`), then logs in with it as
 * api-token.ts does. For people who have an array login and nothing else.
 *
 * Credentials: an array user (a local one made with Purity's `pureadmin create`, or a
 * directory-service user). If the array has no API token for that user yet, create one:
 *   pureadmin create --api-token            # Purity CLI, logged in as that user
 * `npx purekit token api --host array.example.com --username alice` prints the token this asks for.
 *
 * Run:
 *   FA_HOST=array.example.com FA_USERNAME=alice FA_PASSWORD=… [FA_CA_FILE=array-ca.pem] \
 *     npx tsx examples/username-password.ts
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
const username = env("FA_USERNAME", "an array user's name");
const password = env("FA_PASSWORD", "that user's password (it is never printed)");
const caFile = process.env.FA_CA_FILE;

await using fa = await createFlashArrayClient({
  host,
  auth: { username, password },
  ...(caFile ? { tls: { ca: await readFile(caFile, "utf8") } } : {}),
});

console.log(`Logged in to ${host} as ${username} over REST ${fa.version}`);
const { items: hosts = [] } = await fa.getHosts({ limit: 10 });
console.log(`${hosts.length} host(s): ${hosts.map((h) => h.name).join(", ") || "none"}`);
