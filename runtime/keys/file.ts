/**
 * Reading a private key file, for the clients (`privateKeyFile`) and the CLI (`--key`):
 * one reader, one message. Through the platform adapter, so this stays web-only.
 */
import { PurekitError } from "../errors.ts";
import { getPlatform } from "../platform/index.ts";

/**
 * The bytes of a key file (PEM, DER or PKCS#12). A file that cannot be read is
 * ERR_KEY_UNREADABLE naming the file and why in words; the content is never in it.
 *
 * @example
 * ```ts
 * const key = await importPrivateKey(await readKeyFile("pure1-private.pem"), { source: "pure1-private.pem" });
 * ```
 */
export async function readKeyFile(path: string): Promise<Uint8Array> {
  try {
    return await (await getPlatform()).readFile(path);
  } catch (cause) {
    throw new PurekitError(
      "ERR_KEY_UNREADABLE",
      `Cannot read the private key file ${path}: ${whyUnreadable(cause)}`,
      {
        cause,
      },
    );
  }
}

/** Node's codes and Deno's error names (Deno 1 has no codes), in words. */
function whyUnreadable(cause: unknown): string {
  const { code, name, message } = (cause ?? {}) as { code?: unknown; name?: unknown; message?: unknown };
  if (code === "ENOENT" || name === "NotFound") return "no such file";
  if (code === "EACCES" || code === "EPERM" || name === "PermissionDenied") return "permission denied";
  if (code === "EISDIR" || name === "IsADirectory") return "it is a directory";
  return (typeof message === "string" ? message : String(cause)).split("\n")[0] ?? "";
}
