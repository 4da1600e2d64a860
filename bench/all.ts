/**
 * Issue 12's figures, each against its baseline in the same run, in interleaved rounds
 * (the side that goes first alternates), reported as medians with min–max:
 *
 *  1. sequential GET latency, purekit client vs raw undici fetch, trivial local HTTPS server;
 *  2. the same with 32 in flight (req/s);
 *  3. client CPU per call (process.cpuUsage around each round; the server is another process);
 *  4. the first 100 calls of a fresh process vs its warm calls (bench/cold.mjs, plain node,
 *     purekit from dist/, built first when stale), with fetch, undici.request and node:https for scale;
 *  5. the standalone mock server vs a bare node:http(s) server, 32 in flight, HTTP and HTTPS;
 *  6. with --generate only (minutes): purekit generate, all specs, vs the openapi-typescript
 *     CLI once per spec: time and peak memory (one run each, as bench/generate.ts);
 *  7. sequential calls/s against the same standalone mock (HTTPS), purekit vs a Python client
 *     in the py-pure-client style (bench/py-client.py; needs python3 with urllib3), and (7b)
 *     vs the vendor's py-pure-client itself when it can be imported (bench/python.ts says how;
 *     `--py-version` picks the REST version both sides call, default 2.56).
 *
 * Prints a table and writes JSON to bench/results/all-<time>.json. Every loop is bounded by
 * a count and a time; all traffic goes to 127.0.0.1.
 *
 *   node --import tsx bench/all.ts [--rounds 7] [--only 1,2,3,4,5,7] [--generate] [--py-version 2.56]
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createSelfSignedCertificate } from "../mock/tls/index.ts";
import type { FlashArrayVersion } from "../runtime/flasharray.ts";
import {
  type Caller,
  checkOneRequestPerCall,
  fetchCaller,
  headersPurekitSent,
  inFlightRound,
  purekitCaller,
  type Round,
  sequentialRound,
} from "./client-latency.ts";
import { loadRound, MOCK_PATH, makeTarget, once, type Target } from "./mock-rate.ts";
import { type PyRound, purekitOnMock, pySdk, pythonMissing, startPython } from "./python.ts";
import {
  type Child,
  mb,
  ms,
  pairedRatio,
  rate,
  type Summary,
  show,
  showRatio,
  startChild,
  summarize,
  table,
} from "./stats.ts";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "7" },
    "seq-calls": { type: "string", default: "500" },
    "seq-ms": { type: "string", default: "1500" },
    "in-flight": { type: "string", default: "32" },
    "flight-ms": { type: "string", default: "1000" },
    "flight-calls": { type: "string", default: "20000" },
    cold: { type: "string", default: "3" },
    "mock-rounds": { type: "string", default: "5" },
    "mock-ms": { type: "string", default: "1000" },
    volumes: { type: "string", default: "10000" },
    only: { type: "string", default: "1,2,3,4,5,7" },
    "py-ms": { type: "string", default: "1500" },
    "py-version": { type: "string", default: "2.56" },
    generate: { type: "boolean", default: false },
  },
});
const num = (name: keyof typeof values) => {
  const n = Number(values[name]);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`--${name} must be a positive number, got ${values[name]}`);
  return n;
};
const rounds = num("rounds");
const inFlight = num("in-flight");
const only = new Set((values.only as string).split(",").map((s) => s.trim()));
if (values.generate) only.add("6");

interface Figure {
  id: string;
  name: string;
  unit: string;
  purekit: Summary;
  baseline: Summary;
  baselineName: string;
  /** purekit / baseline, per round (or per process). */
  ratio: Summary;
  goal: string;
  /** True when the median ratio meets the goal. */
  met: boolean | undefined;
  format: (v: number) => string;
  raw?: unknown;
}
const figures: Figure[] = [];
const notes: string[] = [];
const started = new Date();
const loadBefore = loadavg();
const log = (line: string) => process.stderr.write(`${line}\n`);

const work = mkdtempSync(join(tmpdir(), "purekit-bench-all-"));
const certFile = join(work, "certs.json");
const certs = await createSelfSignedCertificate();
writeFileSync(certFile, JSON.stringify(certs), { mode: 0o600 });
const children: Child<unknown>[] = [];

/**
 * Runs every side once per round, the order rotated by one each round so that no side
 * always goes first (or last).
 */
async function rotate<T>(n: number, sides: (() => Promise<T>)[]): Promise<T[][]> {
  const out: T[][] = sides.map(() => []);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < sides.length; k++) {
      const j = (i + k) % sides.length;
      out[j]!.push(await sides[j]!());
    }
  }
  return out;
}

type ColdSide = "purekit" | "fetch" | "request" | "https";
/** What bench/cold.mjs prints. */
interface ColdResult {
  side: ColdSide;
  /** Process start to the script running, ms. */
  bootMs: number;
  /** Import of the client code and its set-up requests, ms. */
  setupMs: number;
  firstCallMs: number;
  /** Mean of the first 100 calls after set-up, ms per call. */
  firstMeanMs: number;
  /** Mean of the warm calls after the warm-up, ms per call. */
  warmMeanMs: number;
}
const COLD = fileURLToPath(new URL("./cold.mjs", import.meta.url));
const ROOT = fileURLToPath(new URL("../", import.meta.url));

/**
 * Figure 4 runs purekit from dist/, as users do: builds it when it is missing or older
 * than a source file it is built from.
 */
function ensureDist(): void {
  const built = join(ROOT, "dist/runtime/flasharray.js");
  const newest = (dir: string): number =>
    readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith(".ts"))
      .reduce((max, e) => Math.max(max, statSync(join(e.parentPath, e.name)).mtimeMs), 0);
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(newest("runtime"), newest("generated")))
    return;
  log("figure 4: building dist/ (npm run build), which it runs");
  execFileSync(process.execPath, [join(ROOT, "scripts/build.mjs")], {
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Runs `a` then `b` in even rounds and `b` then `a` in odd ones. */
async function interleave<T>(n: number, a: () => Promise<T>, b: () => Promise<T>): Promise<[T[], T[]]> {
  const as: T[] = [];
  const bs: T[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      as.push(await a());
      bs.push(await b());
    } else {
      bs.push(await b());
      as.push(await a());
    }
  }
  return [as, bs];
}

async function clientFigures(): Promise<void> {
  const trivial = await startChild<{ port: number }>(["--role", "trivial", "--certs", certFile]);
  children.push(trivial);
  const url = `https://127.0.0.1:${trivial.hello.port}`;
  const pk = await purekitCaller(url, certs.caPem);
  await pk.call();
  const headers = await headersPurekitSent(url, certs.caPem);
  const raw = await fetchCaller(url, certs.caPem, headers);
  log(`headers of both sides: ${headers.map(([n]) => n).join(", ")}`);
  try {
    await checkOneRequestPerCall(url, certs.caPem, pk, 50);
    await checkOneRequestPerCall(url, certs.caPem, raw, 50);
    // Warm-up: JIT, connections, the operation table.
    for (const c of [pk, raw]) {
      await sequentialRound(c, 2000, 2000);
      await inFlightRound(c, inFlight, 2000, 1000);
    }
    if (only.has("1") || only.has("3")) {
      log(
        `figures 1, 3: ${rounds} rounds × up to ${values["seq-calls"]} sequential calls or ${values["seq-ms"]} ms`,
      );
      const run = (c: Caller) => () => sequentialRound(c, num("seq-calls"), num("seq-ms"));
      const [p, f] = await interleave<Round>(rounds, run(pk), run(raw));
      const lat = (r: Round) => r.wallMs / r.calls;
      const cpu = (r: Round) => r.cpuMs / r.calls;
      if (only.has("1"))
        push(
          "1",
          "sequential GET latency, trivial local HTTPS server",
          "ms/call",
          p.map(lat),
          f.map(lat),
          "raw undici fetch",
          "≤ 1.10 (moonshot ≤ 1.0)",
          (r) => r <= 1.1,
          ms,
          { purekit: p, fetch: f },
        );
      if (only.has("3"))
        push(
          "3",
          "client CPU per call (sequential)",
          "ms CPU/call",
          p.map(cpu),
          f.map(cpu),
          "raw undici fetch",
          "≤ 1.10",
          (r) => r <= 1.1,
          ms,
          { purekit: p, fetch: f },
        );
    }
    if (only.has("2") || only.has("3")) {
      log(`figure 2: ${rounds} rounds × ${inFlight} in flight for ${values["flight-ms"]} ms`);
      const run = (c: Caller) => () => inFlightRound(c, inFlight, num("flight-calls"), num("flight-ms"));
      const [p, f] = await interleave<Round>(rounds, run(pk), run(raw));
      const rps = (r: Round) => r.calls / (r.wallMs / 1000);
      const cpu = (r: Round) => r.cpuMs / r.calls;
      if (only.has("2"))
        push(
          "2",
          `same, ${inFlight} in flight`,
          "req/s",
          p.map(rps),
          f.map(rps),
          "raw undici fetch",
          "≥ 0.9",
          (r) => r >= 0.9,
          rate,
          { purekit: p, fetch: f },
        );
      if (only.has("3"))
        push(
          "3b",
          `client CPU per call (${inFlight} in flight)`,
          "ms CPU/call",
          p.map(cpu),
          f.map(cpu),
          "raw undici fetch",
          "≤ 1.10",
          (r) => r <= 1.1,
          ms,
          { purekit: p, fetch: f },
        );
    }
  } finally {
    await pk.close();
    await raw.close();
  }
  if (only.has("4")) {
    const n = num("cold");
    ensureDist();
    log(`figure 4: ${n} fresh processes per side (plain node, purekit from dist/)`);
    const cold = (side: ColdSide) => async () => {
      const child = await startChild<ColdResult>(
        ["--side", side, "--url", url, "--certs", certFile, "--headers", JSON.stringify(headers)],
        120_000,
        COLD,
      );
      await child.exited;
      return child.hello;
    };
    const sides: ColdSide[] = ["purekit", "fetch", "request", "https"];
    const [p = [], f = [], q = [], h = []] = await rotate(n, sides.map(cold));
    const first = (r: ColdResult) => r.firstMeanMs;
    const warm = (r: ColdResult) => r.warmMeanMs;
    push(
      "4",
      "first 100 calls of a fresh process (purekit), ms/call",
      "ms/call",
      p.map(first),
      p.map(warm),
      "purekit warm, same process",
      "≤ 1.5× warm",
      (r) => r <= 1.5,
      ms,
      { purekit: p, fetch: f, request: q, https: h },
    );
    // Rows without a goal, in the order printed.
    const none = () => undefined;
    const scale = (id: string, name: string, runs: ColdResult[], baselineName: string) =>
      push(id, name, "ms/call", runs.map(first), runs.map(warm), baselineName, "—", none, ms);
    const vsFetch = (id: string, name: string, value: (r: ColdResult) => number) =>
      push(id, name, "ms", p.map(value), f.map(value), "raw undici fetch", "—", none, ms);
    scale("4b", "same, raw undici fetch (for scale)", f, "fetch warm, same process");
    vsFetch("4c", "first call after set-up, fresh process (purekit: + its login)", (r) => r.firstCallMs);
    vsFetch("4d", "import + set-up, fresh process (purekit: version list; fetch: + login)", (r) => r.setupMs);
    scale(
      "4e",
      "first 100 calls, undici.request: no Response, Headers or web streams (floor of an undici client)",
      q,
      "request warm, same process",
    );
    scale(
      "4f",
      "first 100 calls, node:https with a keep-alive Agent (Node's own client)",
      h,
      "node:https warm, same process",
    );
    notes.push(
      "Figure 4's processes are plain node (bench/cold.mjs, no loader), purekit from dist/ as users run it. purekit logs in on the first data call (the other sides' set-up does it), so 4c includes a login and 4d does not. 4e and 4f show what Node and undici themselves pay in a fresh process: the goal's 1.5× is measured against each side's own warm call.",
    );
  }
  await trivial.stop();
}

async function mockFigures(): Promise<void> {
  const concurrency = inFlight;
  const mock = await startChild<{ httpPort: number; httpsPort: number; apiToken: string }>(
    ["--role", "mock", "--certs", certFile, "--volumes", String(num("volumes"))],
    120_000,
  );
  children.push(mock);
  const probe = makeTarget("probe", false, mock.hello.httpPort, {}, certs.caPem, 1);
  const login = await once(probe, "POST", "/api/2.56/login", { "api-token": mock.hello.apiToken });
  const session = login.headers["x-auth-token"];
  if (login.status !== 200 || typeof session !== "string")
    throw new Error(`mock login: HTTP ${login.status}`);
  const sample = await once(probe, "GET", MOCK_PATH, { "x-auth-token": session });
  probe.agent.destroy();
  if (sample.status !== 200) throw new Error(`mock sample: HTTP ${sample.status}`);
  const bodyFile = join(work, "body.json");
  writeFileSync(bodyFile, sample.body);
  const bare = await startChild<{ httpPort: number; httpsPort: number }>([
    "--role",
    "bare",
    "--certs",
    certFile,
    "--body",
    bodyFile,
  ]);
  children.push(bare);
  const auth = { "x-auth-token": session };
  const t = (name: string, tls: boolean, port: number, h: Record<string, string>): Target =>
    makeTarget(name, tls, port, h, certs.caPem, concurrency);
  const pairs: [string, Target, Target][] = [
    [
      "HTTP",
      t("mock http", false, mock.hello.httpPort, auth),
      t("bare http", false, bare.hello.httpPort, {}),
    ],
    [
      "HTTPS",
      t("mock https", true, mock.hello.httpsPort, auth),
      t("bare https", true, bare.hello.httpsPort, {}),
    ],
  ];
  const mockRounds = num("mock-rounds");
  const mockMs = num("mock-ms");
  log(
    `figure 5: ${mockRounds} rounds × ${concurrency} in flight for ${mockMs} ms, GET ${MOCK_PATH} (${sample.body.length} bytes)`,
  );
  // Warm-up (JIT, sockets, TLS sessions): 2 s or 3,000 requests per server, twice over.
  for (let i = 0; i < 2; i++) {
    for (const [, m, b] of pairs) {
      await loadRound(m, concurrency, 1000, 1500);
      await loadRound(b, concurrency, 1000, 1500);
    }
  }
  // HTTP and HTTPS interleaved too, so a server still warming up skews neither.
  const results = pairs.map(() => ({ mock: [] as number[], bare: [] as number[] }));
  for (let round = 0; round < mockRounds; round++) {
    for (const [i, [, m, b]] of pairs.entries()) {
      const [p, f] = round % 2 === 0 ? [m, b] : [b, m];
      const first = await loadRound(p, concurrency, mockMs, 1_000_000);
      const second = await loadRound(f, concurrency, mockMs, 1_000_000);
      results[i]!.mock.push(round % 2 === 0 ? first : second);
      results[i]!.bare.push(round % 2 === 0 ? second : first);
    }
  }
  for (const [i, [proto, m, b]] of pairs.entries()) {
    push(
      `5-${proto.toLowerCase()}`,
      `standalone mock server, ${concurrency} in flight, ${proto} (req/s)`,
      "req/s",
      results[i]!.mock,
      results[i]!.bare,
      `bare node:${proto === "HTTP" ? "http" : "https"}, same bytes`,
      "≥ 0.5",
      (r) => r >= 0.5,
      rate,
    );
    m.agent.destroy();
    b.agent.destroy();
  }
  notes.push(
    `Figure 5: GET ${MOCK_PATH}, ${sample.body.length}-byte answer, mock seeded with ${num("volumes")} volumes.`,
  );
  await bare.stop();
  await mock.stop();
}

/**
 * Figure 7: purekit vs Python clients, same mock, sequential: 7 against the urllib3
 * stand-in (runs everywhere), 7b against the vendor's py-pure-client when it can be
 * imported (see bench/python.ts). Both sides call the same REST version (`--py-version`).
 */
async function pythonFigures(): Promise<void> {
  const missing = pythonMissing();
  if (missing !== undefined) {
    notes.push(`Figure 7 not measured: ${missing}.`);
    return;
  }
  const version = values["py-version"] as FlashArrayVersion;
  const path = `/api/${version}/volumes?limit=10`;
  const mock = await startChild<{ httpPort: number; httpsPort: number; apiToken: string }>(
    ["--role", "mock", "--certs", certFile, "--volumes", "100", "--versions", version],
    120_000,
  );
  children.push(mock);
  const url = `https://127.0.0.1:${mock.hello.httpsPort}`;
  const caFile = join(work, "ca.pem");
  writeFileSync(caFile, certs.caPem);
  const sdk = pySdk();
  const standin = await startPython({ kind: "standin", path }, url, caFile, mock.hello.apiToken);
  const sdkPath = "pythonPath" in sdk ? sdk.pythonPath : undefined;
  const real =
    sdkPath !== undefined
      ? await startPython(
          { kind: "sdk", version, limit: 10, pythonPath: sdkPath },
          url,
          caFile,
          mock.hello.apiToken,
        )
      : undefined;
  const pk = await purekitOnMock(url, certs.caPem, mock.hello.apiToken, version);
  try {
    const budget = num("py-ms");
    log(`figure 7: ${rounds} rounds × ${budget} ms of sequential GET ${path}, purekit vs Python`);
    // Warm-up: JIT, connections, operation tables, the SDK's model classes.
    await pk.round(1000, 1000);
    await standin.round(1000, 1000);
    await real?.round(300, 1000);
    const cps = (r: PyRound) => r.calls / (r.wallMs / 1000);
    const [p, f] = await interleave<PyRound>(
      rounds,
      () => pk.round(1_000_000, budget),
      () => standin.round(1_000_000, budget),
    );
    push(
      "7",
      `sequential calls/s, same standalone mock (HTTPS), FA ${version}`,
      "calls/s",
      p.map(cps),
      f.map(cps),
      "Python urllib3 stand-in, no model layer",
      real === undefined ? "≥ 1.5 (moonshot 2.0)" : "— (upper bound of 7b's baseline)",
      (r) => (real === undefined ? r >= 1.5 : undefined),
      rate,
    );
    if (real !== undefined) {
      const [p2, s2] = await interleave<PyRound>(
        rounds,
        () => pk.round(1_000_000, budget),
        () => real.round(1_000_000, budget),
      );
      push(
        "7b",
        `same, against the vendor's SDK, FA ${version}`,
        "calls/s",
        p2.map(cps),
        s2.map(cps),
        `py-pure-client ${real.sdkVersion ?? "?"} (get_volumes)`,
        "≥ 1.5 (moonshot 2.0)",
        (r) => r >= 1.5,
        rate,
      );
      notes.push(
        `Figure 7b runs the vendor's py-pure-client ${real.sdkVersion ?? ""} (${process.env.PUREKIT_PY_PURE_CLIENT ? `checkout ${process.env.PUREKIT_PY_PURE_CLIENT}` : "installed"}${sdkPath?.includes("py-stubs") ? "; PyJWT and paramiko missing, bench/py-stubs placeholders loaded" : ""}): its whole call path, models included. Figure 7's stand-in skips the model layer, so it is an upper bound of the SDK's rate.`,
      );
    } else {
      notes.push(
        `Figure 7's Python side is bench/py-client.py (urllib3, session + X-Request-ID headers, json.loads, no model objects): faster than the real py-pure-client, so the ratio understates purekit's lead. 7b (the SDK itself) not measured: ${"missing" in sdk ? sdk.missing : ""}.`,
      );
    }
    notes.push("Figure 7: the mock's own time is in both sides of each ratio.");
  } finally {
    standin.stop();
    real?.stop();
    await pk.close();
    await mock.stop();
  }
}

async function generateFigures(): Promise<void> {
  // As bench/generate.ts (which runs on import, so it cannot be imported): one run each.
  const { measure } = await import("./measure.ts");
  const { parseSpecText } = await import("../generator/emit.ts");
  const { manifest, REPO_ROOT, resolveSpec } = await import("../spec/index.ts");
  log("figure 6: purekit generate, all specs (forced), then the openapi-typescript CLI once per spec");
  const ours = await measure(
    process.execPath,
    ["cli/bin.mjs", "generate", "--force", "--quiet", "--out", join(work, "out")],
    REPO_ROOT,
  );
  if (ours.code !== 0) throw new Error(`purekit generate failed: ${ours.stderr}`);
  const specs = join(work, "specs");
  mkdirSync(specs);
  let total = 0;
  let peak = 0;
  const cli = join(REPO_ROOT, "node_modules", "openapi-typescript", "bin", "cli.js");
  for (const entry of manifest.specs) {
    const { bytes } = await resolveSpec(entry, { offline: true });
    const doc = parseSpecText(new TextDecoder().decode(bytes), entry.file) as {
      info?: Record<string, unknown>;
    };
    delete doc.info?.["x-logo"]; // the unpublished $ref the CLI cannot read
    const file = join(specs, `${entry.file}.json`);
    writeFileSync(file, JSON.stringify(doc));
    const m = await measure(process.execPath, [cli, file, "-o", join(work, `${entry.file}.ts`)]);
    if (m.code !== 0) throw new Error(`openapi-typescript failed on ${entry.file}: ${m.stderr}`);
    total += m.ms;
    peak = Math.max(peak, m.peakMb);
  }
  const n = manifest.specs.length;
  push(
    "6-mem",
    `generate all ${n} specs: peak memory`,
    "MB",
    [ours.peakMb],
    [peak],
    "openapi-typescript CLI per spec (max)",
    "≤ 1.5×",
    (r) => r <= 1.5,
    mb,
  );
  push(
    "6-time",
    `generate all ${n} specs: time`,
    "s",
    [ours.ms / 1000],
    [total / 1000],
    "openapi-typescript CLI, sum over specs",
    "≤ 0.3×",
    (r) => r <= 0.3,
    (v) => `${v.toFixed(1)} s`,
  );
  notes.push("Figure 6 is one run of each (minutes); no rounds.");
}

function push(
  id: string,
  name: string,
  unit: string,
  purekit: number[],
  baseline: number[],
  baselineName: string,
  goal: string,
  meets: (ratio: number) => boolean | undefined,
  format: (v: number) => string,
  raw?: unknown,
): void {
  const ratio = pairedRatio(purekit, baseline);
  const figure: Figure = {
    id,
    name,
    unit,
    purekit: summarize(purekit),
    baseline: summarize(baseline),
    baselineName,
    ratio,
    goal,
    met: meets(ratio.median),
    format,
    raw: { purekit, baseline, ...(raw === undefined ? {} : { rounds: raw }) },
  };
  figures.push(figure);
  log(
    `  ${id} ${name}: ${show(figure.purekit, format)} vs ${show(figure.baseline, format)}, ratio ${showRatio(ratio)}`,
  );
}

let failure: unknown;
try {
  if (["1", "2", "3", "4"].some((f) => only.has(f))) await clientFigures();
  if (only.has("5")) await mockFigures();
  if (only.has("7")) await pythonFigures();
  if (only.has("6")) await generateFigures();
} catch (error) {
  failure = error;
} finally {
  for (const c of children) await c.stop();
  rmSync(work, { recursive: true, force: true });
}

const loadAfter = loadavg();
figures.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)); // 1, 2, 3, 3b, 4, …
const rows = figures.map((f) => [
  f.name,
  show(f.purekit, f.format),
  `${f.baselineName}: ${show(f.baseline, f.format)}`,
  showRatio(f.ratio),
  f.goal,
  f.met === undefined ? "—" : f.met ? "yes" : "no",
]);
if (!only.has("6"))
  rows.push([
    "generate all specs: peak memory / time",
    "not run",
    "pass --generate (minutes)",
    "—",
    "≤ 1.5× at ≤ 0.3× the time",
    "—",
  ]);
console.log(
  `\npurekit bench, ${started.toISOString()}, node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}; ` +
    `load average ${loadBefore.map((l) => l.toFixed(2)).join(" ")} before, ${loadAfter.map((l) => l.toFixed(2)).join(" ")} after`,
);
if (["1", "2", "3", "4", "5", "7"].some((f) => only.has(f))) {
  console.log(
    `median [min–max] over ${rounds} interleaved rounds (figure 4: over ${values.cold} processes per side; 5: ${values["mock-rounds"]} rounds)\n`,
  );
}
console.log(table(["figure", "purekit", "baseline", "ratio", "goal", "met"], rows));
for (const note of notes) console.log(`- ${note}`);

const resultsDir = fileURLToPath(new URL("./results/", import.meta.url));
mkdirSync(resultsDir, { recursive: true });
const out = join(resultsDir, `all-${started.toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(
  out,
  `${JSON.stringify(
    {
      started: started.toISOString(),
      finished: new Date().toISOString(),
      command: process.argv.slice(1).join(" "),
      options: values,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().map((c) => c.model),
      loadavg: { before: loadBefore, after: loadAfter },
      figures: figures.map(({ format: _f, ...f }) => f),
      notes,
      ...(failure === undefined ? {} : { failure: String((failure as Error).stack ?? failure) }),
    },
    null,
    2,
  )}\n`,
);
console.log(`\nJSON: ${out}`);
if (failure !== undefined) {
  console.error(failure);
  process.exitCode = 1;
}
