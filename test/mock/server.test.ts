/**
 * The standalone server over the network, with real clients: `purekit mock` (the
 * CLI entry) spoken to by curl with the CA it prints — login, a paginated listing,
 * a token exchange and faults — and the Node adapter driven in-process with
 * node:https.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { request as httpsRequest } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlashArrayMock } from "../../mock/index.ts";
import { startNodeMockServer } from "../../mock/server/node.ts";
import { createSelfSignedCertificate } from "../../mock/tls/index.ts";
import { type Json, rsaKeys, signJwt } from "./helpers.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

interface CurlResult {
  code: number;
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Runs curl; `-w` appends the status after a marker so headers, body and status come back apart. */
function curl(args: string[]): Promise<CurlResult> {
  return new Promise((resolve) => {
    execFile(
      "curl",
      ["-sS", "-D", "-", "-w", "\n@@STATUS@@%{http_code}", ...args],
      { timeout: 20_000 },
      (error, stdout) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        const [raw = "", status = "0"] = stdout.split("\n@@STATUS@@");
        const split = raw.indexOf("\r\n\r\n");
        const head = split >= 0 ? raw.slice(0, split) : "";
        const headers: Record<string, string> = {};
        for (const line of head.split("\r\n").slice(1)) {
          const i = line.indexOf(":");
          if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
        }
        resolve({ code, status: Number(status), headers, body: split >= 0 ? raw.slice(split + 4) : "" });
      },
    );
  });
}

const haveCurl = await new Promise<boolean>((resolve) => execFile("curl", ["--version"], (e) => resolve(!e)));

describe.skipIf(!haveCurl)("purekit mock (CLI) over HTTPS, spoken to by curl", () => {
  let child: ChildProcess;
  let info: {
    url: string;
    apiToken: string;
    caFile: string;
    versions: string[];
    users: string[];
    password: string | null;
  };
  let dir = "";
  const CLIENT = { id: "cli-client", key: "cli-key", issuer: "cli-issuer" };
  let privateKey: CryptoKey;
  let stderr = "";

  beforeAll(async () => {
    const keys = await rsaKeys();
    privateKey = keys.privateKey;
    dir = await mkdtemp(join(tmpdir(), "purekit-mock-test-"));
    const pem = join(dir, "public.pem");
    await writeFile(pem, keys.publicPem);
    child = spawn(
      process.execPath,
      [
        // msw unresolvable: the standalone server serves the mock's core without it.
        "--import",
        "./test/helpers/no-msw.mjs",
        "--import",
        "tsx",
        "cli/mock.ts",
        "flasharray",
        "--port",
        "0",
        "--json",
        "--seed",
        "25",
        "--api-token",
        "CLI-TOKEN",
        "--api-client",
        `${pem}:${CLIENT.id}:${CLIENT.key}:${CLIENT.issuer}`,
        "--fault",
        "path=/hosts,status=503,times=1,retry-after=1",
        "--fault",
        "path=/pods,drop",
      ],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    child.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    info = await new Promise((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`no start-up line; stderr: ${stderr}`)), 30_000);
      child.stdout?.on("data", (d: Buffer) => {
        out += d.toString();
        const line = out.split("\n")[0];
        if (out.includes("\n") && line) {
          clearTimeout(timer);
          resolve(JSON.parse(line));
        }
      });
      child.once("exit", (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
  }, 40_000);

  afterAll(async () => {
    if (child.exitCode === null) child.kill("SIGKILL");
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const ca = () => ["--cacert", info.caFile];

  it("prints the URL, the API token and the CA file; binds to loopback", () => {
    expect(info.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(info.apiToken).toBe("CLI-TOKEN");
    expect(existsSync(info.caFile)).toBe(true);
    expect(info.versions).toEqual(["2.56"]);
  });

  it("prints a random password for the default user (no pureuser:pureuser), which gets the API token over REST 1.x", async () => {
    expect(info.users).toEqual(["pureuser"]);
    expect(info.password).toMatch(/^[0-9a-f-]{36}$/);
    const apitoken = (password: string) =>
      curl([
        ...ca(),
        "-X",
        "POST",
        "-H",
        "content-type: application/json",
        "-d",
        JSON.stringify({ username: "pureuser", password }),
        `${info.url}/api/1.19/auth/apitoken`,
      ]);
    expect((await apitoken("pureuser")).status).toBe(401);
    const good = await apitoken(info.password as string);
    expect(good.status).toBe(200);
    expect((JSON.parse(good.body) as Json).api_token).toBe("CLI-TOKEN");
  });

  it("is really HTTPS: curl refuses it without the CA", async () => {
    const res = await curl([`${info.url}/api/api_version`]);
    expect(res.code).toBe(60); // SSL certificate problem
  });

  it("logs in, pages through a listing with continuation tokens, and exchanges a JWT", async () => {
    const version = await curl([...ca(), `${info.url}/api/api_version`]);
    expect(version.status).toBe(200);
    expect((JSON.parse(version.body) as Json).version.at(-1)).toBe("2.56");

    const login = await curl([
      ...ca(),
      "-X",
      "POST",
      "-H",
      "api-token: CLI-TOKEN",
      `${info.url}/api/2.56/login`,
    ]);
    expect(login.status).toBe(200);
    const session = login.headers["x-auth-token"] as string;
    expect(session).toMatch(/^[0-9a-f-]{36}$/);

    const names: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const url: string = `${info.url}/api/2.56/volumes?limit=10${token ? `&continuation_token=${token}` : ""}`;
      const page = await curl([...ca(), "-H", `x-auth-token: ${session}`, url]);
      expect(page.status).toBe(200);
      const body = JSON.parse(page.body) as Json;
      names.push(...body.items.map((i: Json) => i.name));
      expect(page.headers["x-next-token"] ?? null).toBe(body.continuation_token);
      token = body.continuation_token;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(names).toHaveLength(25);
    expect(new Set(names).size).toBe(25);

    const jwt = await signJwt(privateKey, {
      kid: CLIENT.key,
      aud: CLIENT.id,
      iss: CLIENT.issuer,
      sub: "pureuser",
    });
    const exchanged = await curl([
      ...ca(),
      "--data-urlencode",
      "grant_type=urn:ietf:params:oauth:grant-type:token-exchange",
      "--data-urlencode",
      `subject_token=${jwt}`,
      "--data-urlencode",
      "subject_token_type=urn:ietf:params:oauth:token-type:jwt",
      `${info.url}/oauth2/1.0/token`,
    ]);
    expect(exchanged.status).toBe(200);
    const { access_token, token_type } = JSON.parse(exchanged.body) as Json;
    expect(token_type).toBe("Bearer");
    const bearer = await curl([
      ...ca(),
      "-H",
      `Authorization: Bearer ${access_token}`,
      `${info.url}/api/2.56/volumes?limit=1`,
    ]);
    expect(bearer.status).toBe(200);
  });

  it("serves the faults given with --fault: a 503 with Retry-After once, and a dropped connection", async () => {
    const login = await curl([
      ...ca(),
      "-X",
      "POST",
      "-H",
      "api-token: CLI-TOKEN",
      `${info.url}/api/2.56/login`,
    ]);
    const auth = ["-H", `x-auth-token: ${login.headers["x-auth-token"]}`];
    const first = await curl([...ca(), ...auth, `${info.url}/api/2.56/hosts`]);
    expect(first.status).toBe(503);
    expect(first.headers["retry-after"]).toBe("1");
    expect(JSON.parse(first.body)).toEqual({ errors: [{ message: "Service unavailable." }] });
    expect((await curl([...ca(), ...auth, `${info.url}/api/2.56/hosts`])).status).toBe(200);
    const dropped = await curl([...ca(), ...auth, `${info.url}/api/2.56/pods`]);
    expect([52, 56]).toContain(dropped.code); // empty reply / connection reset
  });

  it("stops on SIGTERM with exit code 0 and removes its CA file", async () => {
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(existsSync(info.caFile)).toBe(false);
  });
});

describe("Node adapter in-process, with node:https and the test CA", () => {
  it("answers over TLS, honours latency and truncation faults, and drops connections", async () => {
    const array = createFlashArrayMock({ seed: { volumes: 3 } });
    const certificate = await createSelfSignedCertificate();
    const server = await startNodeMockServer(array, {
      port: 0,
      tls: { cert: certificate.certPem, key: certificate.keyPem },
    });
    const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
      new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
        const req = httpsRequest(
          `${server.url}${path}`,
          { method, headers, ca: certificate.caPem },
          (res) => {
            let body = "";
            res.on("data", (d: Buffer) => {
              body += d.toString();
            });
            res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
          },
        );
        req.on("error", reject);
        req.end();
      });
    try {
      const login = await get("/api/2.56/login", { "api-token": array.apiToken }, "POST");
      const session = login.headers["x-auth-token"] as string;
      expect(login.status).toBe(200);
      array.faults.add({ path: "/volumes", latencyMs: 120, times: 1 });
      const started = performance.now();
      const slow = await get("/api/2.56/volumes", { "x-auth-token": session });
      expect(slow.status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(110);
      array.faults.add({ path: "/volumes", truncate: true, times: 1 });
      const cut = await get("/api/2.56/volumes", { "x-auth-token": session });
      expect(() => JSON.parse(cut.body)).toThrow();
      array.faults.add({ path: "/volumes", drop: true, times: 1 });
      await expect(get("/api/2.56/volumes", { "x-auth-token": session })).rejects.toThrow(
        /socket hang up|ECONNRESET/,
      );
      expect((await get("/api/2.56/volumes", { "x-auth-token": session })).status).toBe(200);
      expect(array.journal.count({ path: "/api/2.56/volumes" })).toBe(4);
    } finally {
      await server.close();
    }
  });
});
