/**
 * Figure 7 of `bench/all.ts`: sequential calls per second of the purekit FlashArray
 * client against a Python client in the py-pure-client style (`bench/py-client.py`:
 * urllib3, session header, X-Request-ID, JSON parsing; no model layer, so faster than
 * the real SDK), both talking to the same standalone mock over HTTPS.
 *
 * The real py-pure-client cannot be installed here (CI reaches the npm registry only);
 * the issue allows this stand-in. The Python process stays up between rounds so its
 * start-up is not counted, as the purekit client's is not.
 */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { createInterface } from "node:readline";

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

export interface PyClient {
  round(calls: number, ms: number): Promise<PyRound>;
  stop(): void;
}

/** Starts `bench/py-client.py` logged in to the mock; resolves when it is ready. */
export async function startPython(
  url: string,
  caFile: string,
  apiToken: string,
  path: string,
): Promise<PyClient> {
  const script = new URL("./py-client.py", import.meta.url).pathname;
  const child: ChildProcessWithoutNullStreams = spawn("python3", [script, url, caFile, apiToken, path]);
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    const line = await lines.next();
    if (line.done) throw new Error(`bench/py-client.py ended: ${stderr.trim().slice(-500)}`);
    return JSON.parse(line.value) as Record<string, unknown>;
  };
  const hello = await next();
  if (hello.ready !== true) throw new Error(`bench/py-client.py: unexpected hello ${JSON.stringify(hello)}`);
  return {
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
): Promise<{ round(calls: number, ms: number): Promise<PyRound>; close(): Promise<void> }> {
  const { createFlashArrayClient } = await import("../runtime/flasharray.ts");
  const fa = await createFlashArrayClient({
    host: url,
    auth: { apiToken },
    tls: { ca: caPem },
    proxy: false,
    version: "2.56",
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
