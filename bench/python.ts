/**
 * Figure 7 of `bench/all.ts`: sequential calls per second of the purekit FlashArray
 * client against Python clients, all talking to the same standalone mock over HTTPS:
 *
 * - 7: `bench/py-client.py`, a stand-in in the py-pure-client style (urllib3, session
 *   header, X-Request-ID, JSON parsing; no model layer, so faster than the real SDK);
 *   it needs only python3 with urllib3, so it runs everywhere.
 * - 7b: the vendor's py-pure-client itself (`bench/py-sdk.py`), when it can be imported:
 *   installed (`pip install py-pure-client`) or a source checkout named by
 *   `PUREKIT_PY_PURE_CLIENT` (its `pypureclient` folder's parent).
 *
 * The Python processes stay up between rounds so their start-up is not counted, as the
 * purekit client's is not.
 */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { createInterface } from "node:readline";
import type { FlashArrayVersion } from "../runtime/flasharray.ts";

export interface PyRound {
  calls: number;
  wallMs: number;
}

/** Why the Python side cannot run here, or undefined when python3 with urllib3 is available. */
export function pythonMissing(): string | undefined {
  const probe = spawnSync("python3", ["-c", "import urllib3"], { encoding: "utf8" });
  if (probe.error !== undefined) return "python3 not found";
  if (probe.status !== 0) return "python3 has no urllib3 (pip install urllib3)";
  return undefined;
}

/**
 * How to import py-pure-client here: the `PYTHONPATH` to use (empty when it is installed),
 * or why it cannot run. Where PyJWT or paramiko are missing, `bench/py-stubs` (placeholders
 * that raise if called; the API-token path never calls them) goes after the SDK.
 */
export function pySdk(): { pythonPath: string } | { missing: string } {
  const checkout = process.env.PUREKIT_PY_PURE_CLIENT;
  const stubs = new URL("./py-stubs", import.meta.url).pathname;
  const probe = (pythonPath: string, code: string) =>
    spawnSync("python3", ["-c", code], {
      encoding: "utf8",
      env: { ...process.env, PYTHONPATH: pythonPath },
    });
  const base = checkout ?? "";
  const deps = probe(base, "import jwt, paramiko").status === 0;
  const pythonPath = deps ? base : [base, stubs].filter((p) => p !== "").join(":");
  const load = probe(pythonPath, "from pypureclient import flasharray");
  if (load.error !== undefined) return { missing: "python3 not found" };
  if (load.status !== 0) {
    const why = load.stderr.trim().split("\n").pop() ?? "";
    return {
      missing: `py-pure-client cannot be imported (${why}); pip install py-pure-client, or set PUREKIT_PY_PURE_CLIENT to a checkout`,
    };
  }
  return { pythonPath };
}

export interface PyClient {
  round(calls: number, ms: number): Promise<PyRound>;
  stop(): void;
}

/**
 * Starts a Python client logged in to the mock; resolves when it is ready. `standin` runs
 * `bench/py-client.py` on `path`; `sdk` runs `bench/py-sdk.py` (py-pure-client's
 * `get_volumes(limit)` at `version`) with the `PYTHONPATH` from {@link pySdk}.
 */
export async function startPython(
  side:
    | { kind: "standin"; path: string }
    | { kind: "sdk"; version: string; limit: number; pythonPath: string },
  url: string,
  caFile: string,
  apiToken: string,
): Promise<PyClient & { sdkVersion?: string }> {
  const script = new URL(side.kind === "sdk" ? "./py-sdk.py" : "./py-client.py", import.meta.url).pathname;
  const args =
    side.kind === "sdk"
      ? [script, url, caFile, apiToken, side.version, String(side.limit)]
      : [script, url, caFile, apiToken, side.path];
  const env = side.kind === "sdk" ? { ...process.env, PYTHONPATH: side.pythonPath } : process.env;
  const child: ChildProcessWithoutNullStreams = spawn("python3", args, { env });
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    const line = await lines.next();
    if (line.done) throw new Error(`${script} ended: ${stderr.trim().slice(-500)}`);
    return JSON.parse(line.value) as Record<string, unknown>;
  };
  const hello = await next();
  if (hello.ready !== true) throw new Error(`${script}: unexpected hello ${JSON.stringify(hello)}`);
  return {
    ...(typeof hello.sdk === "string" ? { sdkVersion: hello.sdk } : {}),
    async round(calls, ms) {
      child.stdin.write(`round ${calls} ${ms}\n`);
      const r = await next();
      return { calls: Number(r.calls), wallMs: Number(r.wallMs) };
    },
    stop() {
      child.stdin.end();
      child.kill("SIGTERM");
    },
  };
}

/** The purekit side: the same GET through the FlashArray client, sequentially. */
export async function purekitOnMock(
  url: string,
  caPem: string,
  apiToken: string,
  version: FlashArrayVersion,
): Promise<{ round(calls: number, ms: number): Promise<PyRound>; close(): Promise<void> }> {
  const { createFlashArrayClient } = await import("../runtime/flasharray.ts");
  const fa = await createFlashArrayClient({
    host: url,
    auth: { apiToken },
    tls: { ca: caPem },
    proxy: false,
    version,
  });
  const call = async () => {
    const { data, error } = await fa.GET("/volumes", { params: { query: { limit: 10 } } });
    if (error !== undefined || (data?.items?.length ?? 0) === 0)
      throw new Error("purekit: unexpected answer");
  };
  return {
    async round(calls, ms) {
      const t0 = performance.now();
      let done = 0;
      while (done < calls && performance.now() - t0 < ms) {
        await call();
        done++;
      }
      return { calls: done, wallMs: performance.now() - t0 };
    },
    close: () => fa.close(),
  };
}
