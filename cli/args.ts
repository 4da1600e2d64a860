/**
 * What every command does with its arguments: parse them, answer `--help`, check the
 * arguments that are not options ({@link parseCommand}); options that fall back to
 * environment variables; durations; and the usage error (exit 2) for everything wrong.
 */
import { parseArgs } from "node:util";
import { PurekitError } from "../runtime/errors.ts";
import type { SecretSet } from "../runtime/redact.ts";

/** Bad usage: purekit.ts exits with 2 for this code. */
export const usage = (message: string): PurekitError => new PurekitError("ERR_INVALID_ARGUMENT", message);

/** The options a command declares, as `parseArgs` takes them. */
type OptionsConfig = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>["options"]>;

/** `-h` / `--help`, which every command takes. */
const HELP_OPTION = { help: { type: "boolean", short: "h" } } as const;

/** What {@link parseCommand} returns: `parseArgs`' own result for these options. */
export type ParsedCommand<O extends OptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O & typeof HELP_OPTION; allowPositionals: true }>
>;

export interface CommandSpec<O extends OptionsConfig> {
  /** `token pure1`, `keygen`…: the command as users type it after `purekit`, for messages. */
  name: string;
  /** Printed to stdout for `--help` / `-h` (added to `options`). */
  help: string;
  options: O;
  /**
   * The arguments that are not options: `"none"` (the default) refuses them with a usage error
   * naming the command; `"some"` hands them to the command; `"refused"` leaves them to
   * `parseArgs`, whose own error ("Unexpected argument …") reaches purekit.ts.
   */
  positionals?: "none" | "some" | "refused";
}

/**
 * The parseArgs → help → positionals steps every command starts with. Returns `undefined`
 * when the help was printed: the command then exits with 0.
 *
 * @example
 * ```ts
 * const args = parseCommand(argv, { name: "keygen", help: HELP, options: { out: { type: "string" } } });
 * if (!args) return 0;
 * args.values.out; // string | undefined
 * ```
 */
export function parseCommand<const O extends OptionsConfig>(
  argv: string[],
  spec: CommandSpec<O>,
): ParsedCommand<O> | undefined {
  const mode = spec.positionals ?? "none";
  const parsed = parseArgs({
    args: argv,
    options: { ...spec.options, ...HELP_OPTION },
    allowPositionals: mode !== "refused",
  }) as ParsedCommand<O>;
  if ((parsed.values as { help?: boolean }).help) {
    console.log(spec.help);
    return undefined;
  }
  if (mode === "none" && parsed.positionals.length) {
    throw usage(`purekit ${spec.name} takes no arguments, only options. See --help.`);
  }
  return parsed;
}

/** Marks the values of `--password`/`-p` in raw arguments as secrets before they are parsed. */
export function secretsOfArgv(argv: readonly string[], secrets: SecretSet): void {
  argv.forEach((arg, i) => {
    if (arg === "--password" || arg === "-p") secrets.add(argv[i + 1]);
    else if (arg.startsWith("--password=")) secrets.add(arg.slice("--password=".length));
    else if (/^-p.+/.test(arg)) secrets.add(arg.slice(2));
  });
}

/** An environment variable, or undefined when unset or empty. */
export function env(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === "" ? undefined : value;
}

/** The first of: the option's value, then each environment variable in turn. */
export function optionOrEnv(value: string | undefined, ...names: string[]): string | undefined {
  if (value !== undefined && value !== "") return value;
  for (const name of names) {
    const v = env(name);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Fails with a usage error naming the option and its environment variable when a value is missing. */
export function required(value: string | undefined, option: string, envName?: string): string {
  if (value !== undefined && value !== "") return value;
  throw usage(`missing ${option}${envName ? ` (or set ${envName})` : ""}. See --help.`);
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800, y: 31_536_000 };
/** Longest lifetime accepted: the official Python SDK's ten years, already far too long. */
const MAX_SECONDS = 10 * UNITS.y!;

/**
 * A lifetime such as `90s`, `30m`, `12h`, `7d`, `2w` or `1y` (365 days) in seconds.
 * A bare number is refused: seconds or milliseconds would be a guess.
 */
export function parseDuration(text: string, option = "--expires"): number {
  const m = /^\s*(\d+)\s*([smhdwy])\s*$/i.exec(text);
  const amount = m ? Number(m[1]) : Number.NaN;
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined || !Number.isSafeInteger(amount)) {
    throw usage(
      `${option} "${text}" is not a duration: give a whole number and a unit, e.g. 90s, 30m, 12h, 7d, 2w or 1y`,
    );
  }
  const seconds = amount * unit;
  if (seconds < 1) throw usage(`${option} must be at least 1s`);
  if (seconds > MAX_SECONDS) throw usage(`${option} "${text}" is longer than the 10y purekit allows`);
  return seconds;
}

/** `3600` → `1h`, for messages. */
export function formatDuration(seconds: number): string {
  for (const [unit, size] of [
    ["y", UNITS.y!],
    ["d", UNITS.d!],
    ["h", UNITS.h!],
    ["m", UNITS.m!],
  ] as const) {
    if (seconds >= size && seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
