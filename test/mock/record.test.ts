/**
 * Record and replay: `purekit mock record` as a proxy in front of one mock (served over
 * HTTP on loopback), the purekit client working through it, then a second mock seeded
 * from the folder answering the same listings, with no secret of the session in the folder.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createFlashArrayMock } from "../../mock/index.ts";
import { REDACTED, SEED_MANIFEST } from "../../mock/recorder.ts";
import { startNodeMockServer } from "../../mock/server/node.ts";
import { createFlashArrayClient, type FlashArrayClient } from "../../runtime/flasharray.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const PASSWORD = "Rec0rd-Secret-Pw!";
const API_TOKEN = "T-record-secret-0001";
const CHAP_SECRET = "Chap-S3cret-9988";
const GIB = 1024 ** 3;

/** Starts the recorder CLI; resolves with its proxy URL once it prints it. */
function startRecorder(target: string, out: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "cli/mock.ts", "record", "--target", target, "--out", out, "--json"],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    let text = "";
    const timer = setTimeout(() => reject(new Error(`recorder did not start: ${stderr}`)), 30_000);
    child.stdout?.on("data", (d: Buffer) => {
      text += d.toString();
      if (text.includes("\n")) {
        clearTimeout(timer);
        resolve({ child, url: (JSON.parse(text.split("\n")[0] as string) as { url: string }).url });
      }
    });
    child.once("exit", (code) => reject(new Error(`recorder exited ${code}: ${stderr}`)));
  });
}

async function listAll(fa: FlashArrayClient) {
  const volumes = [];
  for await (const v of fa.paginate("/volumes", { params: { query: { limit: 7 } } })) volumes.push(v);
  const hosts = (await fa.unwrap(fa.GET("/hosts"))).items ?? [];
  const groups = (await fa.unwrap(fa.GET("/host-groups"))).items ?? [];
  return { volumes, hosts, groups };
}

describe("purekit mock record, then replay with seed: DIR", async () => {
  const dir = await mkdtemp(join(tmpdir(), "purekit-record-test-"));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("replays the same listings, stateful on top, with no secret of the recorded session in the folder", async () => {
    const source = createFlashArrayMock({
      seed: { volumes: 30, hosts: 4 },
      baseUrl: "http://127.0.0.1",
      users: [{ username: "pureuser", password: PASSWORD }],
      apiTokens: [API_TOKEN],
    });
    const server = await startNodeMockServer(source, { port: 0 });
    const out = join(dir, "seed");
    const { child, url } = await startRecorder(server.url, out);
    let recorded: Awaited<ReturnType<typeof listAll>>;
    // Session tokens the source issued, taken before the clients log out.
    const sessions = new Set<string>();
    const noteSessions = () => {
      for (const token of source.state.credentials.sessions.keys()) sessions.add(token);
    };
    try {
      // A password login (REST 1.x auth/apitoken, then a session) and an API-token client, through the proxy.
      const byPassword = await createFlashArrayClient({
        host: url,
        auth: { username: "pureuser", password: PASSWORD },
      });
      await byPassword.unwrap(
        byPassword.POST("/hosts", {
          params: { query: { names: ["chap-host"] } },
          body: { chap: { host_user: "initiator", host_password: CHAP_SECRET } },
        }),
      );
      await byPassword.unwrap(
        byPassword.POST("/host-groups", { params: { query: { names: ["hg1"] } }, body: {} }),
      );
      await byPassword.close();
      const byToken = await createFlashArrayClient({ host: url, auth: { apiToken: API_TOKEN } });
      recorded = await listAll(byToken);
      noteSessions();
      await byToken.close();
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      await server.close();
    }
    expect(recorded.volumes).toHaveLength(30);

    // The folder: a manifest and one file per path, no secret of the session anywhere.
    const files = await readdir(out);
    expect(files).toContain(SEED_MANIFEST);
    const manifest = JSON.parse(await readFile(join(out, SEED_MANIFEST), "utf8"));
    expect(manifest).toMatchObject({ format: 1, product: "flasharray", versions: [source.versions.at(-1)] });
    expect(Object.keys(manifest.files)).toEqual(
      expect.arrayContaining(["/volumes", "/hosts", "/host-groups"]),
    );
    const text = (await Promise.all(files.map((f) => readFile(join(out, f), "utf8")))).join("\n");
    expect(sessions.size).toBeGreaterThanOrEqual(1);
    for (const secret of [PASSWORD, API_TOKEN, CHAP_SECRET, ...sessions]) expect(text).not.toContain(secret);
    expect(text).toContain(REDACTED);

    // Replay: the same listings from a fresh mock seeded with the folder.
    const replay = createFlashArrayMock({ seed: out });
    const fa = await createFlashArrayClient({
      host: replay.baseUrl,
      auth: { apiToken: replay.apiToken },
      fetch: replay.fetch,
    });
    const replayed = await listAll(fa);
    expect(replayed.volumes).toEqual(recorded.volumes);
    expect(replayed.groups).toEqual(recorded.groups);
    const withoutChap = (hosts: typeof recorded.hosts) => hosts.map(({ chap: _c, ...h }) => h);
    expect(withoutChap(replayed.hosts)).toEqual(withoutChap(recorded.hosts));
    expect(replayed.hosts.find((h) => h.name === "chap-host")?.chap?.host_password).toBe(REDACTED);

    // Stateful on top of the recording.
    await fa.unwrap(
      fa.POST("/volumes", { params: { query: { names: ["after-replay"] } }, body: { provisioned: GIB } }),
    );
    await fa.unwrap(fa.DELETE("/hosts", { params: { query: { names: ["chap-host"] } } }));
    const after = await listAll(fa);
    expect(after.volumes).toHaveLength(31);
    expect(after.hosts.map((h) => h.name)).not.toContain("chap-host");
    await fa.close();
  }, 90_000);

  it("purekit mock flasharray --seed DIR serves the recording over HTTP", async () => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "cli/mock.ts",
        "flasharray",
        "--seed",
        join(dir, "seed"),
        "--http",
        "--port",
        "0",
        "--json",
      ],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      const info = await new Promise<{ url: string; apiToken: string }>((resolve, reject) => {
        let text = "";
        const timer = setTimeout(() => reject(new Error("mock did not start")), 30_000);
        child.stdout?.on("data", (d: Buffer) => {
          text += d.toString();
          if (text.includes("\n")) {
            clearTimeout(timer);
            resolve(JSON.parse(text.split("\n")[0] as string));
          }
        });
      });
      const fa = await createFlashArrayClient({ host: info.url, auth: { apiToken: info.apiToken } });
      const volumes = await fa.unwrap(fa.GET("/volumes", { params: { query: { total_item_count: true } } }));
      expect(volumes.total_item_count).toBe(30);
      await fa.close();
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  }, 60_000);
});
