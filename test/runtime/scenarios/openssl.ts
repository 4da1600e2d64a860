/**
 * Key files made with OpenSSL at test time, for the scenario files (not a scenario
 * itself): through `node:*` modules both Node and Deno ship.
 */

import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Runs openssl in `cwd`; rejects with its stderr when it fails.
 *
 * @example
 * ```ts
 * await openssl(dir, "genrsa", "-traditional", "-out", "pkcs1.pem", "2048");
 * ```
 */
export function openssl(cwd: string, ...args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile("openssl", args, { cwd }, (error, _stdout, stderr) =>
      error ? reject(new Error(`openssl ${args.join(" ")}: ${stderr}`)) : resolve(),
    );
  });
}

/**
 * Writes `out`, a self-signed certificate (2 days) for the private key in `key`, both in
 * `cwd`: what a PKCS#12 bundle needs beside the key.
 *
 * @example
 * ```ts
 * await selfSignedCertificate(dir, "pkcs1.pem", "/CN=purekit", "c.pem");
 * ```
 */
export function selfSignedCertificate(cwd: string, key: string, subject: string, out: string): Promise<void> {
  return openssl(cwd, "req", "-x509", "-key", key, "-subj", subject, "-days", "2", "-out", out);
}

/**
 * Runs `use` with a fresh temporary directory, removed afterwards whatever happens.
 *
 * @example
 * ```ts
 * const pem = await inTempDir("purekit-keys-", async (dir) => {
 *   await openssl(dir, "genrsa", "-out", "k.pem", "2048");
 *   return readFile(join(dir, "k.pem"), "utf8");
 * });
 * ```
 */
export async function inTempDir<T>(prefix: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
