/**
 * What `purekit keygen` and `purekit token` share: environment fallbacks, durations,
 * passwords (hidden prompt, stdin), private keys, TLS options, the array's address, a
 * minimal auth context for the runtime's token calls, and output. Everything here
 * runs on Node and on Deno (through its Node compatibility).
 */
import { readFile } from "node:fs/promises";
import { PurekitError } from "../runtime/errors.js";
import { boundedAnswer, DEFAULT_MAX_RESPONSE_BYTES, fetchWithinOrigin, readText } from "../runtime/http.js";
import { importPrivateKey } from "../runtime/keys/index.js";
import { createTransportFetch, proxyFor } from "../runtime/transport/index.js";
import { listedVersions } from "../runtime/versions.js";
/** Exit status for a cancelled prompt (Ctrl-C), as shells report SIGINT. */
export const EXIT_CANCELLED = 130;
/** The exit-code paragraph every --help ends with. */
export const EXIT_CODES = `Exit codes:
  0    success
  1    failure: bad key or password, refused credentials, network or TLS error
  2    bad usage: unknown or missing option, bad --expires value
  130  cancelled at the password prompt (Ctrl-C)`;
export const usage = (message) => new PurekitError("ERR_INVALID_ARGUMENT", message);
/** An environment variable, or undefined when unset or empty. */
export function env(name) {
    const value = process.env[name];
    return value === undefined || value === "" ? undefined : value;
}
/** The first of: the option's value, then each environment variable in turn. */
export function optionOrEnv(value, ...names) {
    if (value !== undefined && value !== "")
        return value;
    for (const name of names) {
        const v = env(name);
        if (v !== undefined)
            return v;
    }
    return undefined;
}
/** Fails with a usage error naming the option and its environment variable when a value is missing. */
export function required(value, option, envName) {
    if (value !== undefined && value !== "")
        return value;
    throw usage(`missing ${option}${envName ? ` (or set ${envName})` : ""}. See --help.`);
}
const UNITS = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800, y: 31_536_000 };
/** Longest lifetime accepted: the official Python SDK's ten years, already far too long. */
const MAX_SECONDS = 10 * UNITS.y;
/**
 * A lifetime such as `90s`, `30m`, `12h`, `7d`, `2w` or `1y` (365 days) in seconds.
 * A bare number is refused: seconds or milliseconds would be a guess.
 */
export function parseDuration(text, option = "--expires") {
    const m = /^\s*(\d+)\s*([smhdwy])\s*$/i.exec(text);
    const amount = m ? Number(m[1]) : Number.NaN;
    const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
    if (!m || unit === undefined || !Number.isSafeInteger(amount)) {
        throw usage(`${option} "${text}" is not a duration: give a whole number and a unit, e.g. 90s, 30m, 12h, 7d, 2w or 1y`);
    }
    const seconds = amount * unit;
    if (seconds < 1)
        throw usage(`${option} must be at least 1s`);
    if (seconds > MAX_SECONDS)
        throw usage(`${option} "${text}" is longer than the 10y purekit allows`);
    return seconds;
}
/** `3600` → `1h`, for messages. */
export function formatDuration(seconds) {
    for (const [unit, size] of [
        ["y", UNITS.y],
        ["d", UNITS.d],
        ["h", UNITS.h],
        ["m", UNITS.m],
    ]) {
        if (seconds >= size && seconds % size === 0)
            return `${seconds / size}${unit}`;
    }
    return `${seconds}s`;
}
// ---------------------------------------------------------------------------------------------
// Passwords
/** Whether a hidden prompt is possible: stdin is a terminal (and stderr shows the prompt). */
export function canPrompt() {
    return process.stdin.isTTY === true && typeof process.stdin.setRawMode === "function";
}
/**
 * Asks for a secret on the terminal without echoing it (raw mode: the terminal shows
 * nothing typed). Enter ends it; Backspace and Ctrl-U edit; Ctrl-C or Ctrl-D on an
 * empty line cancel with `ERR_ABORTED`.
 */
export function promptHidden(question) {
    const stdin = process.stdin;
    if (!canPrompt())
        throw new PurekitError("ERR_INVALID_ARGUMENT", "cannot prompt: stdin is not a terminal");
    // Raw mode before the prompt shows: what is typed once it is visible is never echoed.
    stdin.setRawMode(true);
    process.stderr.write(question);
    return new Promise((resolve, reject) => {
        let value = "";
        const finish = (error) => {
            stdin.off("data", onData);
            stdin.setRawMode(false);
            stdin.pause();
            process.stderr.write("\n");
            if (error)
                reject(error);
            else
                resolve(value);
        };
        const onData = (chunk) => {
            for (const ch of typeof chunk === "string" ? chunk : chunk.toString("utf8")) {
                if (ch === "\r" || ch === "\n")
                    return finish();
                if (ch === "\u0003")
                    return finish(new PurekitError("ERR_ABORTED", "cancelled"));
                if (ch === "\u0004") {
                    if (value === "")
                        return finish(new PurekitError("ERR_ABORTED", "cancelled"));
                    return finish();
                }
                if (ch === "\u007f" || ch === "\b")
                    value = [...value].slice(0, -1).join("");
                else if (ch === "\u0015")
                    value = "";
                else if (ch >= " ")
                    value += ch;
            }
        };
        stdin.on("data", onData);
        stdin.resume();
    });
}
/** All of stdin with one trailing newline removed: `--password-stdin`. */
export async function readStdinSecret(what) {
    if (process.stdin.isTTY) {
        throw usage(`--password-stdin reads ${what} from a pipe, but stdin is a terminal; pipe it in, e.g. printf '%s' "$PASSWORD" | purekit …`);
    }
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    const text = Buffer.concat(chunks)
        .toString("utf8")
        .replace(/\r?\n$/, "");
    if (text === "")
        throw usage(`--password-stdin: stdin was empty; expected ${what}`);
    return text;
}
/** The password from the flag, stdin or the environment, or undefined (the caller may prompt). */
export async function givenPassword(sources, what) {
    if (sources.flag !== undefined && sources.stdin)
        throw usage("give --password or --password-stdin, not both");
    if (sources.flag !== undefined)
        return sources.flag;
    if (sources.stdin)
        return readStdinSecret(what);
    return optionOrEnv(undefined, ...sources.envNames);
}
/** How to give a key's password: the end of every "password required" message. */
function passwordHowTo(sources) {
    const envs = sources.envNames.join(" or ");
    return (`set ${envs}, or pipe it with --password-stdin, or pass -p/--password (visible in shell history); ` +
        "on a terminal purekit asks for it without echo");
}
async function readKeyFile(file) {
    try {
        return new Uint8Array(await readFile(file));
    }
    catch (cause) {
        const code = cause.code;
        const why = code === "ENOENT"
            ? "no such file"
            : code === "EACCES" || code === "EPERM"
                ? "permission denied"
                : code === "EISDIR"
                    ? "it is a directory"
                    : (cause.message?.split("\n")[0] ?? String(cause));
        throw new PurekitError("ERR_KEY_UNREADABLE", `Cannot read the private key file ${file}: ${why}`, {
            cause,
        });
    }
}
/**
 * Reads and imports an RS256 signing key. An encrypted key without a given password is
 * asked for on a terminal (three tries); elsewhere the error says how to give it.
 */
export async function loadKey(options) {
    if (options.password.flag !== undefined && options.password.stdin) {
        throw usage("give --password or --password-stdin, not both");
    }
    const bytes = await readKeyFile(options.file);
    const given = await givenPassword(options.password, `the password of ${options.file}`);
    options.secrets.add(given);
    const attempt = (password) => importPrivateKey(bytes, { ...(password === undefined ? {} : { password }), source: options.file });
    try {
        return await attempt(given);
    }
    catch (e) {
        if (!(e instanceof PurekitError))
            throw e;
        if (e.code === "ERR_KEY_PASSWORD_REQUIRED") {
            if (!canPrompt()) {
                throw new PurekitError("ERR_KEY_PASSWORD_REQUIRED", `${options.file} is encrypted and no password was given (stdin is not a terminal, so purekit cannot ask): ${passwordHowTo(options.password)}`);
            }
        }
        else if (e.code === "ERR_KEY_WRONG_PASSWORD" && given !== undefined) {
            const from = options.password.flag !== undefined
                ? "--password"
                : options.password.stdin
                    ? "--password-stdin"
                    : options.password.envNames.find((n) => env(n) !== undefined);
            throw new PurekitError(e.code, `${e.message}; the password came from ${from}`);
        }
        else {
            throw e;
        }
    }
    for (let tries = 1;; tries++) {
        const password = await promptHidden(`Password for ${options.file}: `);
        options.secrets.add(password);
        try {
            return await attempt(password);
        }
        catch (e) {
            if (!(e instanceof PurekitError) || e.code !== "ERR_KEY_WRONG_PASSWORD" || tries >= 3)
                throw e;
            process.stderr.write("purekit: wrong password, try again\n");
        }
    }
}
// ---------------------------------------------------------------------------------------------
// Network
/** `array`, `array:8443`, `10.0.0.5`, `::1`, `[::1]:8443` or `https://array` → `https://array[:port]`. */
export function originOf(host, option = "--host") {
    let text = host.trim();
    if (/^http:\/\//i.test(text)) {
        throw usage(`${option} ${host}: plain http would send credentials in the clear; purekit speaks https only`);
    }
    if (!/^https:\/\//i.test(text)) {
        // A bare IPv6 address has several colons and no brackets.
        if ((text.match(/:/g)?.length ?? 0) > 1 && !text.startsWith("["))
            text = `[${text}]`;
        text = `https://${text}`;
    }
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw usage(`${option} "${host}" is not a host name, address or https URL`);
    }
    if (url.username || url.password)
        throw usage(`${option} must not carry credentials`);
    if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) {
        throw usage(`${option} "${host}" has a path; give only the host (and port), e.g. array.example.com:443`);
    }
    return url.origin;
}
/** Reads the `--ca` file (PEM). */
async function readCa(file) {
    try {
        return await readFile(file, "utf8");
    }
    catch (cause) {
        throw new PurekitError("ERR_TLS", `Cannot read the CA file ${file} (--ca / PURE_CA_FILE): ${cause.message?.split("\n")[0]}`, { cause });
    }
}
const NETWORK_CODES = {
    ENOTFOUND: "unknown host (DNS lookup failed)",
    EAI_AGAIN: "DNS lookup failed (temporary)",
    ECONNREFUSED: "connection refused (nothing listens on that port)",
    ECONNRESET: "connection reset",
    EHOSTUNREACH: "host unreachable",
    ENETUNREACH: "network unreachable",
    ETIMEDOUT: "connection timed out",
    UND_ERR_CONNECT_TIMEOUT: "connection timed out",
    UND_ERR_SOCKET: "the connection closed unexpectedly",
};
const NETWORK_MESSAGES = [
    [
        /^bad port$/,
        "that port is blocked for fetch (it belongs to another protocol, e.g. 21, 25, 110); use the array's HTTPS port",
    ],
    [/connection refused/i, "connection refused (nothing listens on that port)"],
    [/dns error|failed to lookup address|name or service not known/i, "unknown host (DNS lookup failed)"],
];
/** The innermost cause's code and message of a fetch failure. */
function rootCause(error) {
    let e = error;
    let code;
    let message = String(e?.message ?? error);
    for (let depth = 0; e && depth < 5; depth++) {
        if (typeof e.code === "string")
            code = e.code;
        if (typeof e.message === "string" && e.message)
            message = e.message;
        e = e.cause;
    }
    return code === undefined ? { message } : { code, message };
}
/** A fetch failure that is not TLS (those are ERR_TLS already) as one clear ERR_NETWORK/ERR_TIMEOUT. */
function networkError(error, origin, timeoutSeconds, secrets) {
    if (error instanceof PurekitError)
        return error;
    const name = error.name;
    if (name === "TimeoutError" || name === "AbortError") {
        return new PurekitError("ERR_TIMEOUT", `${origin} did not answer within ${timeoutSeconds} s; check the address, or raise --timeout`, { cause: error });
    }
    const { code, message } = rootCause(error);
    const first = message.split("\n")[0] ?? "";
    const why = (code && NETWORK_CODES[code]) ??
        NETWORK_MESSAGES.find(([pattern]) => pattern.test(first))?.[1] ??
        secrets.redact(first);
    return new PurekitError("ERR_NETWORK", `Cannot reach ${origin}: ${why}${code ? ` [${code}]` : ""}. Check the address and port.`, {
        cause: error,
    });
}
/** Library TLS hints name the library options; on the command line they are flags. */
export function cliTlsMessage(message) {
    return message
        .replaceAll("tls.ca", "--ca <file>")
        .replaceAll("tls.insecure", "--insecure")
        .replace(/-----BEGIN ([A-Z0-9 ]+)-----/g, '"BEGIN $1"'); // else redaction takes a PEM label for a key
}
/**
 * A minimal {@link AuthContext} for one token call: the transport (CA, insecure, timeout),
 * errors made clear, secrets redacted. `apiVersions` is empty until {@link loadApiVersions}.
 */
export async function authContext(options) {
    const ca = options.ca === undefined ? undefined : await readCa(options.ca);
    let transport;
    try {
        // HTTPS_PROXY / NO_PROXY as curl reads them, like the library's clients.
        const proxy = proxyFor(options.origin, undefined, (name) => process.env[name]);
        for (const secret of proxy?.secrets ?? [])
            options.secrets.add(secret);
        transport = await createTransportFetch({
            proxy,
            direct: !proxy && ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"].some((n) => process.env[n]),
            tls: { ...(ca === undefined ? {} : { ca }), ...(options.insecure ? { insecure: true } : {}) },
            onInsecure: (message) => process.stderr.write(`purekit: warning: ${cliTlsMessage(message)}\n`),
        });
    }
    catch (e) {
        if (e instanceof PurekitError && e.code === "ERR_TLS") {
            throw new PurekitError("ERR_TLS", cliTlsMessage(e.message.replace(/^tls\.ca\b/, `--ca ${options.ca}`)));
        }
        throw e;
    }
    const ctx = {
        product: options.product,
        origin: options.origin,
        version: () => "2.x",
        versions: [],
        apiVersions: () => ctx.versions,
        send: async (request) => {
            const signal = AbortSignal.timeout(options.timeoutSeconds * 1000);
            try {
                // Redirects stay on the array's origin (the password and JWT bodies, the api-token
                // header never go elsewhere), and answers are read within bounds, as in the clients.
                const body = request.body ? await request.arrayBuffer() : undefined;
                const res = await fetchWithinOrigin((r) => transport(r), { url: request.url, method: request.method, headers: request.headers, body, signal }, options.secrets);
                return await boundedAnswer(res, DEFAULT_MAX_RESPONSE_BYTES, signal, () => new PurekitError("ERR_TIMEOUT", `${options.origin} did not answer within ${options.timeoutSeconds} s; check the address, or raise --timeout`), `${request.method} ${options.origin}${new URL(request.url).pathname}`);
            }
            catch (e) {
                if (e instanceof PurekitError && e.code === "ERR_TLS") {
                    throw new PurekitError("ERR_TLS", cliTlsMessage(e.message), { cause: e });
                }
                if (e instanceof PurekitError && e.code === "ERR_PROXY")
                    throw e;
                throw networkError(e, options.origin, options.timeoutSeconds, options.secrets);
            }
        },
        secrets: options.secrets,
        logger: {
            warn: (m) => process.stderr.write(`purekit: warning: ${options.secrets.redact(m)}\n`),
            error: (m) => process.stderr.write(`purekit: ${options.secrets.redact(m)}\n`),
        },
        now: Date.now,
    };
    return ctx;
}
/**
 * `GET /api/api_version` (no auth): what the array speaks (FA key `version`, FB `versions`).
 * Network and TLS failures are thrown (it is the first contact); an answer that is not the
 * list leaves it empty, and the callers fall back to their defaults.
 */
export async function loadApiVersions(ctx) {
    const res = await ctx.send(new Request(`${ctx.origin}/api/api_version`, { headers: { accept: "application/json" } }));
    const text = await readText(res, `GET ${ctx.origin}/api/api_version`);
    if (res.ok) {
        try {
            ctx.versions = listedVersions(JSON.parse(text));
        }
        catch {
            ctx.versions = [];
        }
    }
    return ctx.versions;
}
// ---------------------------------------------------------------------------------------------
// Output and errors
/** Prints a value as indented JSON, or the text form. */
export function print(json, value, text) {
    process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : text.endsWith("\n") ? text : `${text}\n`);
}
/** A note for a person: to stderr, and only when stderr is a terminal. */
export function note(message) {
    if (process.stderr.isTTY)
        process.stderr.write(`purekit: ${message}\n`);
}
/** Marks the values of `--password`/`-p` in raw arguments as secrets before they are parsed. */
export function secretsOfArgv(argv, secrets) {
    argv.forEach((arg, i) => {
        if (arg === "--password" || arg === "-p")
            secrets.add(argv[i + 1]);
        else if (arg.startsWith("--password="))
            secrets.add(arg.slice("--password=".length));
        else if (/^-p.+/.test(arg))
            secrets.add(arg.slice(2));
    });
}
/**
 * Runs a command body with every secret it handled removed from the error it throws, and a
 * cancelled prompt turned into exit 130. Unexpected errors become a one-line failure rather
 * than a stack trace (which could hold a secret in a local variable's rendering).
 */
export async function guarded(secrets, body) {
    try {
        return await body();
    }
    catch (e) {
        if (e instanceof PurekitError) {
            if (e.code === "ERR_ABORTED") {
                process.stderr.write("purekit: cancelled\n");
                return EXIT_CANCELLED;
            }
            throw new PurekitError(e.code, secrets.redact(e.message));
        }
        const code = e.code;
        if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
            throw usage(`${secrets.redact(e.message)}. See --help.`);
        }
        process.stderr.write(`purekit: unexpected error: ${secrets.redact(String(e.message ?? e))}\n`);
        if (env("PUREKIT_DEBUG"))
            process.stderr.write(`${secrets.redact(String(e.stack))}\n`);
        return 1;
    }
}
//# sourceMappingURL=options.js.map