/**
 * What users install, tested as they install it: `npm pack`, the tarball installed
 * into a fresh project beside the optional peers a user adds (msw for the mocks,
 * typescript + openapi-typescript for `purekit generate`), then every way in.
 * Nothing here imports the source tree.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { type Sample, sampleTsgo, sampleTsserver } from "../../bench/lsp.ts";
import { PRODUCTS, REPO_ROOT } from "../../spec/index.ts";
import { EXAMPLE_TSCONFIGS, type ExampleCase, prepareExamples, stopExamples } from "./examples.ts";

const exec = promisify(execFile);
const work = join(tmpdir(), `purekit-package-${process.pid}`);
const project = join(work, "app");
const consumer = join(REPO_ROOT, "test", "package", "consumer");
const versionOf = (name: string) =>
  (
    JSON.parse(readFileSync(join(REPO_ROOT, "node_modules", name, "package.json"), "utf8")) as {
      version: string;
    }
  ).version;

interface Run {
  stdout: string;
  stderr: string;
  code: number;
}

async function run(
  cmd: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Run> {
  try {
    const r = await exec(cmd, args, {
      cwd: options.cwd ?? project,
      env: { ...process.env, ...options.env },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    return { stdout: r.stdout, stderr: r.stderr, code: 0 };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; code?: number };
    return {
      stdout: err.stdout ?? "",
      stderr: err.stderr ?? "",
      code: typeof err.code === "number" ? err.code : 1,
    };
  }
}

function ok(r: Run, what: string): string {
  if (r.code !== 0) throw new Error(`${what} failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function sizeOf(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const s = statSync(full);
    total += s.isDirectory() ? sizeOf(full) : s.size;
  }
  return total;
}

/** The project's own TypeScript (5.9, as the user installs it), and the repository's TypeScript 7. */
const TSC = "node_modules/typescript/bin/tsc";
const TSC7 = join(REPO_ROOT, "node_modules", "ts7", "bin", "tsc");

/**
 * The project's tsconfig.json with `compilerOptions` changed (and `files`, when given), written
 * as tsconfig.<name>.json beside it. Returns that file's name, for `tsc -p`.
 */
function tsconfigVariant(name: string, compilerOptions: object, files?: string[]): string {
  const base = JSON.parse(readFileSync(join(project, "tsconfig.json"), "utf8"));
  const file = `tsconfig.${name}.json`;
  const variant = { ...base, compilerOptions: { ...base.compilerOptions, ...compilerOptions } };
  writeFileSync(join(project, file), JSON.stringify(files ? { ...variant, files } : variant));
  return file;
}

/** `npm install` in the project (or where `--prefix` says), quietly, from the cache when it can. */
async function npmInstall(args: string[]): Promise<void> {
  ok(
    await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", ...args]),
    `npm install ${args.join(" ")}`,
  );
}

let mock: ChildProcess | undefined;
let mockInfo: { url: string; apiToken: string; caFile: string };

/** Starts `npx purekit mock …` in the project and reads its JSON line. */
function startMock(args: string[]): Promise<{ child: ChildProcess; info: typeof mockInfo }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["--no-install", "purekit", "mock", ...args], { cwd: project, stdio: "pipe" });
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`mock did not start:\n${out}\n${err}`)), 60_000);
    child.stderr!.on("data", (d) => {
      err += d;
    });
    child.stdout!.on("data", (d) => {
      out += d;
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) {
        clearTimeout(timer);
        resolve({ child, info: JSON.parse(line) });
      }
    });
    child.on("exit", (code) => reject(new Error(`mock exited (${code}):\n${out}\n${err}`)));
  });
}

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  // `npm pack` runs prepack, which builds dist/ from the sources.
  const packed = ok(await run("npm", ["pack", "--pack-destination", work], { cwd: REPO_ROOT }), "npm pack");
  const tarball = join(work, packed.trim().split("\n").at(-1)!);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "purekit-consumer", version: "1.0.0", private: true, type: "module" }, null, 2),
  );
  cpSync(consumer, project, { recursive: true });
  await npmInstall([
    tarball,
    `msw@${versionOf("msw")}`,
    `typescript@${versionOf("typescript")}`,
    `openapi-typescript@${versionOf("openapi-typescript")}`,
    `@types/node@${versionOf("@types/node")}`,
  ]);
  const started = await startMock(["flasharray", "--port", "0", "--json"]);
  mock = started.child;
  mockInfo = started.info;
}, 900_000);

afterAll(async () => {
  mock?.kill("SIGTERM");
  await stopExamples();
  rmSync(work, { recursive: true, force: true });
});

describe("the installed package", () => {
  it("ships JavaScript, declarations, every version's tables, the fixtures and a licence, under 25 MB", () => {
    const root = join(project, "node_modules", "purekit");
    for (const f of [
      "LICENSE",
      "NOTICE",
      "dist/runtime/index.js",
      "dist/runtime/index.d.ts",
      "dist/runtime/flasharray.js",
      "dist/generated/flasharray/types/2.0.d.ts",
      "dist/generated/flashblade/tables/2.28.js",
      "dist/generated/pure1/schemas/1.6.js",
      "dist/fixtures/recorded/fa/volumes.json.gz",
    ]) {
      expect(existsSync(join(root, f)), f).toBe(true);
    }
    // Nothing TypeScript-only, no build leftovers.
    const leftovers = readdirSync(join(root, "dist"), { recursive: true }).filter(
      (f) => (String(f).endsWith(".ts") && !String(f).endsWith(".d.ts")) || String(f).includes(".raw"),
    );
    expect(leftovers).toEqual([]);
    expect(sizeOf(root)).toBeLessThan(25 * 1024 * 1024);
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(Object.keys(pkg.dependencies)).not.toContain("tsx");
    expect(Object.keys(pkg.dependencies)).not.toContain("msw");
    // Nothing runs when the package is installed (npm 11 warns about such scripts and holds them).
    for (const hook of ["preinstall", "install", "postinstall", "prepare"]) {
      expect(pkg.scripts?.[hook], `scripts.${hook}`).toBeUndefined();
    }
  });

  /** The consumer's ESM app (`app.mjs`) on a Node binary: creates, paginates with a filter, gets a typed error. */
  async function esmApp(node: string): Promise<void> {
    const out = ok(
      await run(node, ["app.mjs"], { env: { PUREKIT_MOCK: JSON.stringify(mockInfo) } }),
      `${node} app.mjs`,
    );
    expect(JSON.parse(out)).toMatchObject({ names: ["esm-vol"], typedError: true });
  }

  /** The consumer's CommonJS app (`app.cjs`), which require()s the ESM package. */
  async function cjsApp(node: string): Promise<void> {
    const out = ok(
      await run(node, ["app.cjs"], { env: { PUREKIT_MOCK: JSON.stringify(mockInfo) } }),
      `${node} app.cjs`,
    );
    expect(JSON.parse(out)).toMatchObject({ count: 2, errorClass: "function" });
  }

  it("every `exports` target exists and `default` comes last, so no resolver has to fall through", () => {
    // Node, enhanced-resolve (webpack, ESLint's TypeScript import resolver) and Deno stop at the
    // first matching condition; only TypeScript goes on past a missing file, and it tracks that
    // as a bug (microsoft/TypeScript#50762). Decision 006, "A light file for the editor, tried".
    const root = join(project, "node_modules", "purekit");
    const files = readdirSync(root, { recursive: true })
      .map(String)
      .filter((f) => statSync(join(root, f)).isFile())
      .map((f) => `./${f}`);
    const problems: string[] = [];
    const check = (where: string, target: unknown): void => {
      if (typeof target === "string") {
        // A pattern's every `*` takes the same value (Node): some shipped file must fit it.
        const parts = target.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
        const fits = new RegExp(
          `^${parts[0]}${parts
            .slice(1)
            .map((p, i) => `${i === 0 ? "(.+)" : "\\1"}${p}`)
            .join("")}$`,
        );
        if (!files.some((file) => fits.test(file))) problems.push(`${where}: ${target} matches no file`);
      } else if (target && typeof target === "object") {
        const keys = Object.keys(target);
        if (keys.includes("default") && keys.at(-1) !== "default")
          problems.push(`${where}: "default" is not last`);
        for (const [condition, sub] of Object.entries(target)) check(`${where} [${condition}]`, sub);
      }
    };
    const { exports } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { exports: object };
    for (const [key, target] of Object.entries(exports)) check(key, target);
    expect(problems).toEqual([]);
  });

  it("runs on plain Node ESM, with no TypeScript loader", () => esmApp("node"));

  it("loads from CommonJS with require()", () => cjsApp("node"));

  it("runs on Node 22 and 24, the LTS lines users run, from ESM and CommonJS", async () => {
    // Node's own binaries as npm publishes them (node-<platform>-<arch>), into a folder of their own.
    const dir = join(work, "node-lts");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), '{ "private": true }');
    const binary = `node-${process.platform}-${process.arch}`;
    const majors = [22, 24];
    await npmInstall(["--prefix", dir, ...majors.map((m) => `node${m}@npm:${binary}@${m}`)]);
    for (const major of majors) {
      const home = join(dir, "node_modules", `node${major}`);
      const node = [join(home, "bin", "node"), join(home, "node.exe")].find((f) => existsSync(f));
      expect(node, `${binary}@${major} has no node binary`).toBeDefined();
      const version = ok(await run(node!, ["--version"]), `node ${major} --version`);
      expect(version).toMatch(new RegExp(`^v${major}\\.`));
      await esmApp(node!);
      await cjsApp(node!);
    }
  }, 300_000);

  /** The project's tsconfig with bundler resolution (`module: preserve`). */
  const bundlerConfig = () => tsconfigVariant("bundler", { module: "preserve", moduleResolution: "bundler" });

  it("type-checks strictly with tsc (nodenext and bundler; no DOM lib, no allowImportingTsExtensions, skipLibCheck off)", async () => {
    ok(await run("node", [TSC, "-p", "tsconfig.json"]), "tsc nodenext");
    ok(await run("node", [TSC, "-p", bundlerConfig()]), "tsc bundler");
    // And TypeScript 7 (the repository's), on the same project.
    ok(await run("node", [TSC7, "-p", "tsconfig.json"]), "tsc 7");
  }, 300_000);

  it("type-checks with TypeScript 6.0 and the oldest it supports: 6.0 and 5.7 strict with skipLibCheck off, 5.4 with skipLibCheck", async () => {
    // What README promises, checked on the compilers themselves, not only on 5.9 and 7.
    // 6.0 is the last JavaScript TypeScript, with new defaults and deprecations of its own.
    for (const [version, extra] of [
      ["6.0", []],
      ["5.7", []],
      ["5.4", ["--skipLibCheck"]],
    ] as const) {
      const prefix = join(work, `typescript-${version}`);
      await npmInstall(["--prefix", prefix, `typescript@~${version}.0`]);
      const tsc = join(prefix, "node_modules", "typescript", "bin", "tsc");
      ok(await run("node", [tsc, "-p", "tsconfig.json", ...extra]), `tsc ${version} nodenext`);
      ok(await run("node", [tsc, "-p", bundlerConfig(), ...extra]), `tsc ${version} bundler`);
    }
  }, 300_000);

  it("a library that wraps the clients emits declarations (declaration: true) naming only public entries", async () => {
    const config = tsconfigVariant(
      "library",
      { noEmit: false, declaration: true, emitDeclarationOnly: true, rootDir: ".", outDir: "library-types" },
      ["library.ts"],
    );
    for (const [name, tsc] of [
      ["TypeScript 5.9", TSC],
      ["TypeScript 7", TSC7],
    ] as const) {
      rmSync(join(project, "library-types"), { recursive: true, force: true });
      ok(await run("node", [tsc, "-p", config]), `${name}: declaration emit`);
      const emitted = readFileSync(join(project, "library-types", "library.d.ts"), "utf8");
      expect(emitted, name).toContain('import("purekit/flasharray").FlashArrayClient<');
      expect(emitted, name).toContain('import("purekit/flasharray").FlashArrayGenerated');
      expect(emitted, name).toContain('import("purekit/pure1").Pure1Client<');
      expect(emitted, name).not.toMatch(/dist\/|node_modules/);
    }
  }, 120_000);

  it("the types catch mistakes (an error the project makes is reported)", async () => {
    writeFileSync(
      join(project, "wrong.ts"),
      'import type { FlashArrayClient } from "purekit/flasharray";\nexport const f = (fa: FlashArrayClient) => fa.GET("/volumez", {});\n',
    );
    const r = await run("node", [TSC, "-p", tsconfigVariant("wrong", {}, ["wrong.ts"])]);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain("wrong.ts");
    expect(r.stdout).not.toContain("node_modules/purekit");
  }, 120_000);

  it("an editor offers each client factory once, from its entry, and indexes only the newest version of each product (tsserver 5.9, TS 7)", async () => {
    // A project that lists purekit and imports nothing yet: what tsserver's auto-import
    // provider is built for (decision 006).
    const dir = join(project, "editor");
    mkdirSync(join(dir, "src"), { recursive: true });
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({ name: "editor", private: true, type: "module", dependencies: { purekit: "*" } }),
    );
    const options = JSON.parse(readFileSync(join(project, "tsconfig.json"), "utf8")).compilerOptions;
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: options, include: ["src"] }));
    const source = "export const answer = 42;\ncreate";
    writeFileSync(join(dir, "src", "index.ts"), source);
    const at = { line: 2, offset: "create".length + 1 };
    const tsserver = join(project, "node_modules", "typescript", "lib", "tsserver.js");
    const factories = [
      "createFlashArrayClient (purekit/flasharray)",
      "createFlashBladeClient (purekit/flashblade)",
      "createPure1Client (purekit/pure1)",
    ];
    const offered = (sample: Sample): string[] => {
      if (!sample.ok) throw new Error(`no completion: ${sample.error}`);
      const names = sample.dependencyNames ?? [];
      for (const factory of factories)
        expect(
          names.filter((n) => n === factory),
          factory,
        ).toHaveLength(1);
      // Nothing twice, and only the public entries as specifiers.
      expect(names.length).toBe(new Set(names).size);
      expect(names.filter((n) => !/\(purekit(?:\/(?:flasharray|flashblade|pure1|mock))?\)$/.test(n))).toEqual(
        [],
      );
      return names;
    };

    const fresh = await sampleTsserver(dir, "purekit", source, at, {
      heapMb: 3072,
      timeoutMs: 120_000,
      tsserver,
      verbose: true,
    });
    offered(fresh);
    // The provider holds each product entry and its compact newest version (types/latest.d.ts),
    // and no version file or pooled declaration: older versions are types-only entries
    // behind two-`*` patterns, which editors do not enumerate (decisions 006 and 020).
    const provider = fresh.providerFiles ?? [];
    const dist = join(project, "node_modules", "purekit", "dist");
    for (const product of PRODUCTS) {
      expect(provider, product).toContain(join(dist, "runtime", `${product}.d.ts`));
      expect(provider, product).toContain(join(dist, "generated", product, "types", "latest.d.ts"));
      const pooled = provider.filter((file) =>
        new RegExp(`/generated/${product}/types/(shared/|\\d+\\.\\d+\\.d\\.ts$)`).test(file),
      );
      expect(pooled, product).toEqual([]);
    }
    expect(provider.filter((file) => file.includes("/types/entry/"))).toEqual([]);
    offered(await sampleTsgo(dir, "purekit", source, at, 120_000));

    // A project that already imports the entries: their exact files are in the program,
    // and the names must still come once each.
    writeFileSync(
      join(dir, "src", "uses.ts"),
      'export { createFlashArrayClient } from "purekit/flasharray";\n' +
        'export { createFlashBladeClient } from "purekit/flashblade";\n' +
        'export { createPure1Client } from "purekit/pure1";\n',
    );
    offered(await sampleTsserver(dir, "purekit", source, at, { heapMb: 3072, timeoutMs: 120_000, tsserver }));
    offered(await sampleTsgo(dir, "purekit", source, at, 120_000));
  }, 300_000);

  it("runs on Deno from node_modules, and its checker gets each product entry's exact types", async () => {
    const deno = join(REPO_ROOT, "node_modules", ".bin", "deno");
    // A folder of its own: Deno type-checks the whole tsconfig.json project a file belongs to,
    // and the project's typed.ts imports a types-only version entry that Deno cannot resolve
    // (README, "one Deno limit").
    const checkDir = join(project, "deno-check");
    mkdirSync(checkDir, { recursive: true });
    cpSync(join(project, "products.ts"), join(checkDir, "products.ts"));
    writeFileSync(join(checkDir, "deno.json"), JSON.stringify({ nodeModulesDir: "manual" }));
    ok(
      await run(deno, ["check", "products.ts"], { cwd: checkDir, env: { DENO_NO_UPDATE_CHECK: "1" } }),
      "deno check",
    );
    const out = ok(
      await run(deno, ["run", "--allow-all", "--node-modules-dir=manual", "app.mjs"], {
        env: { PUREKIT_MOCK: JSON.stringify(mockInfo), DENO_NO_UPDATE_CHECK: "1" },
      }),
      "deno run",
    );
    expect(JSON.parse(out.trim().split("\n").at(-1)!)).toMatchObject({
      names: ["esm-vol"],
      typedError: true,
    });
  }, 120_000);

  /** Runs a bundle's output from a folder without node_modules against the mock. */
  async function runBundle(dir: string, entry: string): Promise<void> {
    expect(existsSync(join(dir, "node_modules"))).toBe(false);
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }');
    const r = ok(
      await run("node", [entry], { cwd: dir, env: { PUREKIT_MOCK: JSON.stringify(mockInfo) } }),
      `bundle ${entry}`,
    );
    expect(JSON.parse(r)).toMatchObject({ names: ["esm-vol"], typedError: true });
  }

  it("bundles with esbuild, and the bundle runs from a folder without node_modules", async () => {
    const out = join(work, "bundle");
    mkdirSync(out, { recursive: true });
    ok(
      await run(join(REPO_ROOT, "node_modules", ".bin", "esbuild"), [
        "app.mjs",
        "--bundle",
        "--platform=node",
        "--format=esm",
        "--target=node20",
        `--outfile=${join(out, "app.mjs")}`,
        // esbuild's documented shim for CommonJS dependencies (undici) inside an ESM bundle.
        "--banner:js=import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      ]),
      "esbuild",
    );
    await runBundle(out, "app.mjs");
  }, 120_000);

  it("bundles with Rollup (node-resolve + commonjs, code splitting), and the bundle runs without node_modules", async () => {
    const out = join(work, "rollup");
    const plugin = (name: string) =>
      pathToFileURL(join(REPO_ROOT, "node_modules", name, "dist", "es", "index.js")).href;
    writeFileSync(
      join(project, "rollup.config.mjs"),
      [
        `import commonjs from ${JSON.stringify(plugin("@rollup/plugin-commonjs"))};`,
        `import { nodeResolve } from ${JSON.stringify(plugin("@rollup/plugin-node-resolve"))};`,
        "export default {",
        '  input: "app.mjs",',
        `  output: { dir: ${JSON.stringify(out)}, format: "esm" },`,
        // undici requires node:sqlite inside a function; Node 20 has no such module, and
        // commonjs would hoist it into an import. Node 22+ users need not ignore it.
        '  plugins: [nodeResolve({ preferBuiltins: true, exportConditions: ["node"] }), commonjs({ ignore: ["node:sqlite"] })],',
        "};",
      ].join("\n"),
    );
    ok(
      await run(join(REPO_ROOT, "node_modules", ".bin", "rollup"), [
        "--config",
        "rollup.config.mjs",
        "--silent",
      ]),
      "rollup",
    );
    await runBundle(out, "app.js");
  }, 180_000);

  it("bundles with Vite (SSR build, every dependency bundled), and the bundle runs without node_modules", async () => {
    const out = join(work, "vite");
    writeFileSync(
      join(project, "vite.config.mjs"),
      `export default { logLevel: "warn", build: { ssr: "app.mjs", outDir: ${JSON.stringify(out)}, emptyOutDir: true, target: "node20" }, ssr: { noExternal: true, target: "node" } };`,
    );
    ok(
      await run(join(REPO_ROOT, "node_modules", ".bin", "vite"), ["build", "--config", "vite.config.mjs"]),
      "vite build",
    );
    await runBundle(out, "app.js");
  }, 180_000);

  it("`npx purekit mock` serves the recorded seed by default and stops with the npx process", async () => {
    const { child, info } = await startMock(["flasharray", "--port", "0", "--json", "--http"]);
    const res = await fetch(`${info.url}/api/api_version`);
    expect(res.status).toBe(200);
    const login = await fetch(`${info.url}/api/2.56/login`, {
      method: "POST",
      headers: { "api-token": info.apiToken },
    });
    const session = login.headers.get("x-auth-token")!;
    const vols = (await (
      await fetch(`${info.url}/api/2.56/volumes`, { headers: { "x-auth-token": session } })
    ).json()) as {
      items: unknown[];
    };
    expect(vols.items.length).toBeGreaterThan(0);
    // SIGTERM to the npx process: npm and its shell end without passing it on; the server
    // notices it was orphaned and stops too.
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    await exited;
    let gone = false;
    for (let i = 0; i < 40 && !gone; i++) {
      await new Promise((r) => setTimeout(r, 250));
      gone = await fetch(`${info.url}/api/api_version`).then(
        () => false,
        () => true,
      );
    }
    expect(gone).toBe(true);
  }, 120_000);

  it("generates a REST version the package does not ship into the project, and the client takes it, typed", async () => {
    // FA 2.57 as a user might meet it: FA 2.56 with a new version prefix and one new endpoint.
    const spec = parseYaml(
      readFileSync(join(REPO_ROOT, "..", "shared", "specs", "FA2.56.spec.yaml"), "utf8"),
      {
        maxAliasCount: -1,
      },
    ) as { info: { version: string }; paths: Record<string, unknown> };
    const paths: Record<string, unknown> = {};
    for (const [p, item] of Object.entries(spec.paths)) paths[p.replace("/api/2.56/", "/api/2.57/")] = item;
    paths["/api/2.57/widgets"] = spec.paths["/api/2.56/volumes"];
    spec.paths = paths;
    spec.info.version = "2.57";
    writeFileSync(join(project, "FA2.57.spec.json"), JSON.stringify(spec));
    const before = readdirSync(join(project, "node_modules", "purekit"), { recursive: true }).length;
    ok(
      await run("npx", [
        "--no-install",
        "purekit",
        "generate",
        "--spec",
        "FA2.57.spec.json",
        "--out",
        "purekit-types",
      ]),
      "purekit generate --spec",
    );
    expect(readdirSync(join(project, "node_modules", "purekit"), { recursive: true }).length).toBe(before);
    expect(existsSync(join(project, "purekit-types", "flasharray", "types", "2.57.d.ts"))).toBe(true);
    writeFileSync(
      join(project, "own.ts"),
      `import { createFlashArrayClient } from "purekit/flasharray";
import { generated } from "./purekit-types/flasharray/index.js";

const calls: string[] = [];
const answer = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { headers: { "content-type": "application/json", ...headers } });
const fa = await createFlashArrayClient({
  host: "array.test",
  auth: { apiToken: "t" },
  generated,
  fetch: async (input, init) => {
    const request = new Request(input, init);
    calls.push(new URL(request.url).pathname);
    if (request.url.endsWith("/api/api_version")) return answer({ version: ["2.56", "2.57"] });
    if (request.url.endsWith("/login")) return answer({ items: [{ username: "u" }] }, { "x-auth-token": "s" });
    return answer({ items: [{ name: "w1" }], more_items_remaining: false });
  },
});
const { data } = await fa.GET("/widgets", { params: { query: { names: ["w1"] } } });
const name: string | undefined = data?.items?.[0]?.name;
// @ts-expect-error still typed: no such path in 2.57 either
void fa.GET("/gadgets", {});
const viaFriendly = await fa.getWidgets({ limit: 1 });
console.log(JSON.stringify({ version: fa.version, name, friendly: viaFriendly.items?.length, calls }));
await fa.close();
`,
    );
    // Emits own.js beside own.ts, so its import of ./purekit-types resolves as written.
    ok(await run("node", [TSC, "-p", tsconfigVariant("own", { noEmit: false }, ["own.ts"])]), "tsc own.ts");
    const r = JSON.parse(ok(await run("node", ["own.js"]), "node own.js"));
    expect(r).toMatchObject({ version: "2.57", name: "w1", friendly: 1 });
    expect(r.calls).toContain("/api/2.57/widgets");
  }, 600_000);
});

describe("README and examples, as a user copies them", () => {
  /** What README's fragments (blocks without imports) may assume: a client and a few names. */
  const PRELUDE = `import { readFile } from "node:fs/promises";
import { f, PartialResultError, PureApiError, PurekitError, sort } from "purekit";
import { createFlashArrayClient, type FlashArrayClient } from "purekit/flasharray";
declare const fa: FlashArrayClient;
declare const apiToken: string;
declare const signal: AbortSignal;
declare const id: string;
declare function report(errors: unknown): void;
declare function tp(requestId: string): string;
declare const metrics: { observe(method: string, status: number, attempt: number): void };
void readFile, f, PartialResultError, PureApiError, PurekitError, sort, createFlashArrayClient;
`;

  it("every TypeScript block of README.md type-checks against the installed package, and the first program runs", async () => {
    const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(5);
    // In the project's root, as a user's own files: relative imports (./purekit-types) resolve.
    const files = blocks.map((code, i) => {
      const file = `readme-block-${i + 1}.ts`;
      const standalone = /^import /m.test(code);
      // The prelude declares what a fragment assumes, minus what the block declares itself.
      const own = new Set([...code.matchAll(/\b(?:const|let|function)\s+(\w+)/g)].map((m) => m[1]));
      const prelude = PRELUDE.split("\n")
        .filter(
          (line) =>
            !/^declare (?:const|function) (\w+)/.test(line) ||
            !own.has(/^declare (?:const|function) (\w+)/.exec(line)![1]),
        )
        .join("\n");
      writeFileSync(join(project, file), `${standalone ? "" : prelude}${code}\nexport {};\n`);
      return file;
    });
    writeFileSync(
      join(project, "tsconfig.readme.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          // DOM: msw's own declarations (the mock block) need it, a known msw limit.
          lib: ["ES2023", "DOM", "ESNext.Disposable"],
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true,
          skipLibCheck: true,
          types: ["node"],
        },
        files,
      }),
    );
    ok(await run("node", [TSC, "-p", "tsconfig.readme.json"]), "tsc README blocks");
    // The first block is a whole program: run it against the mock array.
    const first = files.findIndex((_, i) => blocks[i]!.includes("process.env.FA_HOST"));
    expect(first).toBeGreaterThanOrEqual(0);
    const out = ok(
      await run("node", [files[first]!.replace(/\.ts$/, ".js")], {
        env: { FA_HOST: mockInfo.url, FA_API_TOKEN: mockInfo.apiToken, FA_CA_FILE: mockInfo.caFile },
      }),
      "README's first program",
    );
    expect(out).toMatch(/2\.56/);
  }, 300_000);

  let cases: ExampleCase[] = [];
  it("every example type-checks (strict, no DOM lib, skipLibCheck off) and runs against the mock arrays", async () => {
    cases = await prepareExamples(project, run);
    expect(cases.length).toBeGreaterThanOrEqual(10);
    for (const tsconfig of EXAMPLE_TSCONFIGS) {
      ok(await run("node", [TSC, "-p", tsconfig]), `tsc -p ${tsconfig}`);
    }
    const failures: string[] = [];
    for (const c of cases) {
      const [cmd, ...args] = c.command ?? ["node", c.file.replace(/\.ts$/, ".js")];
      const r = await run(cmd!, args, { env: c.env });
      if (r.code !== 0 || !c.expect.test(r.stdout)) {
        failures.push(`${c.file} (exit ${r.code}):\n${r.stdout.slice(-1500)}\n${r.stderr.slice(-1500)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
