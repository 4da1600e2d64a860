/**
 * Where a password comes from on the command line: `--password`/`-p`, `--password-stdin`,
 * an environment variable, or a hidden prompt on a terminal.
 */
import { PurekitError } from "../runtime/errors.ts";
import { optionOrEnv, usage } from "./args.ts";

/** Whether a hidden prompt is possible: stdin is a terminal (and stderr shows the prompt). */
export function canPrompt(): boolean {
  return process.stdin.isTTY === true && typeof process.stdin.setRawMode === "function";
}

/**
 * Asks for a secret on the terminal without echoing it (raw mode: the terminal shows
 * nothing typed). Enter ends it; Backspace and Ctrl-U edit; Ctrl-C or Ctrl-D on an
 * empty line cancel with `ERR_ABORTED`.
 */
export function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!canPrompt()) throw new PurekitError("ERR_INVALID_ARGUMENT", "cannot prompt: stdin is not a terminal");
  // Raw mode before the prompt shows: what is typed once it is visible is never echoed.
  stdin.setRawMode(true);
  process.stderr.write(question);
  return new Promise<string>((resolve, reject) => {
    let value = "";
    const finish = (error?: PurekitError) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of typeof chunk === "string" ? chunk : chunk.toString("utf8")) {
        if (ch === "\r" || ch === "\n") return finish();
        if (ch === "\u0003") return finish(new PurekitError("ERR_ABORTED", "cancelled"));
        if (ch === "\u0004") {
          if (value === "") return finish(new PurekitError("ERR_ABORTED", "cancelled"));
          return finish();
        }
        if (ch === "\u007f" || ch === "\b") value = [...value].slice(0, -1).join("");
        else if (ch === "\u0015") value = "";
        else if (ch >= " ") value += ch;
      }
    };
    stdin.on("data", onData);
    stdin.resume();
  });
}

/** All of stdin with one trailing newline removed: `--password-stdin`. */
export async function readStdinSecret(what: string): Promise<string> {
  if (process.stdin.isTTY) {
    throw usage(
      `--password-stdin reads ${what} from a pipe, but stdin is a terminal; pipe it in, e.g. printf '%s' "$PASSWORD" | purekit …`,
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  const text = Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
  if (text === "") throw usage(`--password-stdin: stdin was empty; expected ${what}`);
  return text;
}

/** Where a password may come from, first given wins. */
export interface PasswordSources {
  /** `--password P` / `-p P` (visible in shell history: the user chose it). */
  flag?: string | undefined;
  /** `--password-stdin`. */
  stdin?: boolean | undefined;
  /** Environment variable names to read. */
  envNames: string[];
}

/** The password from the flag, stdin or the environment, or undefined (the caller may prompt). */
export async function givenPassword(sources: PasswordSources, what: string): Promise<string | undefined> {
  if (sources.flag !== undefined && sources.stdin)
    throw usage("give --password or --password-stdin, not both");
  if (sources.flag !== undefined) return sources.flag;
  if (sources.stdin) return readStdinSecret(what);
  return optionOrEnv(undefined, ...sources.envNames);
}

/** Which source a given password came from, for "wrong password" messages. */
export function passwordOrigin(sources: PasswordSources): string | undefined {
  if (sources.flag !== undefined) return "--password";
  if (sources.stdin) return "--password-stdin";
  return sources.envNames.find((n) => optionOrEnv(undefined, n) !== undefined);
}

/** How to give a password: the end of every "password required" message. */
export function passwordHowTo(sources: PasswordSources): string {
  const envs = sources.envNames.join(" or ");
  return (
    `set ${envs}, or pipe it with --password-stdin, or pass -p/--password (visible in shell history); ` +
    "on a terminal purekit asks for it without echo"
  );
}
