/**
 * `purekit mock flasharray|flashblade|pure1 …`: serves a mock array over HTTPS
 * (self-signed certificate made at start, CA written to a file) or HTTP, until
 * SIGINT/SIGTERM.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createMockCore } from "../mock/array.ts";
import type { FaultSpec } from "../mock/faults.ts";
import { flashArrayProfile } from "../mock/flasharray.ts";
import { flashBladeProfile } from "../mock/flashblade.ts";
import { pure1Profile } from "../mock/pure1.ts";
import { SEED_MANIFEST } from "../mock/recorder.ts";
import { startNodeMockServer } from "../mock/server/node.ts";
import { generatedVersions } from "../mock/spec.ts";
import { createSelfSignedCertificate } from "../mock/tls/index.ts";
import type { MockApiClient, MockPure1App, MockSeed, MockUser, ServedArray } from "../mock/types.ts";
import { PurekitError } from "../runtime/errors.ts";
import { compareVersions } from "../runtime/versions.ts";
import { parseCommand } from "./args.ts";

const HELP = `purekit mock flasharray|flashblade|pure1 [options]
purekit mock record --target URL --out DIR   (a recording proxy; --help for its options)

Serves a stateful mock array that speaks the real REST protocol, until Ctrl-C.
HTTPS by default, with a certificate made at start; its CA is written to a file
(curl --cacert FILE, or the client's tls.ca).

  --port N                 port (default 8443; 0 picks a free one)
  --host ADDR              address to bind (default 127.0.0.1; anything beyond loopback
                           prints a warning: the mock's users and tokens are for tests)
  --versions V             REST versions: 2.56 | 2.0-2.38 | 2.30,2.31 (default: newest)
  --api-token T            accepted API token (repeatable; default: one generated)
  --api-client SPEC        FA/FB: public.pem:CLIENT_ID:KEY_ID:ISSUER   Pure1: public.pem:APP_ID
                           (repeatable)
  --user NAME:PASSWORD     a user (repeatable; default pureuser with a random password,
                           printed at start)
  --seed S                 recorded | empty | N (N volumes, FB file systems) | volumes=N,hosts=M
                           | DIR (a folder written by purekit mock record)
  --session-ttl SECONDS    idle session lifetime (default 3600)
  --http                   plain HTTP instead of HTTPS
  --cert FILE --key FILE   serve this certificate instead of making one
  --fault SPEC             inject a fault (repeatable), e.g. path=/volumes,status=503,times=2
                           keys: method path status times rate latency html truncate drop retry-after
  --json                   print one JSON line {url, apiToken, caFile, …} instead of text`;

type Product = "flasharray" | "flashblade" | "pure1";

const PRODUCT_ALIASES: Record<string, Product> = {
  flasharray: "flasharray",
  fa: "flasharray",
  flashblade: "flashblade",
  fb: "flashblade",
  pure1: "pure1",
};

function invalid(message: string): PurekitError {
  return new PurekitError("ERR_INVALID_ARGUMENT", message);
}

/** `2.0-2.38`, `2.30,2.31` or `2.56` → versions that are generated. */
export function parseVersions(product: Product, text: string): string[] {
  const known = generatedVersions(product);
  const out: string[] = [];
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const range = /^(\d+\.\d+)-(\d+\.\d+)$/.exec(part);
    if (range) {
      const [, from = "", to = ""] = range;
      const hit = known.filter((v) => compareVersions(v, from) >= 0 && compareVersions(v, to) <= 0);
      if (!hit.length)
        throw invalid(`--versions ${part}: no ${product} version in that range; known: ${known.join(", ")}`);
      out.push(...hit);
    } else if (known.includes(part)) out.push(part);
    else throw invalid(`--versions: ${product} REST ${part} is not generated; known: ${known.join(", ")}`);
  }
  return [...new Set(out)].sort(compareVersions);
}

function parseSeed(product: Product, text: string): MockSeed {
  if (text === "recorded" || text === "empty") return text;
  // A folder recorded by `purekit mock record`.
  if (existsSync(join(text, SEED_MANIFEST))) return resolve(text);
  if (/^\d+$/.test(text)) {
    return { [product === "flashblade" ? "file-systems" : "volumes"]: Number(text) };
  }
  const seed: Record<string, number> = {};
  for (const part of text.split(",")) {
    const [name, count] = part.split("=");
    if (!name || !count || !/^\d+$/.test(count)) {
      throw invalid(
        `--seed ${text}: use recorded, empty, a number, name=N pairs such as volumes=1000,hosts=10, or a folder written by purekit mock record`,
      );
    }
    seed[name] = Number(count);
  }
  return seed;
}

/** `path=/volumes,status=503,times=2` → a fault. */
export function parseFault(text: string): FaultSpec {
  const fault: FaultSpec = {};
  for (const part of text.split(",")) {
    const eq = part.indexOf("=");
    const key = (eq < 0 ? part : part.slice(0, eq)).trim();
    const value = eq < 0 ? "true" : part.slice(eq + 1).trim();
    const number = () => {
      const n = Number(value);
      if (!Number.isFinite(n)) throw invalid(`--fault ${text}: ${key} must be a number`);
      return n;
    };
    switch (key) {
      case "method":
        fault.method = value;
        break;
      case "path":
        fault.path = value;
        break;
      case "status":
        fault.status = number();
        break;
      case "times":
        fault.times = number();
        break;
      case "rate":
        fault.rate = number();
        break;
      case "latency":
        fault.latencyMs = number();
        break;
      case "retry-after":
        fault.headers = { ...fault.headers, "retry-after": value };
        break;
      case "html":
      case "truncate":
      case "drop":
        fault[key] = value !== "false";
        break;
      default:
        throw invalid(
          `--fault ${text}: unknown key "${key}"; use method, path, status, times, rate, latency, html, truncate, drop, retry-after`,
        );
    }
  }
  return fault;
}

/** Splits `path:a:b:c…`, keeping a Windows drive letter with the path. */
function splitSpec(text: string): string[] {
  const parts = text.split(":");
  if (parts.length > 1 && /^[A-Za-z]$/.test(parts[0] ?? "")) parts.splice(0, 2, `${parts[0]}:${parts[1]}`);
  return parts;
}

async function readPem(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    throw invalid(`${what}: cannot read ${path}: ${(e as Error).message}`);
  }
}

/**
 * Resolves on SIGINT/SIGTERM, or when this process is orphaned. `npx purekit mock`
 * runs us under `npm exec` → `sh -c`; a SIGTERM to the npx process ends npm and the
 * shell but is not passed on, so the server would be left running. Being re-parented
 * is how we learn our launcher is gone.
 */
function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    const parent = process.ppid;
    const watchdog = setInterval(() => {
      if (process.ppid !== parent) on("parent exited");
    }, 250);
    watchdog.unref();
    const on = (signal: string) => {
      clearInterval(watchdog);
      process.off("SIGINT", on);
      process.off("SIGTERM", on);
      resolve(signal);
    };
    process.on("SIGINT", on);
    process.on("SIGTERM", on);
  });
}

/**
 * The warning printed when the server listens beyond loopback (`--host 0.0.0.0`, a LAN
 * address…); `null` for 127.0.0.0/8, ::1 and localhost.
 */
export function exposureWarning(host: string): string | null {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (h === "localhost" || h === "::1" || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(h)) return null;
  const where = h === "0.0.0.0" || h === "::" ? "every network interface" : h;
  return `purekit mock: warning: listening on ${where}, beyond this machine: anyone who can reach it can use the mock's API token and users. Bind 127.0.0.1 (the default) unless other machines must reach it.`;
}

/** The `purekit mock` command. Returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  if (argv[0] === "record") return (await import("./mock-record.ts")).runRecord(argv.slice(1));
  const args = parseCommand(argv, {
    name: "mock",
    help: HELP,
    positionals: "some",
    options: {
      port: { type: "string" },
      host: { type: "string" },
      versions: { type: "string" },
      "api-token": { type: "string", multiple: true },
      "api-client": { type: "string", multiple: true },
      user: { type: "string", multiple: true },
      seed: { type: "string" },
      "session-ttl": { type: "string" },
      http: { type: "boolean" },
      cert: { type: "string" },
      key: { type: "string" },
      fault: { type: "string", multiple: true },
      json: { type: "boolean" },
    },
  });
  if (!args) return 0;
  const { values, positionals } = args;
  const product = PRODUCT_ALIASES[positionals[0] ?? ""];
  if (!product || positionals.length > 1) {
    console.error(`purekit mock: name one product: flasharray, flashblade or pure1\n\n${HELP}`);
    return 2;
  }
  const port = values.port === undefined ? 8443 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw invalid(`--port ${values.port}: expected 0–65535`);
  const host = values.host ?? "127.0.0.1";
  if (Boolean(values.cert) !== Boolean(values.key)) throw invalid("--cert and --key go together");
  if (values.http && values.cert) throw invalid("--http serves plain HTTP; drop --cert/--key");

  const users: MockUser[] = (values.user ?? []).map((spec) => {
    const i = spec.indexOf(":");
    if (i <= 0) throw invalid(`--user ${spec}: expected NAME:PASSWORD`);
    return { username: spec.slice(0, i), password: spec.slice(i + 1) };
  });
  const apiClients: MockApiClient[] = [];
  const apps: MockPure1App[] = [];
  for (const spec of values["api-client"] ?? []) {
    const [file = "", ...rest] = splitSpec(spec);
    const publicKey = await readPem(file, "--api-client");
    if (product === "pure1") {
      if (rest.length < 1) throw invalid(`--api-client ${spec}: expected public.pem:APP_ID`);
      apps.push({ appId: rest.join(":"), publicKey });
    } else {
      const [clientId, keyId, ...issuer] = rest;
      if (!clientId || !keyId || !issuer.length) {
        throw invalid(`--api-client ${spec}: expected public.pem:CLIENT_ID:KEY_ID:ISSUER`);
      }
      apiClients.push({ clientId, keyId, issuer: issuer.join(":"), publicKey, enabled: true });
    }
  }
  const versions = values.versions ? parseVersions(product, values.versions) : undefined;
  const seed = values.seed ? parseSeed(product, values.seed) : undefined;
  const sessionTtl = values["session-ttl"] === undefined ? undefined : Number(values["session-ttl"]);
  if (sessionTtl !== undefined && !(sessionTtl > 0))
    throw invalid(`--session-ttl ${values["session-ttl"]}: expected seconds > 0`);

  const common = {
    ...(versions ? { versions } : {}),
    ...(seed ? { seed } : {}),
  };
  // The mock's core, without msw handlers: the standalone server needs no msw.
  let array: ServedArray;
  if (product === "pure1") array = createMockCore(pure1Profile, { ...common, apps });
  else {
    const options = {
      ...common,
      ...(users.length ? { users } : {}),
      ...(values["api-token"]?.length ? { apiTokens: values["api-token"] } : {}),
      apiClients,
      ...(sessionTtl ? { sessionTtlMs: sessionTtl * 1000 } : {}),
    };
    array = createMockCore(product === "flasharray" ? flashArrayProfile : flashBladeProfile, options);
  }
  await array.ready;
  for (const spec of values.fault ?? []) array.faults.add(parseFault(spec));

  let tls: { cert: string; key: string } | undefined;
  let caFile: string | null = null;
  let tempDir: string | null = null;
  if (values.cert && values.key) {
    tls = { cert: await readPem(values.cert, "--cert"), key: await readPem(values.key, "--key") };
  } else if (!values.http) {
    const ips = /^[\d.]+$|:/.test(host) && host !== "0.0.0.0" && host !== "::" ? [host] : [];
    const hostnames = ips.length || host === "0.0.0.0" || host === "::" ? [] : [host];
    const certificate = await createSelfSignedCertificate({ hostnames, ips, days: 30 });
    tls = { cert: certificate.certPem, key: certificate.keyPem };
    tempDir = await mkdtemp(join(tmpdir(), "purekit-mock-"));
    caFile = join(tempDir, "ca.pem");
    await writeFile(caFile, certificate.caPem, { mode: 0o644 });
  }
  const server = await startNodeMockServer(array, { port, host, ...(tls ? { tls } : {}) });
  const warning = exposureWarning(host);
  if (warning) console.error(warning);
  const info = {
    product,
    url: server.url,
    versions: array.versions,
    apiToken: array.apiToken || null,
    caFile,
    users:
      product === "pure1" ? [] : (users.length ? users : [{ username: "pureuser" }]).map((u) => u.username),
    // The generated password of the default user, shown like the API token (none when --user is given).
    password: product === "pure1" || users.length ? null : array.password,
  };
  if (values.json) console.log(JSON.stringify(info));
  else {
    console.log(`purekit mock ${product} serving REST ${array.versions.join(", ")}`);
    console.log(`url: ${server.url}`);
    if (info.apiToken) console.log(`api-token: ${info.apiToken}`);
    if (caFile) console.log(`ca: ${caFile}`);
    if (product !== "pure1") console.log(`users: ${info.users.join(", ")}`);
    if (info.password) console.log(`password (${info.users[0]}): ${info.password}`);
    console.log("Ctrl-C to stop.");
  }
  const signal = await waitForSignal();
  await server.close();
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
  array.close();
  if (!values.json) console.log(`purekit mock: stopped (${signal})`);
  return 0;
}

// Also runs directly (`node --import tsx cli/mock.ts flasharray …`), as test/mock/server.test.ts starts it.
if (import.meta.url === `file://${process.argv[1]}`) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(`purekit mock: ${(e as Error).message}`);
      process.exitCode = e instanceof PurekitError && e.code === "ERR_INVALID_ARGUMENT" ? 2 : 1;
    },
  );
}
