/**
 * Sets up examples/*.ts in the package test's consumer project (purekit installed from
 * the packed tarball) and says how to run each one: the credentials every walkthrough
 * needs are made the way a user makes them, with the installed CLI (`purekit keygen`,
 * `purekit token`, `purekit generate`), against mock arrays started by `npx purekit mock`.
 *
 * Use (from test/package/package.test.ts):
 *   const cases = await prepareExamples(project, run);   // copies, installs vitest, starts mocks
 *   for each of EXAMPLE_TSCONFIGS: tsc -p <it> (in project) // examples/*.js are emitted beside the sources
 *   for each case: run(...(case.command ?? ["node", case.file with .js]), { env: case.env }),
 *     exit code 0 and stdout matching case.expect
 *   await stopExamples();                                 // in afterAll
 */
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";

/** One example to run in the project, and what its output must show. */
export interface ExampleCase {
  /** The example's source, relative to the project: `examples/api-token.ts`. */
  file: string;
  /** Environment to run it with (added to the test's own). */
  env: Record<string, string>;
  /** What its stdout must match. */
  expect: RegExp;
  /** Command and arguments, run in the project; when absent: `node examples/<name>.js` (compiled by tsc). */
  command?: string[];
}

type Run = (
  cmd: string,
  args: string[],
  opts?: { cwd?: string; env?: NodeJS.ProcessEnv },
) => Promise<{ stdout: string; stderr: string; code: number }>;

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SPECS = process.env.PURE_SPECS_DIR ?? join(REPO, "..", "shared", "specs");
const started: ChildProcess[] = [];

/** What `purekit mock --json` prints. */
interface MockInfo {
  url: string;
  apiToken: string;
  caFile: string;
}

/** The tsc projects to check (in the project, before running the cases): examples, then the vitest example. */
export const EXAMPLE_TSCONFIGS = ["examples/tsconfig.json", "examples/tsconfig.test.json"] as const;

/** Runs `cmd` in `cwd` with `input` on stdin (what `run` cannot do): for `--password-stdin`. */
function runWithInput(cmd: string, args: string[], cwd: string, input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${cmd} ${args.join(" ")} failed (${code}):\n${out}\n${err}`)),
    );
    child.stdin.end(input);
  });
}

/** Starts `npx purekit mock …` in its own process group (so stopExamples ends npx and node alike). */
function startMock(project: string, args: string[]): Promise<MockInfo> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["--no-install", "purekit", "mock", ...args, "--port", "0", "--json"], {
      cwd: project,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    started.push(child);
    let out = "";
    let err = "";
    const timer = setTimeout(
      () => reject(new Error(`purekit mock ${args.join(" ")} did not start:\n${err}`)),
      60_000,
    );
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.stdout.on("data", (d) => {
      out += d;
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as MockInfo);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`purekit mock ${args.join(" ")} exited (${code}):\n${out}\n${err}`));
    });
  });
}

/** Stops every mock prepareExamples started: SIGTERM to each process group (npx, its shell, node). */
export async function stopExamples(): Promise<void> {
  const exits = started.map(
    (child) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
        child.once("exit", () => resolve());
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {
          resolve(); // already gone
        }
      }),
  );
  started.length = 0;
  await Promise.all(exits);
}

function ok(r: { stdout: string; stderr: string; code: number }, what: string): string {
  if (r.code !== 0) throw new Error(`${what} failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const versionOf = (name: string) =>
  (JSON.parse(readFileSync(join(REPO, "node_modules", name, "package.json"), "utf8")) as { version: string })
    .version;

/**
 * Copies the examples into `${project}/examples/` with a strict tsconfig, makes every
 * credential they need, starts the mock arrays, and returns one case per example.
 * Call {@link stopExamples} afterwards.
 */
export async function prepareExamples(project: string, run: Run): Promise<ExampleCase[]> {
  const dir = join(project, "examples");
  const creds = join(project, "example-credentials");
  mkdirSync(dir, { recursive: true });
  mkdirSync(creds, { recursive: true });
  const sources = readdirSync(join(REPO, "examples")).filter(
    (f) => f.endsWith(".ts") && !f.startsWith("demo") && f !== "tracing.ts",
  );
  for (const f of sources) copyFileSync(join(REPO, "examples", f), join(dir, f));
  const compilerOptions = {
    target: "ES2022",
    lib: ["ES2023", "ESNext.Disposable"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: false,
    types: ["node"],
  };
  const tsconfig = (options: object, include: string[], exclude: string[] = []) =>
    `${JSON.stringify({ compilerOptions: options, include, exclude }, null, 2)}\n`;
  // The examples: emitted as .js beside the sources, run with node.
  writeFileSync(join(dir, "tsconfig.json"), tsconfig(compilerOptions, ["*.ts"], ["*.test.ts"]));
  // The vitest example: vitest runs the .ts itself. msw's declarations need the DOM lib
  // (mswjs/msw#408), so a project that type-checks tests using purekit/mock adds it there.
  writeFileSync(
    join(dir, "tsconfig.test.json"),
    tsconfig({ ...compilerOptions, lib: [...compilerOptions.lib, "DOM"], noEmit: true }, ["*.test.ts"]),
  );
  ok(
    await run(
      "npm",
      ["install", "--no-audit", "--no-fund", "--prefer-offline", `vitest@${versionOf("vitest")}`],
      {
        cwd: project,
      },
    ),
    "npm install vitest",
  );

  // Keys, as the walkthroughs make them: an encrypted one for the FA API client, a plain one for Pure1.
  const keyPassword = "correct horse battery staple";
  await runWithInput(
    "npx",
    [
      "--no-install",
      "purekit",
      "keygen",
      "--out",
      join(creds, "fa-client.pem"),
      "--public-out",
      join(creds, "fa-client.pub"),
      "--password-stdin",
      "--force",
    ],
    project,
    keyPassword,
  );
  ok(
    await run(
      "npx",
      [
        "--no-install",
        "purekit",
        "keygen",
        "--out",
        join(creds, "pure1.pem"),
        "--public-out",
        join(creds, "pure1.pub"),
        "--force",
      ],
      { cwd: project },
    ),
    "purekit keygen (Pure1)",
  );
  const client = {
    id: "9472190f-f792-712e-a639-0839fa830922",
    keyId: "013ba6d7-b6b1-4fa4-85c1-5b4a4c4e8b9a",
    issuer: "automation",
  };
  const appId = "pure1:apikey:iRT5OwhslZVLWNGG";

  // FA 2.57 as a user meets it: FA 2.56 under a new version prefix, with one new endpoint.
  const spec = parseYaml(readFileSync(join(SPECS, "FA2.56.spec.yaml"), "utf8"), { maxAliasCount: -1 }) as {
    info: { version: string };
    paths: Record<string, unknown>;
  };
  const paths: Record<string, unknown> = {};
  for (const [p, item] of Object.entries(spec.paths)) paths[p.replace("/api/2.56/", "/api/2.57/")] = item;
  paths["/api/2.57/volume-widgets"] = spec.paths["/api/2.56/volumes"];
  spec.paths = paths;
  spec.info.version = "2.57";
  writeFileSync(join(creds, "FA2.57.spec.json"), JSON.stringify(spec));

  const [fa, big, busy, pure1] = await Promise.all([
    startMock(project, [
      "flasharray",
      "--user",
      "alice:s3cret",
      "--api-client",
      `${join(creds, "fa-client.pub")}:${client.id}:${client.keyId}:${client.issuer}`,
    ]),
    startMock(project, ["flasharray", "--seed", "volumes=1200"]),
    startMock(project, ["flasharray", "--fault", "path=/arrays,status=503,times=2"]),
    startMock(project, ["pure1", "--api-client", `${join(creds, "pure1.pub")}:${appId}`]),
    run(
      "npx",
      [
        "--no-install",
        "purekit",
        "generate",
        "--spec",
        join(creds, "FA2.57.spec.json"),
        "--out",
        join(dir, "purekit-types"),
      ],
      {
        cwd: project,
      },
    ).then((r) => ok(r, "purekit generate --spec")),
  ]);

  const idToken = ok(
    await run(
      "npx",
      [
        "--no-install",
        "purekit",
        "token",
        "flasharray",
        "--jwt-only",
        "--client-id",
        client.id,
        "--key-id",
        client.keyId,
        "--issuer",
        client.issuer,
        "--username",
        "alice",
        "--key",
        join(creds, "fa-client.pem"),
      ],
      { cwd: project, env: { PURE_PRIVATE_KEY_PASSWORD: keyPassword } },
    ),
    "purekit token flasharray --jwt-only",
  ).trim();

  const array = (m: MockInfo) => ({ FA_HOST: m.url, FA_API_TOKEN: m.apiToken, FA_CA_FILE: m.caFile });
  const cases: ExampleCase[] = [
    {
      file: "examples/api-token.ts",
      env: array(fa),
      expect: /Connected to z-x70-a .*over REST 2\.56\n\d+ volumes/,
    },
    {
      file: "examples/username-password.ts",
      env: { FA_HOST: fa.url, FA_CA_FILE: fa.caFile, FA_USERNAME: "alice", FA_PASSWORD: "s3cret" },
      expect: /Logged in to .* as alice over REST 2\.56\n\d+ host\(s\): z-/,
    },
    {
      file: "examples/oauth2-api-client.ts",
      env: {
        FA_HOST: fa.url,
        FA_CA_FILE: fa.caFile,
        FA_CLIENT_ID: client.id,
        FA_KEY_ID: client.keyId,
        FA_ISSUER: client.issuer,
        FA_USERNAME: "alice",
        FA_PRIVATE_KEY_FILE: join(creds, "fa-client.pem"),
        FA_PRIVATE_KEY_PASSWORD: keyPassword,
      },
      expect: /Signed in to .* with an API client over REST 2\.56\n\d+ volume group\(s\)/,
    },
    {
      file: "examples/pure1-app-id.ts",
      // Real Pure1 has a public certificate; the mock's CA is trusted the way Node trusts any extra CA.
      env: {
        PURE1_APP_ID: appId,
        PURE1_PRIVATE_KEY_FILE: join(creds, "pure1.pem"),
        PURE1_BASE_URL: pure1.url,
        NODE_EXTRA_CA_CERTS: pure1.caFile,
      },
      expect: /[1-9]\d* array\(s\) in Pure1 \(REST 1\.\d+\)/,
    },
    {
      file: "examples/id-token.ts",
      env: { FA_HOST: fa.url, FA_CA_FILE: fa.caFile, FA_ID_TOKEN: idToken },
      expect: /Exchanged the ID token at .*; REST 2\.56\n\d+ pod\(s\): z-/,
    },
    {
      file: "examples/paginate-filter.ts",
      env: { ...array(big), FA_MIN_GIB: "500" },
      expect:
        /filter: provisioned>=536870912000 and destroyed=false\n(?:.*\n)*[1-9]\d* volumes of at least 500 GiB/,
    },
    {
      file: "examples/errors-retries.ts",
      env: array(busy),
      expect:
        /attempt 1: GET answered 503, retrying\n {2}attempt 2: GET answered 503, retrying\narray z-x70-a answered\ngetVolumes: HTTP 400: .*\(request [\w-]+\)\nGET \/hosts: status 400/,
    },
    {
      file: "examples/self-signed-ca.ts",
      env: array(fa),
      expect: /without tls\.ca: ERR_TLS\nwith tls\.ca: verified https:\/\/127\.0\.0\.1:\d+, array z-x70-a/,
    },
    {
      file: "examples/mock-in-vitest.test.ts",
      env: {},
      expect: /3 passed/,
      command: ["npx", "--no-install", "vitest", "run", "examples/mock-in-vitest.test.ts"],
    },
    {
      file: "examples/new-rest-version.ts",
      env: {},
      expect:
        /generated here: REST 2\.57\nREST 2\.57 adds 4 operation\(s\) over 2\.56:\n(?:.*\n)* {2}getVolumeWidgets {2}\(GET \/volume-widgets\)/,
    },
  ];
  const missing = sources.filter((f) => !cases.some((c) => c.file === `examples/${f}`));
  if (missing.length > 0)
    throw new Error(`examples without a case in test/package/examples.ts: ${missing.join(", ")}`);
  return cases;
}
