/**
 * Running the CLI as a real subprocess (Node through cli/bin.mjs, or Deno on
 * cli/purekit.ts), key files made at test time with OpenSSL, and independent JWT
 * checks with jose. Subprocesses are spawned asynchronously: the HTTPS mock servers
 * live in the test process and must keep answering while the CLI waits.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeProtectedHeader, importSPKI, type JWTPayload, jwtVerify } from "jose";
import { afterAll, beforeAll, expect } from "vitest";

export const root = fileURLToPath(new URL("../..", import.meta.url));
export const bin = join(root, "cli", "bin.mjs");
export const denoBin = join(root, "node_modules", ".bin", "deno");
export const hasDeno = existsSync(denoBin);

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Environment variables besides PATH and HOME (the test runner's own are not passed). */
  env?: Record<string, string | undefined>;
  /** Written to the CLI's stdin (a pipe, so never a TTY); stdin is closed either way. */
  input?: string;
  cwd?: string;
  runtime?: "node" | "deno";
  timeoutMs?: number;
}

/** A clean environment: no PURE_* / PURE1_* or proxy variables of the machine running the tests. */
function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NO_COLOR: "1" };
  for (const name of ["PATH", "HOME", "TMPDIR", "SYSTEMROOT", "DENO_DIR", "XDG_CACHE_HOME"]) {
    if (process.env[name] !== undefined) env[name] = process.env[name];
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

/** The command line that starts the CLI on `runtime`, before its arguments. */
function cliCommand(runtime: RunOptions["runtime"]): string[] {
  return runtime === "deno"
    ? [denoBin, "run", "-A", "--quiet", join(root, "cli", "purekit.ts")]
    : [process.execPath, bin];
}

/**
 * Runs a program to its end and collects its exit code and output; `input` goes to its
 * stdin (closed either way). `env` undefined passes the test runner's own environment.
 */
function run(
  argv: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string; timeoutMs?: number; what: string },
): Promise<CliResult> {
  const [command = "", ...args] = argv;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? root,
      env: options.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${options.what} timed out\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.on("error", () => {}); // the program may exit before reading its stdin
    child.stdin.end(options.input ?? "");
  });
}

/** Runs `purekit <args>` and collects its exit code and output. */
export function purekit(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return run([...cliCommand(options.runtime), ...args], {
    env: cleanEnv(options.env),
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.input === undefined ? {} : { input: options.input }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    what: `purekit ${args.join(" ")}`,
  });
}

/**
 * A temporary folder for one test file: made before its tests, removed after them.
 * `tmp()` is the folder, `tmp("k.pem")` a file in it (both valid from `beforeAll` on,
 * as long as `useTempDir` is called before the file's own hooks are registered).
 *
 * @example
 * ```ts
 * const tmp = useTempDir("purekit-errors-");
 * beforeAll(() => openssl(tmp(), "genpkey", "-algorithm", "ed25519", "-out", tmp("ed.pem")));
 * ```
 */
export function useTempDir(prefix: string): (file?: string) => string {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (file) => {
    if (!dir) throw new Error(`useTempDir("${prefix}") is read before its beforeAll ran`);
    return file === undefined ? dir : join(dir, file);
  };
}

/** Runs openssl in `dir`; throws with its stderr on failure. */
export function openssl(dir: string, ...args: string[]): string {
  return execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] }).toString();
}

export const PW = "Tr0ub4dor&3 cli-secret";

export interface KeyFixture {
  /** What it is, for test names. */
  name: string;
  file: string;
  /** Its password, when encrypted. */
  password?: string;
  /** The SPKI PEM of its public half, extracted by OpenSSL (or printed by keygen). */
  publicPem: string;
}

/**
 * Every key form people have, written by OpenSSL 3 in `dir`: PKCS#8, PKCS#1, encrypted
 * PKCS#8 (what `genrsa -aes256` writes), OpenSSL 1.x style encrypted PKCS#1, PKCS#12.
 */
export function opensslKeys(dir: string): KeyFixture[] {
  const pass = ["-passout", `pass:${PW}`];
  const passin = ["-passin", `pass:${PW}`];
  openssl(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "pkcs8.pem");
  openssl(dir, "genrsa", "-traditional", "-out", "pkcs1.pem", "2048");
  openssl(dir, "genrsa", "-aes256", ...pass, "-out", "encrypted-pkcs8.pem", "2048");
  openssl(dir, "rsa", "-in", "pkcs1.pem", "-aes256", "-traditional", ...pass, "-out", "legacy-pkcs1.pem");
  openssl(
    dir,
    "req",
    "-x509",
    "-key",
    "pkcs8.pem",
    "-subj",
    "/CN=purekit-cli-test",
    "-days",
    "2",
    "-out",
    "cert.pem",
  );
  openssl(dir, "pkcs12", "-export", "-inkey", "pkcs8.pem", "-in", "cert.pem", "-out", "key.pfx", ...pass);
  const pub = (file: string, ...extra: string[]) => openssl(dir, "pkey", "-in", file, ...extra, "-pubout");
  return [
    { name: "PKCS#8 (genpkey)", file: join(dir, "pkcs8.pem"), publicPem: pub("pkcs8.pem") },
    { name: "PKCS#1 (genrsa -traditional)", file: join(dir, "pkcs1.pem"), publicPem: pub("pkcs1.pem") },
    {
      name: "encrypted PKCS#8 (genrsa -aes256)",
      file: join(dir, "encrypted-pkcs8.pem"),
      password: PW,
      publicPem: pub("encrypted-pkcs8.pem", ...passin),
    },
    {
      name: "legacy encrypted PKCS#1 (rsa -aes256 -traditional)",
      file: join(dir, "legacy-pkcs1.pem"),
      password: PW,
      publicPem: pub("legacy-pkcs1.pem", ...passin),
    },
    {
      name: "PKCS#12 (pkcs12 -export)",
      file: join(dir, "key.pfx"),
      password: PW,
      publicPem: pub("pkcs8.pem"),
    },
  ];
}

/**
 * A test file's key fixtures: `opensslKeys` written to a temporary folder before the file's
 * tests (and removed after). `keys` fills in `beforeAll`; a file may push its own keys.
 *
 * @example
 * ```ts
 * const { tmp, keys, key } = useKeyFixtures("purekit-errors-");
 * it("…", async () => purekit(pure1Args(APP_ID, key("PKCS#12").file, "-p", PW)));
 * ```
 */
export function useKeyFixtures(prefix: string): {
  tmp: (file?: string) => string;
  keys: KeyFixture[];
  key: (namePrefix: string) => KeyFixture;
} {
  const tmp = useTempDir(prefix);
  const keys: KeyFixture[] = [];
  beforeAll(() => {
    keys.push(...opensslKeys(tmp()));
  }, 120_000);
  return { tmp, keys, key: (namePrefix) => keyNamed(keys, namePrefix) };
}

/** The names (prefixes) of the password-protected fixtures of `opensslKeys`. */
export const ENCRYPTED_KEYS = ["encrypted PKCS#8", "legacy encrypted PKCS#1", "PKCS#12"] as const;

/** The first fixture whose name starts with `prefix` (so "PKCS#8" is the plain PKCS#8 key). */
export function keyNamed(keys: readonly KeyFixture[], prefix: string): KeyFixture {
  const key = keys.find((k) => k.name.startsWith(prefix));
  if (!key) throw new Error(`no key fixture named "${prefix}…" among ${keys.map((k) => k.name).join(", ")}`);
  return key;
}

/** The options that give a fixture's password, if it has one. */
export const passwordArgs = (key: KeyFixture): string[] => (key.password ? ["--password", key.password] : []);

/**
 * Verifies a JWT with the public key alone (jose, RS256 only) and checks the header is
 * exactly `expectedHeader` and the claims carry exactly `expectedClaimNames`.
 */
export async function verifyJwt(
  jwt: string,
  publicPem: string,
  expectedHeader: Record<string, string>,
  expectedClaimNames: string[],
): Promise<JWTPayload> {
  expect(jwt).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  expect(decodeProtectedHeader(jwt)).toEqual(expectedHeader);
  const key = await importSPKI(publicPem, "RS256");
  const { payload, protectedHeader } = await jwtVerify(jwt, key, { algorithms: ["RS256"] });
  expect(protectedHeader).toEqual(expectedHeader);
  expect(Object.keys(payload).sort()).toEqual([...expectedClaimNames].sort());
  expect(Number.isInteger(payload.iat)).toBe(true);
  expect(Number.isInteger(payload.exp)).toBe(true);
  // iat is now, in seconds (not milliseconds).
  expect(Math.abs(payload.iat! - Date.now() / 1000)).toBeLessThan(120);
  return payload;
}

/** The header and claim names of a Pure1 JWT (`token pure1`). */
export const PURE1_JWT = { header: { alg: "RS256", typ: "JWT" }, claims: ["iss", "iat", "exp"] } as const;

/** Verifies a Pure1 JWT (header alg and typ; claims iss, iat, exp) with the public key alone. */
export const verifyPure1Jwt = (jwt: string, publicPem: string): Promise<JWTPayload> =>
  verifyJwt(jwt, publicPem, { ...PURE1_JWT.header }, [...PURE1_JWT.claims]);

/** Verifies an API-client JWT (header kid `keyId`; claims aud, sub, iss, iat, exp) with the public key alone. */
export const verifyClientJwt = (jwt: string, publicPem: string, keyId: string): Promise<JWTPayload> =>
  verifyJwt(jwt, publicPem, { ...PURE1_JWT.header, kid: keyId }, ["aud", "sub", "iss", "iat", "exp"]);

/** What identifies an API client to an array, as `token flasharray|flashblade` takes it. */
export interface ApiClientIds {
  clientId: string;
  keyId: string;
  issuer: string;
  /** Left out (or undefined) to test the missing-option message. */
  username?: string | undefined;
}

/** Placeholder ids for commands that fail (or only sign) before any array is asked. */
export const ANY_CLIENT: ApiClientIds = { clientId: "c", keyId: "k", issuer: "i", username: "u" };

/** `--client-id … --key-id … --issuer … --username …` (the last only when given). */
export const apiClientArgs = (ids: ApiClientIds): string[] => [
  "--client-id",
  ids.clientId,
  "--key-id",
  ids.keyId,
  "--issuer",
  ids.issuer,
  ...(ids.username === undefined ? [] : ["--username", ids.username]),
];

/** `token pure1 --app-id <appId> --key <keyFile> …more`. */
export const pure1Args = (appId: string, keyFile: string, ...more: string[]): string[] => [
  "token",
  "pure1",
  "--app-id",
  appId,
  "--key",
  keyFile,
  ...more,
];

/** `token api --host <host> --username <username> …more`. */
export const apiTokenArgs = (host: string, username: string, ...more: string[]): string[] => [
  "token",
  "api",
  "--host",
  host,
  "--username",
  username,
  ...more,
];

/** Asserts the command succeeded and printed nothing on stderr; returns its stdout, trimmed. */
export function expectQuietSuccess(result: CliResult): string {
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return result.stdout.trim();
}

/**
 * Asserts the command failed with exit `code`: nothing on stdout, `pattern` on stderr,
 * and none of `secrets` (nor a private-key PEM or a JWT) anywhere in the output.
 */
export function expectFailed(
  result: CliResult,
  code: number,
  pattern: RegExp,
  secrets: readonly string[],
): void {
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(pattern);
  expect(result.code).toBe(code);
  expectNoSecrets(result, secrets);
}

/** Asserts none of `secrets` (nor a PEM body or a JWT) appears in what the CLI printed. */
export function expectNoSecrets(result: CliResult, secrets: readonly string[]): void {
  const out = `${result.stdout}\n${result.stderr}`;
  for (const secret of secrets) {
    if (secret) expect(out, `a secret leaked: ${secret.slice(0, 12)}…`).not.toContain(secret);
  }
  expect(out).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----/);
  expect(out).not.toMatch(/eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\./);
}

/** The base64 body lines of a PEM file: what must never be printed. */
export function pemBodyLines(pem: string): string[] {
  return pem
    .split("\n")
    .filter((l) => l && !l.startsWith("-----") && !l.includes(":"))
    .slice(0, 3);
}

/** Python's pty module drives the CLI on a real terminal (no node-pty needed). */
const PTY_DRIVER = `
import json, os, pty, select, sys, time
args, env, steps = json.loads(sys.argv[1]), json.loads(sys.argv[2]), json.loads(sys.argv[3])
pid, fd = pty.fork()
if pid == 0:
    os.execvpe(args[0], args, env)
out, pos = b"", 0
def read(deadline):
    global out
    r, _, _ = select.select([fd], [], [], max(0, deadline - time.time()))
    if not r:
        return False
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        return None
    if not chunk:
        return None
    out += chunk
    return True
for wait_for, reply in steps:
    deadline = time.time() + 30
    while out.find(wait_for.encode(), pos) < 0:
        got = read(deadline)
        if not got:
            print(json.dumps({"code": None, "output": out.decode("utf8", "replace"), "error": "no prompt: " + wait_for}))
            sys.exit(0)
    pos = out.find(wait_for.encode(), pos) + len(wait_for)
    time.sleep(0.05)
    os.write(fd, reply.encode())
deadline = time.time() + 60
while read(deadline):
    pass
_, status = os.waitpid(pid, 0)
code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -os.WTERMSIG(status)
print(json.dumps({"code": code, "output": out.decode("utf8", "replace")}))
`;

export const hasPython = (() => {
  try {
    execFileSync("python3", ["-c", "import pty"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

export interface TtyResult {
  code: number | null;
  /** Everything the terminal showed (stdout and stderr share it). */
  output: string;
  error?: string;
}

/**
 * Runs `purekit <args>` on a pseudo-terminal; each step waits for a text (a prompt)
 * and then types a reply (e.g. `"secret\r"`, or `"\u0003"` for Ctrl-C).
 */
export async function purekitTty(
  args: string[],
  steps: [waitFor: string, reply: string][],
  options: Pick<RunOptions, "env" | "runtime"> = {},
): Promise<TtyResult> {
  const argv = [...cliCommand(options.runtime), ...args];
  const env = { ...cleanEnv(options.env), TERM: "dumb" };
  // The driver gives up on a missing prompt after 30 s and on a hung CLI after 60 s.
  const driver = await run(
    ["python3", "-c", PTY_DRIVER, JSON.stringify(argv), JSON.stringify(env), JSON.stringify(steps)],
    { timeoutMs: 180_000, what: `the pty driver for purekit ${args.join(" ")}` },
  );
  try {
    return JSON.parse(driver.stdout) as TtyResult;
  } catch {
    throw new Error(`pty driver failed: ${driver.stderr || driver.stdout}`);
  }
}
