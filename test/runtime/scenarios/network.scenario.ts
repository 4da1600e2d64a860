/**
 * Proxies and client certificates on both runtimes, where the platform adapters differ
 * (runtime/transport/node.ts, deno.ts): loopback HTTP CONNECT proxies that count their
 * tunnels (test/helpers/proxy.ts), an HTTPS mock array, and an HTTPS server that requires
 * a client certificate (test/helpers/tls.ts), all started per scenario with `node:*`
 * servers both runtimes run. The Node-only matrix (IPv6, gateway paths, the CLI) is
 * test/runtime/network.test.ts.
 */

import assert from "node:assert/strict";
import process from "node:process";
import { createFlashArrayMock } from "../../../mock/index.ts";
import { createSelfSignedCertificate } from "../../../mock/tls/index.ts";
import { createFlashArrayClient } from "../../../runtime/flasharray.ts";
import { PurekitError } from "../../../runtime/index.ts";
import { type ClientCertificates, createClientCertificates } from "../../helpers/client-cert.ts";
import { capturingLogger } from "../../helpers/logs.ts";
import { type ConnectProxy, closedPort, startConnectProxy } from "../../helpers/proxy.ts";
import { describe, it, onDeno } from "../../helpers/scenario.ts";
import { type LoopbackServer, serveMock } from "../../helpers/serve.ts";
import { startHttpsServer } from "../../helpers/tls.ts";

const certs = await createSelfSignedCertificate();
const array = createFlashArrayMock({ version: "2.56" });
const auth = { apiToken: array.apiToken };
const tls = { ca: certs.caPem };
/** Every message the scenarios saw, scanned for secrets last. */
const { seen, logger } = capturingLogger();
const PROXY_CREDENTIALS = { username: "scenario-proxy-user", password: "scen4rio-pr0xy-pw" };

type Outcome = { ok: true; volumes: number } | { ok: false; code: string; message: string };

/** Connects, lists one volume, closes: what happened. */
async function attempt(host: string, options: Record<string, unknown>): Promise<Outcome> {
  try {
    const fa = await createFlashArrayClient({ host, auth, logger, retry: { retries: 0 }, ...options });
    try {
      const page = await fa.getVolumes({ limit: 1 });
      return { ok: true, volumes: page.items?.length ?? 0 };
    } finally {
      await fa.close();
    }
  } catch (error) {
    if (!(error instanceof PurekitError)) throw error;
    seen.push(error.message, String(error.stack), String((error.cause as Error | undefined)?.message));
    return { ok: false, code: error.code, message: error.message };
  }
}
const OK = { ok: true, volumes: 1 };

const PROXY_VARS = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"];
/** Runs `fn` with exactly these proxy variables, then puts the environment back. */
async function withProxyEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = PROXY_VARS.map((name) => [name, process.env[name]] as const);
  for (const name of PROXY_VARS) delete process.env[name];
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Starts the array's HTTPS server and `proxies` CONNECT proxies, runs `fn`, stops them all. */
async function withServer(
  proxies: Parameters<typeof startConnectProxy>[0][],
  fn: (server: LoopbackServer, ...proxies: ConnectProxy[]) => Promise<void>,
): Promise<void> {
  const server = await serveMock(array, { cert: certs.certPem, key: certs.keyPem });
  const started = await Promise.all(proxies.map((options) => startConnectProxy(options)));
  try {
    await withProxyEnv({}, () => fn(server, ...started));
  } finally {
    await Promise.all([server, ...started].map((s) => s.close()));
  }
}

/** Client certificates and a server requiring them (the array behind it), for `fn`. */
async function withMutualTls(fn: (url: string, client: ClientCertificates) => Promise<void>): Promise<void> {
  const client = createClientCertificates();
  const mtls = await startHttpsServer(
    (request) => {
      const url = new URL(request.url);
      return array.fetch(new Request(`${array.baseUrl}${url.pathname}${url.search}`, request));
    },
    certs,
    { clientCa: client.caPem },
  );
  try {
    await withProxyEnv({}, () => fn(mtls.url, client));
  } finally {
    await mtls.close();
    client.remove();
  }
}

describe("proxies", () => {
  it("the proxy option tunnels, with tls.ca verifying the array inside the tunnel", async () => {
    await withServer([{}], async (server, proxy) => {
      assert.deepEqual(await attempt(server.url, { tls, proxy: proxy?.url }), OK);
      assert.ok(proxy?.tunnels.includes(`127.0.0.1:${server.port}`), String(proxy?.tunnels));
    });
  });

  it("HTTPS_PROXY tunnels; NO_PROXY matching the host bypasses it", async () => {
    await withServer([{}, {}], async (server, env, bypassed) => {
      assert.deepEqual(await withProxyEnv({ HTTPS_PROXY: env!.url }, () => attempt(server.url, { tls })), OK);
      assert.ok(env!.tunnels.length >= 1);
      const noProxy = { HTTPS_PROXY: bypassed!.url, NO_PROXY: "127.0.0.1" };
      assert.deepEqual(await withProxyEnv(noProxy, () => attempt(server.url, { tls })), OK);
      assert.deepEqual(bypassed!.tunnels, []);
    });
  });

  it("proxy: false connects directly although HTTPS_PROXY is set, and still verifies", async () => {
    await withServer([{}], async (server, off) => {
      const env = { HTTPS_PROXY: off!.url };
      assert.deepEqual(await withProxyEnv(env, () => attempt(server.url, { tls, proxy: false })), OK);
      const unverified = await withProxyEnv(env, () => attempt(server.url, { proxy: false }));
      assert.equal(unverified.ok, false);
      assert.equal(!unverified.ok && unverified.code, "ERR_TLS");
      assert.deepEqual(off!.tunnels, []);
    });
  });

  it("a proxy wanting credentials: ERR_PROXY naming it and 407; credentials in its URL pass as Basic", async () => {
    await withServer([{ credentials: PROXY_CREDENTIALS }], async (server, guarded) => {
      const refused = await attempt(server.url, { tls, proxy: guarded!.url });
      assert.ok(!refused.ok);
      assert.equal(refused.code, "ERR_PROXY");
      assert.ok(refused.message.includes(guarded!.url), refused.message);
      assert.match(refused.message, /407/);
      const { username, password } = PROXY_CREDENTIALS;
      const withCredentials = `http://${username}:${password}@127.0.0.1:${guarded!.port}`;
      assert.deepEqual(await attempt(server.url, { tls, proxy: withCredentials }), OK);
      assert.ok(guarded!.authorizations.includes(`Basic ${btoa(`${username}:${password}`)}`));
    });
  });

  it("a closed proxy, a refusing proxy and a socks5 URL each fail saying which", async () => {
    await withServer([{ denyWith: 403 }], async (server, deny) => {
      const closed = `http://127.0.0.1:${await closedPort()}`;
      const unreachable = await attempt(server.url, { tls, proxy: closed });
      assert.ok(!unreachable.ok);
      assert.equal(unreachable.code, "ERR_PROXY");
      assert.ok(
        unreachable.message.startsWith(`The proxy ${closed} (from the proxy option) could not be reached`),
        unreachable.message,
      );
      const denied = await attempt(server.url, { tls, proxy: deny!.url });
      assert.ok(!denied.ok);
      assert.equal(denied.code, "ERR_PROXY");
      assert.ok(
        denied.message.includes(`${deny!.url} (from the proxy option) refused a tunnel`),
        denied.message,
      );
      const socks = await attempt(server.url, { tls, proxy: "socks5://127.0.0.1:1080" });
      assert.equal(!socks.ok && socks.code, "ERR_INVALID_ARGUMENT");
    });
  });
});

describe("client certificates", () => {
  it("PEM, and an encrypted key with its passphrase, are presented; a wrong passphrase is ERR_KEY_WRONG_PASSWORD", async () => {
    await withMutualTls(async (url, client) => {
      const mtls = { ca: certs.caPem, cert: client.certPem };
      assert.deepEqual(await attempt(url, { tls: { ...mtls, key: client.keyPem } }), OK);
      const encrypted = { ...mtls, key: client.encryptedKeyPem, passphrase: client.passphrase };
      assert.deepEqual(await attempt(url, { tls: encrypted }), OK);
      const wrong = await attempt(url, { tls: { ...encrypted, passphrase: "wrong-pass-9" } });
      assert.equal(!wrong.ok && wrong.code, "ERR_KEY_WRONG_PASSWORD");
    });
  });

  it("none is ERR_TLS saying one is required; another certificate's key is ERR_TLS saying so", async () => {
    await withMutualTls(async (url, client) => {
      const none = await attempt(url, { tls });
      assert.ok(!none.ok);
      assert.equal(none.code, "ERR_TLS");
      assert.match(none.message, /requires a client certificate/);
      const mismatch = await attempt(url, {
        tls: { ca: certs.caPem, cert: client.certPem, key: client.strangerKeyPem },
      });
      assert.ok(!mismatch.ok);
      assert.equal(mismatch.code, "ERR_TLS");
      assert.match(mismatch.message, /not the private key of the certificate/);
    });
  });

  it("a client certificate through a proxy, and directly with proxy: false while HTTPS_PROXY is set", async () => {
    await withMutualTls(async (url, client) => {
      const [proxy, off] = await Promise.all([startConnectProxy(), startConnectProxy()]);
      try {
        const mtls = { ca: certs.caPem, cert: client.certPem, key: client.keyPem };
        assert.deepEqual(await attempt(url, { tls: mtls, proxy: proxy.url }), OK);
        assert.ok(proxy.tunnels.includes(new URL(url).host), String(proxy.tunnels));
        const env = { HTTPS_PROXY: off.url };
        assert.deepEqual(await withProxyEnv(env, () => attempt(url, { tls: mtls, proxy: false })), OK);
        assert.deepEqual(off.tunnels, []);
      } finally {
        await Promise.all([proxy.close(), off.close()]);
      }
    });
  });

  // One name on both runtimes (the Deno run is checked against Node's list of names).
  it("tls.pfx: presented on Node; on Deno, whose HttpClient takes PEM only, ERR_TLS saying how to convert it", async () => {
    await withMutualTls(async (url, client) => {
      const outcome = await attempt(url, {
        tls: { ca: certs.caPem, pfx: client.pfx, passphrase: client.pfxPassword },
      });
      if (onDeno) {
        assert.ok(!outcome.ok);
        assert.equal(outcome.code, "ERR_TLS");
        assert.match(outcome.message, /not supported on Deno/);
      } else assert.deepEqual(outcome, OK);
    });
  });
});

it("network: no proxy password, passphrase or key body in any error the scenarios saw", () => {
  assert.ok(seen.length >= 10, `only ${seen.length} lines were collected`);
  const text = seen.join("\n");
  assert.ok(!text.includes(PROXY_CREDENTIALS.password));
  assert.ok(!text.includes(btoa(`${PROXY_CREDENTIALS.username}:${PROXY_CREDENTIALS.password}`)));
  assert.ok(!text.includes(array.apiToken));
  assert.ok(!text.includes("client-key-pass"));
  assert.ok(!text.includes("pfx-pass-1234"));
  assert.doesNotMatch(text, /-----BEGIN [A-Z ]*PRIVATE KEY-----\s*[A-Za-z0-9+/]{16}/);
});
