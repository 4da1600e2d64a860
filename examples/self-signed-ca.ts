/**
 * An array with a self-signed certificate (the factory default), verified rather than
 * ignored: give the certificate, or the CA that issued it, as `tls.ca`. A wrong or
 * missing CA fails with `ERR_TLS`, saying which certificate was not trusted.
 *
 * Get the array's certificate once (from a machine you trust the network path of):
 *   openssl s_client -connect array.example.com:443 </dev/null | openssl x509 > array-ca.pem
 *   openssl x509 -in array-ca.pem -noout -fingerprint -sha256   # compare with the array's, out of band
 * Credentials: an API token, as in api-token.ts (`pureadmin create --api-token`).
 *
 * Run:
 *   FA_HOST=array.example.com FA_API_TOKEN=… FA_CA_FILE=array-ca.pem npx tsx examples/self-signed-ca.ts
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
const apiToken = env("FA_API_TOKEN", "an API token (pureadmin create --api-token)");
const ca = await readFile(env("FA_CA_FILE", "the array's certificate or its CA (PEM file)"), "utf8");

// Without the CA the array is refused: verification is on by default.
try {
  await using untrusted = await createFlashArrayClient({ host, auth: { apiToken }, retry: { retries: 0 } });
  console.log(`${host} is trusted by the system's CAs already (REST ${untrusted.version})`);
} catch (e) {
  if (!(e instanceof PurekitError && e.code === "ERR_TLS")) throw e;
  console.log(`without tls.ca: ${e.code}`);
}

await using fa = await createFlashArrayClient({ host, auth: { apiToken }, tls: { ca } });
const { items: arrays = [] } = await fa.getArrays();
console.log(`with tls.ca: verified ${fa.origin}, array ${arrays[0]?.name ?? "?"}, REST ${fa.version}`);
