/**
 * Proves runtime/keys runs unchanged on Deno. Called by test/keys.test.ts:
 *   PUREKIT_TEST_KEY_PASSWORD=… deno run -A test/keys.deno.ts <key file>…
 * Imports each key, signs, verifies with the derived public key, and prints "ok".
 */
import { importPrivateKey, publicKeyPemFromPrivate } from "../runtime/keys/index.ts";

// Typed by hand so this file also passes the project's Node-typed `tsc`.
const { Deno } = globalThis as unknown as {
  Deno: {
    args: string[];
    readFile(path: string): Promise<Uint8Array>;
    env: { get(name: string): string | undefined };
  };
};

const password = Deno.env.get("PUREKIT_TEST_KEY_PASSWORD");
const data = new TextEncoder().encode("purekit on deno");
if (Deno.args.length === 0) throw new Error("usage: keys.deno.ts <key file>…");
for (const path of Deno.args) {
  const bytes = await Deno.readFile(path);
  const options = password === undefined ? { source: path } : { source: path, password };
  const key = await importPrivateKey(bytes, options);
  const sig = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", key, data);
  const spki = (await publicKeyPemFromPrivate(bytes, options)).replace(/-----[^-]+-----|\s/g, "");
  const pub = await crypto.subtle.importKey(
    "spki",
    Uint8Array.from(atob(spki), (c) => c.charCodeAt(0)),
    { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
    false,
    ["verify"],
  );
  if (!(await crypto.subtle.verify("RSASSA-PKCS1-v1_5", pub, sig, data)))
    throw new Error(`${path}: bad signature`);
}
console.log("ok");
