import type { AuthContext } from "../runtime/auth/types.js";
import { PurekitError } from "../runtime/errors.js";
import type { SecretSet } from "../runtime/redact.js";
/** Exit status for a cancelled prompt (Ctrl-C), as shells report SIGINT. */
export declare const EXIT_CANCELLED = 130;
/** The exit-code paragraph every --help ends with. */
export declare const EXIT_CODES = "Exit codes:\n  0    success\n  1    failure: bad key or password, refused credentials, network or TLS error\n  2    bad usage: unknown or missing option, bad --expires value\n  130  cancelled at the password prompt (Ctrl-C)";
export declare const usage: (message: string) => PurekitError;
/** An environment variable, or undefined when unset or empty. */
export declare function env(name: string): string | undefined;
/** The first of: the option's value, then each environment variable in turn. */
export declare function optionOrEnv(value: string | undefined, ...names: string[]): string | undefined;
/** Fails with a usage error naming the option and its environment variable when a value is missing. */
export declare function required(value: string | undefined, option: string, envName?: string): string;
/**
 * A lifetime such as `90s`, `30m`, `12h`, `7d`, `2w` or `1y` (365 days) in seconds.
 * A bare number is refused: seconds or milliseconds would be a guess.
 */
export declare function parseDuration(text: string, option?: string): number;
/** `3600` → `1h`, for messages. */
export declare function formatDuration(seconds: number): string;
/** Whether a hidden prompt is possible: stdin is a terminal (and stderr shows the prompt). */
export declare function canPrompt(): boolean;
/**
 * Asks for a secret on the terminal without echoing it (raw mode: the terminal shows
 * nothing typed). Enter ends it; Backspace and Ctrl-U edit; Ctrl-C or Ctrl-D on an
 * empty line cancel with `ERR_ABORTED`.
 */
export declare function promptHidden(question: string): Promise<string>;
/** All of stdin with one trailing newline removed: `--password-stdin`. */
export declare function readStdinSecret(what: string): Promise<string>;
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
export declare function givenPassword(sources: PasswordSources, what: string): Promise<string | undefined>;
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
export declare function loadKey(options: KeyLoadOptions): Promise<CryptoKey>;
/** `array`, `array:8443`, `10.0.0.5`, `::1`, `[::1]:8443` or `https://array` → `https://array[:port]`. */
export declare function originOf(host: string, option?: string): string;
export interface NetworkOptions {
    ca?: string | undefined;
    insecure?: boolean | undefined;
    /** Request timeout in seconds. */
    timeoutSeconds: number;
    secrets: SecretSet;
    product: AuthContext["product"];
    origin: string;
}
/** Library TLS hints name the library options; on the command line they are flags. */
export declare function cliTlsMessage(message: string): string;
/**
 * A minimal {@link AuthContext} for one token call: the transport (CA, insecure, timeout),
 * errors made clear, secrets redacted. `apiVersions` is empty until {@link loadApiVersions}.
 */
export declare function authContext(options: NetworkOptions): Promise<AuthContext & {
    versions: string[];
}>;
/**
 * `GET /api/api_version` (no auth): what the array speaks (FA key `version`, FB `versions`).
 * Network and TLS failures are thrown (it is the first contact); an answer that is not the
 * list leaves it empty, and the callers fall back to their defaults.
 */
export declare function loadApiVersions(ctx: AuthContext & {
    versions: string[];
}): Promise<string[]>;
/** Prints a value as indented JSON, or the text form. */
export declare function print(json: boolean | undefined, value: unknown, text: string): void;
/** A note for a person: to stderr, and only when stderr is a terminal. */
export declare function note(message: string): void;
/** Marks the values of `--password`/`-p` in raw arguments as secrets before they are parsed. */
export declare function secretsOfArgv(argv: readonly string[], secrets: SecretSet): void;
/**
 * Runs a command body with every secret it handled removed from the error it throws, and a
 * cancelled prompt turned into exit 130. Unexpected errors become a one-line failure rather
 * than a stack trace (which could hold a secret in a local variable's rendering).
 */
export declare function guarded(secrets: SecretSet, body: () => Promise<number>): Promise<number>;
//# sourceMappingURL=options.d.ts.map