/**
 * The token commands send through the runtime's request pipeline: a busy answer to a GET
 * is retried (one request id across the attempts, the runtime's User-Agent), and a body
 * that stops arriving ends within --timeout with the command line's own message.
 * Real HTTPS servers on loopback; the CLI runs as a subprocess.
 */
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlashArrayMock, type MockArray } from "../../mock/index.ts";
import { type HttpsTestServer, startHttpsServer } from "../helpers/tls.ts";
import { hostOf, loginStatus, writeTestCa } from "./arrays.ts";
import {
  apiTokenArgs,
  expectFailed,
  expectNoSecrets,
  expectQuietSuccess,
  purekit,
  useTempDir,
} from "./helpers.ts";

const USER = "pureuser";
const USER_PASSWORD = "pipeline-user-S3cret!";

const tmp = useTempDir("purekit-cli-pipeline-");
let caFile = "";
let fa: MockArray;
let busyOnce: HttpsTestServer;
const apiVersionCalls: { requestId: string | null; userAgent: string | null }[] = [];
let stalling: Server;
let stallingHost = "";

beforeAll(async () => {
  const { certs, caFile: file } = await writeTestCa(tmp("ca.pem"));
  caFile = file;
  fa = createFlashArrayMock({ users: [{ username: USER, password: USER_PASSWORD }], seed: "empty" });
  await fa.ready;
  // The first api_version answers 503 (busy), as a loaded array does; the rest go to the mock.
  busyOnce = await startHttpsServer(async (request) => {
    if (new URL(request.url).pathname === "/api/api_version") {
      apiVersionCalls.push({
        requestId: request.headers.get("x-request-id"),
        userAgent: request.headers.get("user-agent"),
      });
      if (apiVersionCalls.length === 1) {
        return Response.json({ errors: [{ message: "Service unavailable" }] }, { status: 503 });
      }
    }
    return fa.handle(request);
  }, certs);
  // Answers with headers and the start of a body, then nothing more.
  stalling = createServer({ cert: certs.certPem, key: certs.keyPem }, (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.write('{"version": [');
  });
  await new Promise<void>((resolve) => stalling.listen(0, "127.0.0.1", resolve));
  stallingHost = `127.0.0.1:${(stalling.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await busyOnce?.close();
  stalling?.closeAllConnections();
  await new Promise<void>((resolve) => (stalling ? stalling.close(() => resolve()) : resolve()));
});

describe("purekit token on the runtime's pipeline", () => {
  it("retries a busy api_version (503) with the same request id, then gets the API token", async () => {
    const r = await purekit(apiTokenArgs(hostOf(busyOnce), USER, "-p", USER_PASSWORD, "--ca", caFile));
    const token = expectQuietSuccess(r);
    expect(apiVersionCalls).toHaveLength(2);
    expect(apiVersionCalls[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(apiVersionCalls[1]?.requestId).toBe(apiVersionCalls[0]?.requestId);
    expect(apiVersionCalls[0]?.userAgent).toMatch(/^purekit\//);
    expect(await loginStatus(fa, token)).toBe(200);
    expectNoSecrets(r, [USER_PASSWORD]);
  });

  it("a body that stops arriving ends within --timeout, in the command line's words", async () => {
    const r = await purekit(
      apiTokenArgs(stallingHost, USER, "-p", USER_PASSWORD, "--ca", caFile, "--timeout", "2s"),
    );
    expectFailed(
      r,
      1,
      /^purekit: https:\/\/127\.0\.0\.1:\d+ did not answer within 2 s; check the address, or raise --timeout \[ERR_TIMEOUT\]\n$/,
      [USER_PASSWORD],
    );
  });
});
