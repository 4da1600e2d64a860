/**
 * The signing key of `purekit token`: the file read by the runtime's key-file reader and
 * imported by its key code, the password from wherever the user gave it, or asked for.
 */
import type { CryptoKey } from "../runtime/crypto-key.ts";
import { PurekitError } from "../runtime/errors.ts";
import { importPrivateKey, readKeyFile } from "../runtime/keys/index.ts";
import type { SecretSet } from "../runtime/redact.ts";
import { usage } from "./args.ts";
import {
  canPrompt,
  givenPassword,
  type PasswordSources,
  passwordHowTo,
  passwordOrigin,
  promptHidden,
} from "./password.ts";

export interface KeyLoadOptions {
  /** The key file (PEM, DER or PKCS#12). */
  file: string;
  password: PasswordSources;
  secrets: SecretSet;
}

/**
 * Reads and imports an RS256 signing key. An encrypted key without a given password is
 * asked for on a terminal (three tries); elsewhere the error says how to give it.
 */
export async function loadKey(options: KeyLoadOptions): Promise<CryptoKey> {
  if (options.password.flag !== undefined && options.password.stdin) {
    throw usage("give --password or --password-stdin, not both");
  }
  const bytes = await readKeyFile(options.file);
  const given = await givenPassword(options.password, `the password of ${options.file}`);
  options.secrets.add(given);
  const attempt = (password: string | undefined) =>
    importPrivateKey(bytes, { ...(password === undefined ? {} : { password }), source: options.file });
  try {
    return await attempt(given);
  } catch (e) {
    if (!(e instanceof PurekitError)) throw e;
    if (e.code === "ERR_KEY_PASSWORD_REQUIRED") {
      if (!canPrompt()) {
        throw new PurekitError(
          "ERR_KEY_PASSWORD_REQUIRED",
          `${options.file} is encrypted and no password was given (stdin is not a terminal, so purekit cannot ask): ${passwordHowTo(options.password)}`,
        );
      }
    } else if (e.code === "ERR_KEY_WRONG_PASSWORD" && given !== undefined) {
      throw new PurekitError(
        e.code,
        `${e.message}; the password came from ${passwordOrigin(options.password)}`,
      );
    } else {
      throw e;
    }
  }
  for (let tries = 1; ; tries++) {
    const password = await promptHidden(`Password for ${options.file}: `);
    options.secrets.add(password);
    try {
      return await attempt(password);
    } catch (e) {
      if (!(e instanceof PurekitError) || e.code !== "ERR_KEY_WRONG_PASSWORD" || tries >= 3) throw e;
      process.stderr.write("purekit: wrong password, try again\n");
    }
  }
}
