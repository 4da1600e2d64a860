/**
 * What the commands print and how they end: results on stdout (text or `--json`), notes
 * for a person on stderr, exit codes, and errors with every secret removed.
 */
import { PurekitError } from "../runtime/errors.ts";
import type { SecretSet } from "../runtime/redact.ts";
import { env, usage } from "./args.ts";

/** Exit status for a cancelled prompt (Ctrl-C), as shells report SIGINT. */
export const EXIT_CANCELLED = 130;

/** The exit-code paragraph every --help ends with. */
export const EXIT_CODES = `Exit codes:
  0    success
  1    failure: bad key or password, refused credentials, network or TLS error
  2    bad usage: unknown or missing option, bad --expires value
  130  cancelled at the password prompt (Ctrl-C)`;

/** Prints a value as indented JSON, or the text form. */
export function print(json: boolean | undefined, value: unknown, text: string): void {
  process.stdout.write(
    json ? `${JSON.stringify(value, null, 2)}\n` : text.endsWith("\n") ? text : `${text}\n`,
  );
}

/** A note for a person: to stderr, and only when stderr is a terminal. */
export function note(message: string): void {
  if (process.stderr.isTTY) process.stderr.write(`purekit: ${message}\n`);
}

/**
 * Runs a command body with every secret it handled removed from the error it throws, and a
 * cancelled prompt turned into exit 130. Unexpected errors become a one-line failure rather
 * than a stack trace (which could hold a secret in a local variable's rendering).
 */
export async function guarded(secrets: SecretSet, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof PurekitError) {
      if (e.code === "ERR_ABORTED") {
        process.stderr.write("purekit: cancelled\n");
        return EXIT_CANCELLED;
      }
      throw new PurekitError(e.code, secrets.redact(e.message));
    }
    const code = (e as { code?: string }).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      throw usage(`${secrets.redact((e as Error).message)}. See --help.`);
    }
    process.stderr.write(`purekit: unexpected error: ${secrets.redact(String((e as Error).message ?? e))}\n`);
    if (env("PUREKIT_DEBUG")) process.stderr.write(`${secrets.redact(String((e as Error).stack))}\n`);
    return 1;
  }
}
