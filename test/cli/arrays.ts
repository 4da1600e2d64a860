/**
 * The arrays the token commands talk to: mock arrays behind real loopback HTTPS servers
 * whose CA the CLI is given as a file, and the checks that a printed token is a live
 * credential (the mock accepts it).
 */
import { writeFileSync } from "node:fs";
import type { MockArray } from "../../mock/index.ts";
import { createSelfSignedCertificate, type SelfSignedCertificate } from "../../mock/tls/index.ts";
import { type HttpsTestServer, startHttpsServer, type WebHandler } from "../helpers/tls.ts";

export interface TestCa {
  /** Certificate and key the servers present. */
  certs: SelfSignedCertificate;
  /** The CA certificate as a file, for `--ca` / `PURE_CA_FILE`. */
  caFile: string;
}

/** A fresh self-signed CA whose certificate is written to `caFile`. */
export async function writeTestCa(caFile: string): Promise<TestCa> {
  const certs = await createSelfSignedCertificate();
  writeFileSync(caFile, certs.caPem);
  return { certs, caFile };
}

/**
 * HTTPS servers with one CA's certificate, all closed by `close()`.
 *
 * @example
 * ```ts
 * const servers = httpsServers(ca.certs);
 * const host = hostOf(await servers.serve((r) => fa.handle(r)));
 * afterAll(() => servers.close());
 * ```
 */
export function httpsServers(certs: SelfSignedCertificate): {
  serve(handler: WebHandler): Promise<HttpsTestServer>;
  close(): Promise<void>;
} {
  const started: HttpsTestServer[] = [];
  return {
    async serve(handler) {
      const server = await startHttpsServer(handler, certs);
      started.push(server);
      return server;
    },
    async close() {
      await Promise.all(started.map((s) => s.close()));
    },
  };
}

/** `127.0.0.1:<port>`: what `--host` takes. */
export const hostOf = (server: HttpsTestServer): string => new URL(server.url).host;

/** The newest REST version a mock serves. */
export const newest = (mock: MockArray): string => mock.versions.at(-1)!;

/** Uses a token on a mock, as a client would; returns the HTTP status. */
export async function statusWith(
  mock: MockArray,
  path: string,
  headers: Record<string, string>,
  method = "GET",
): Promise<number> {
  const res = await mock.handle(new Request(`${mock.baseUrl}${path}`, { method, headers }));
  await res.body?.cancel();
  return res.status;
}

/** GET `/api/<newest>/<resource>` with `Authorization: Bearer <token>`; returns the status. */
export const bearerStatus = (mock: MockArray, resource: string, token: string): Promise<number> =>
  statusWith(mock, `/api/${newest(mock)}/${resource}`, { authorization: `Bearer ${token}` });

/** POST `/api/<newest>/login` with an `api-token` header, as a REST 2 session starts; returns the status. */
export const loginStatus = (mock: MockArray, apiToken: string): Promise<number> =>
  statusWith(mock, `/api/${newest(mock)}/login`, { "api-token": apiToken }, "POST");
