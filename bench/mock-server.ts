/**
 * Request rate of the standalone mock server against a bare node:http server that
 * answers the same JSON, measured in one run:
 *
 *   node --import tsx bench/mock-server.ts [--seconds 5] [--concurrency 32] [--volumes 10000]
 *
 * Each server runs in its own child process; this process is the load generator
 * (keep-alive sockets, fixed concurrency, GET /api/2.56/volumes?limit=10 with a
 * session for the mock). Prints req/s of both and their ratio.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { Agent, createServer, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const PATH = "/api/2.56/volumes?limit=10";

const { values } = parseArgs({
  options: {
    serve: { type: "string" },
    body: { type: "string" },
    seconds: { type: "string", default: "5" },
    concurrency: { type: "string", default: "32" },
    volumes: { type: "string", default: "10000" },
  },
});

/** Child mode: start one server, print its port, serve until killed. */
async function serve(kind: string): Promise<void> {
  process.on("SIGTERM", () => process.exit(0)); // exit cleanly (lets --cpu-prof write its profile)
  if (kind === "bare") {
    const { readFileSync } = await import("node:fs");
    const body = readFileSync(values.body as string);
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
      res.end(body);
    });
    server.keepAliveTimeout = 5_000;
    server.listen(0, "127.0.0.1", () =>
      console.log(JSON.stringify({ port: (server.address() as { port: number }).port })),
    );
    return;
  }
  const { createFlashArrayMock } = await import("../mock/index.ts");
  const { startNodeMockServer } = await import("../mock/server/node.ts");
  const array = createFlashArrayMock({ seed: { volumes: Number(values.volumes) } });
  await array.ready;
  const server = await startNodeMockServer(array, { port: 0 });
  console.log(JSON.stringify({ port: server.port, apiToken: array.apiToken }));
}

function start(args: string[]): Promise<{ child: ChildProcess; info: { port: number; apiToken?: string } }> {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("\n")) resolve({ child, info: JSON.parse(out.split("\n")[0] as string) });
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function once(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

/** Keeps `concurrency` requests in flight for `seconds`; returns completed requests per second. */
async function load(
  port: number,
  headers: Record<string, string>,
  seconds: number,
  concurrency: number,
): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const run = async (ms: number) => {
    const end = performance.now() + ms;
    let done = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < end) {
          const res = await once(agent, port, "GET", PATH, headers);
          if (res.status !== 200)
            throw new Error(`status ${res.status}: ${res.body.toString().slice(0, 200)}`);
          done++;
        }
      }),
    );
    return done;
  };
  await run(1000); // warm-up: JIT, sockets
  const started = performance.now();
  const done = await run(seconds * 1000);
  agent.destroy();
  return done / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const seconds = Number(values.seconds);
  const concurrency = Number(values.concurrency);
  const mock = await start(["--serve", "mock", "--volumes", values.volumes as string]);
  const agent = new Agent({ keepAlive: true });
  const login = await once(agent, mock.info.port, "POST", "/api/2.56/login", {
    "api-token": mock.info.apiToken as string,
  });
  const session = login.headers["x-auth-token"] as string;
  const sample = await once(agent, mock.info.port, "GET", PATH, { "x-auth-token": session });
  agent.destroy();
  const bodyFile = join(tmpdir(), `purekit-bench-${process.pid}.json`);
  writeFileSync(bodyFile, sample.body);
  const bare = await start(["--serve", "bare", "--body", bodyFile]);
  try {
    const bareRate = await load(bare.info.port, {}, seconds, concurrency);
    const mockRate = await load(mock.info.port, { "x-auth-token": session }, seconds, concurrency);
    const fmt = (n: number) => Math.round(n).toLocaleString("en-US").padStart(9);
    console.log(
      `GET ${PATH} (${sample.body.length} bytes), ${concurrency} in flight, ${seconds} s each, ${values.volumes} volumes`,
    );
    console.log(`bare node:http       ${fmt(bareRate)} req/s`);
    console.log(`purekit mock server  ${fmt(mockRate)} req/s`);
    console.log(`ratio mock/bare      ${(mockRate / bareRate).toFixed(2)}`);
  } finally {
    bare.child.kill();
    mock.child.kill();
  }
}

if (values.serve) await serve(values.serve);
else await main();
