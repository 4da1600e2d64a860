/**
 * The client against real networks on Node: an HTTP CONNECT proxy on loopback that
 * counts its tunnels (option and environment, NO_PROXY, 407, a closed port, TLS inside
 * the tunnel), an HTTPS server that requires a client certificate, an array behind a
 * gateway path, IPv6 hosts, and a per-call timeout. Proxy variables are stubbed per
 * test and restored after each (vi.unstubAllEnvs), so none leaks to another test.
 */

import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { createFlashArrayMock } from "../../mock/index.ts";
import { startNodeMockServer } from "../../mock/server/node.ts";
import { createSelfSignedCertificate } from "../../mock/tls/index.ts";
import { createFlashArrayClient } from "../../runtime/flasharray.ts";
import { normalizeBaseUrl } from "../../runtime/host.ts";
import { PurekitError } from "../../runtime/index.ts";
import { bypasses, proxyFor } from "../../runtime/transport/proxy.ts";
import { purekit } from "../cli/helpers.ts";
import { createClientCertificates } from "../helpers/client-cert.ts";
import { capturingLogger } from "../helpers/logs.ts";
import { closedPort, startConnectProxy } from "../helpers/proxy.ts";
import { startHttpsServer } from "../helpers/tls.ts";

const root = join(import.meta.dirname, "..", "..");
const PROXY_VARS = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"];
/** Every test starts with no proxy in the environment, whatever the machine has. */
function clearProxyEnv(): void {
  for (const name of PROXY_VARS) vi.stubEnv(name, undefined);
}
afterEach(() => {
  vi.unstubAllEnvs();
});

/** Every message the tests saw, scanned for secrets at the end. */
const { seen, logger } = capturingLogger();
const fast = { retry: { retries: 2, minDelayMs: 1, maxDelayMs: 10 }, logger };

async function failure(p: Promise<unknown>): Promise<PurekitError> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof PurekitError)) throw e;
    seen.push(e.message, String(e.stack), JSON.stringify(e), String((e.cause as Error | undefined)?.message));
    return e;
  }
  throw new Error("expected a PurekitError, the call succeeded");
}

const array = createFlashArrayMock({ version: "2.56" });
const certs = await createSelfSignedCertificate();
const server = await startNodeMockServer(array, { port: 0, tls: { cert: certs.certPem, key: certs.keyPem } });
const target = `127.0.0.1:${server.port}`;
const auth = { apiToken: array.apiToken };
afterAll(() => server.close());

describe("proxies", async () => {
  const proxy = await startConnectProxy();
  const PROXY_USER = "proxy-user";
  const PROXY_PASSWORD = "pr0xy-s3cret-pw";
  const guarded = await startConnectProxy({
    credentials: { username: PROXY_USER, password: PROXY_PASSWORD },
  });
  afterAll(async () => {
    await proxy.close();
    await guarded.close();
  });
  const tunnelsBefore = () => proxy.tunnels.length;

  it("the proxy option tunnels every call, with tls.ca verifying the array inside the tunnel", async () => {
    clearProxyEnv();
    const before = tunnelsBefore();
    const fa = await createFlashArrayClient({
      host: server.url,
      auth,
      tls: { ca: certs.caPem },
      proxy: proxy.url,
      ...fast,
    });
    expect((await fa.getVolumes({ limit: 1 })).items).toHaveLength(1);
    await fa.close();
    const opened = proxy.tunnels.slice(before);
    expect(opened.length).toBeGreaterThanOrEqual(1);
    expect(new Set(opened)).toEqual(new Set([target]));
  });

  it("HTTPS_PROXY from the environment is used by default; without tls.ca the array's certificate still fails inside the tunnel", async () => {
    clearProxyEnv();
    vi.stubEnv("HTTPS_PROXY", proxy.url);
    let before = tunnelsBefore();
    const fa = await createFlashArrayClient({ host: server.url, auth, tls: { ca: certs.caPem }, ...fast });
    await fa.getVolumes({ limit: 1 });
    await fa.close();
    expect(proxy.tunnels.length).toBeGreaterThan(before);

    before = tunnelsBefore();
    const untrusted = await failure(createFlashArrayClient({ host: server.url, auth, ...fast }));
    expect(untrusted.code).toBe("ERR_TLS");
    expect(proxy.tunnels.length).toBeGreaterThan(before); // it went through the tunnel, then TLS refused

    before = tunnelsBefore();
    const insecure = await createFlashArrayClient({
      host: server.url,
      auth,
      tls: { insecure: true },
      ...fast,
    });
    await insecure.getVolumes({ limit: 1 });
    await insecure.close();
    expect(proxy.tunnels.length).toBeGreaterThan(before);
  });

  it("lowercase https_proxy and, for https, HTTP_PROXY count too", async () => {
    for (const name of ["https_proxy", "HTTP_PROXY"]) {
      clearProxyEnv();
      vi.stubEnv(name, proxy.url);
      const before = tunnelsBefore();
      const fa = await createFlashArrayClient({ host: server.url, auth, tls: { ca: certs.caPem }, ...fast });
      await fa.close();
      expect(proxy.tunnels.length, name).toBeGreaterThan(before);
    }
  });

  it("NO_PROXY (name, host:port, CIDR, *) and proxy: false go direct", async () => {
    for (const noProxy of [
      "127.0.0.1",
      `127.0.0.1:${server.port}`,
      "127.0.0.0/8",
      "*",
      "example.com, 127.0.0.1",
    ]) {
      clearProxyEnv();
      vi.stubEnv("HTTPS_PROXY", proxy.url);
      vi.stubEnv("NO_PROXY", noProxy);
      const before = tunnelsBefore();
      const fa = await createFlashArrayClient({ host: server.url, auth, tls: { ca: certs.caPem }, ...fast });
      await fa.getVolumes({ limit: 1 });
      await fa.close();
      expect(proxy.tunnels.length, `NO_PROXY=${noProxy}`).toBe(before);
    }
    clearProxyEnv();
    vi.stubEnv("HTTPS_PROXY", proxy.url);
    const before = tunnelsBefore();
    const direct = await createFlashArrayClient({
      host: server.url,
      auth,
      tls: { ca: certs.caPem },
      proxy: false,
      ...fast,
    });
    await direct.close();
    expect(proxy.tunnels.length).toBe(before);
  });

  it("a proxy that wants credentials: 407 is ERR_PROXY naming the proxy; the right ones work; the password never shows", async () => {
    clearProxyEnv();
    const none = await failure(
      createFlashArrayClient({
        host: server.url,
        auth,
        tls: { ca: certs.caPem },
        proxy: guarded.url,
        ...fast,
      }),
    );
    expect(none.code).toBe("ERR_PROXY");
    expect(none.message).toContain(guarded.url);
    expect(none.message).toMatch(/407/);
    expect(none.message).toMatch(/give them in the URL/);

    const wrongUrl = `http://${PROXY_USER}:not-the-pw-123@127.0.0.1:${guarded.port}`;
    const wrong = await failure(
      createFlashArrayClient({ host: server.url, auth, tls: { ca: certs.caPem }, proxy: wrongUrl, ...fast }),
    );
    expect(wrong.code).toBe("ERR_PROXY");
    expect(wrong.message).toMatch(/refused the credentials/);
    expect(wrong.message).not.toContain("not-the-pw-123");
    expect(wrong.message).toContain(guarded.url);

    vi.stubEnv("HTTPS_PROXY", `http://${PROXY_USER}:${PROXY_PASSWORD}@127.0.0.1:${guarded.port}`);
    const before = guarded.tunnels.length;
    const fa = await createFlashArrayClient({ host: server.url, auth, tls: { ca: certs.caPem }, ...fast });
    await fa.getVolumes({ limit: 1 });
    await fa.close();
    expect(guarded.tunnels.length).toBeGreaterThan(before);
    expect(guarded.authorizations).toContain(`Basic ${btoa(`${PROXY_USER}:${PROXY_PASSWORD}`)}`);
  });

  it("a proxy on a closed port is ERR_PROXY naming it, at once (no retries against a dead proxy)", async () => {
    clearProxyEnv();
    const port = await closedPort();
    const error = await failure(
      createFlashArrayClient({
        host: server.url,
        auth,
        tls: { ca: certs.caPem },
        proxy: `http://127.0.0.1:${port}`,
        ...fast,
      }),
    );
    expect(error.code).toBe("ERR_PROXY");
    expect(error.message).toContain(`http://127.0.0.1:${port}`);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.message).toMatch(/the proxy option/);
  });

  it("a proxy that refuses the tunnel (403) is ERR_PROXY saying so", async () => {
    clearProxyEnv();
    const deny = await startConnectProxy({ denyWith: 403 });
    try {
      const error = await failure(
        createFlashArrayClient({
          host: server.url,
          auth,
          tls: { ca: certs.caPem },
          proxy: deny.url,
          ...fast,
        }),
      );
      expect(error.code).toBe("ERR_PROXY");
      expect(error.message).toContain(
        `${deny.url} (from the proxy option) refused a tunnel to ${target} (HTTP 403)`,
      );
      expect(deny.refused).toBe(1); // not retried
    } finally {
      await deny.close();
    }
  });

  it("an http:// array goes through HTTP_PROXY", async () => {
    clearProxyEnv();
    const plainArray = createFlashArrayMock({ version: "2.56" });
    const plain = await startNodeMockServer(plainArray, { port: 0 });
    try {
      vi.stubEnv("HTTP_PROXY", proxy.url);
      const before = tunnelsBefore();
      const fa = await createFlashArrayClient({
        host: plain.url,
        auth: { apiToken: plainArray.apiToken },
        ...fast,
      });
      await fa.getVolumes({ limit: 1 });
      await fa.close();
      expect(proxy.tunnels.slice(before)).toContain(`127.0.0.1:${plain.port}`);
    } finally {
      await plain.close();
    }
  });

  it("bad proxy settings are typed errors that say what was wrong", async () => {
    clearProxyEnv();
    const make = (proxyOption: unknown) =>
      failure(createFlashArrayClient({ host: server.url, auth, proxy: proxyOption as string, ...fast }));
    const socks = await make("socks5://127.0.0.1:1080");
    expect(socks.code).toBe("ERR_INVALID_ARGUMENT");
    expect(socks.message).toMatch(/http:\/\/ or https:\/\/.*socks5/);
    const bare = await make("proxy.corp:3128");
    expect(bare.message).toMatch(/http:\/\/proxy\.corp:3128/);
    expect((await make(3128)).message).toMatch(/URL string .* or false, got number/);
    expect((await make("")).message).toMatch(/empty/);
    vi.stubEnv("HTTPS_PROXY", "http://user:hunter2-pw@[bad");
    const env = await failure(createFlashArrayClient({ host: server.url, auth, ...fast }));
    expect(env.code).toBe("ERR_INVALID_ARGUMENT");
    expect(env.message).toMatch(/HTTPS_PROXY environment variable/);
    expect(env.message).not.toContain("hunter2-pw");
  });

  it("a given fetch (a mock's) ignores the environment's proxy", async () => {
    clearProxyEnv();
    vi.stubEnv("HTTPS_PROXY", "http://127.0.0.1:9");
    const fa = await createFlashArrayClient({ host: array.baseUrl, auth, fetch: array.fetch, ...fast });
    await fa.getVolumes({ limit: 1 });
    await fa.close();
  });

  it("reads NO_PROXY as curl does", () => {
    const url = (u: string) => new URL(u);
    expect(bypasses(url("https://a.lab.example"), "lab.example")).toBe(true);
    expect(bypasses(url("https://a.lab.example"), ".lab.example")).toBe(true);
    expect(bypasses(url("https://a.lab.example"), "*.lab.example")).toBe(true);
    expect(bypasses(url("https://xlab.example"), "lab.example")).toBe(false);
    expect(bypasses(url("https://array:8443"), "array:443")).toBe(false);
    expect(bypasses(url("https://array"), "array:443")).toBe(true);
    expect(bypasses(url("https://10.1.2.3"), "10.0.0.0/8")).toBe(true);
    expect(bypasses(url("https://11.1.2.3"), "10.0.0.0/8")).toBe(false);
    expect(bypasses(url("https://[::1]:8443"), "::1")).toBe(true);
    expect(bypasses(url("https://[::1]:8443"), "[::1]:8443")).toBe(true);
    expect(bypasses(url("https://array"), "")).toBe(false);
    const env = (vars: Record<string, string>) => (n: string) => vars[n];
    expect(proxyFor("http://array", undefined, env({ HTTPS_PROXY: "http://p:1" }))).toBeUndefined();
    expect(proxyFor("https://array", undefined, env({ HTTPS_PROXY: "p:3128" }))?.url).toBe("http://p:3128");
    expect(
      proxyFor("https://array", undefined, env({ https_proxy: "http://a:1", HTTPS_PROXY: "http://b:1" }))
        ?.url,
    ).toBe("http://a:1");
  });
});

describe("client certificates (mutual TLS)", async () => {
  const client = createClientCertificates();
  // The mock answers for its own base URL; the server hands it every request under that origin.
  const mtls = await startHttpsServer(
    (request) => {
      const url = new URL(request.url);
      return array.fetch(new Request(`${array.baseUrl}${url.pathname}${url.search}`, request));
    },
    certs,
    { clientCa: client.caPem },
  );
  afterAll(async () => {
    await mtls.close();
    client.remove();
  });
  const connect = (tls: object, extra: object = {}) =>
    createFlashArrayClient({ host: mtls.url, auth, tls: { ca: certs.caPem, ...tls }, ...fast, ...extra });

  it("presents cert + key (PEM), an encrypted key with its passphrase, and a PKCS#12 bundle", async () => {
    clearProxyEnv();
    for (const tls of [
      { cert: client.certPem, key: client.keyPem },
      { cert: client.certPem, key: client.encryptedKeyPem, passphrase: client.passphrase },
      { pfx: client.pfx, passphrase: client.pfxPassword },
    ]) {
      const fa = await connect(tls);
      expect((await fa.getVolumes({ limit: 1 })).items).toHaveLength(1);
      await fa.close();
    }
  });

  it("a server that demands a certificate, given none, is ERR_TLS saying so", async () => {
    clearProxyEnv();
    const error = await failure(connect({}));
    expect(error.code).toBe("ERR_TLS");
    expect(error.message).toMatch(/requires a client certificate/);
    expect(error.message).toMatch(/tls\.cert and tls\.key/);
  });

  it("a certificate the server does not trust: Node's server closes without an alert, and the error says what that likely means", async () => {
    clearProxyEnv();
    const error = await failure(connect({ cert: client.strangerCertPem, key: client.strangerKeyPem }));
    expect(error.code).toBe("ERR_NETWORK");
    expect(error.message).toMatch(/may have refused the client certificate in tls\.cert/);
  });

  it("goes through a proxy with the certificate applied inside the tunnel", async () => {
    clearProxyEnv();
    const proxy = await startConnectProxy();
    try {
      const fa = await connect({ cert: client.certPem, key: client.keyPem }, { proxy: proxy.url });
      await fa.getVolumes({ limit: 1 });
      await fa.close();
      expect(proxy.tunnels).toContain(`127.0.0.1:${mtls.port}`);
    } finally {
      await proxy.close();
    }
  });

  it("bad certificates, keys and passphrases are typed errors that never echo them", async () => {
    clearProxyEnv();
    const cases: [object, string, RegExp][] = [
      [{ cert: "client.pem", key: client.keyPem }, "ERR_TLS", /tls\.cert looks like a file name/],
      [{ cert: client.keyPem, key: client.keyPem }, "ERR_TLS", /tls\.cert holds a private key/],
      [{ cert: client.certPem, key: client.certPem }, "ERR_TLS", /tls\.key holds a certificate/],
      [{ cert: client.certPem, key: "not a key" }, "ERR_TLS", /tls\.key is not a PEM private key/],
      [
        { cert: client.certPem, key: client.strangerKeyPem },
        "ERR_TLS",
        /not the private key of the certificate/,
      ],
      [{ cert: client.certPem }, "ERR_INVALID_ARGUMENT", /without tls\.key/],
      [{ key: client.keyPem }, "ERR_INVALID_ARGUMENT", /without tls\.cert/],
      [{ cert: client.certPem, key: client.encryptedKeyPem }, "ERR_KEY_PASSWORD_REQUIRED", /tls\.passphrase/],
      [
        { cert: client.certPem, key: client.encryptedKeyPem, passphrase: "wrong-pass-1" },
        "ERR_KEY_WRONG_PASSWORD",
        /does not decrypt/,
      ],
      [{ pfx: client.pfx, passphrase: "wrong-pass-2" }, "ERR_KEY_WRONG_PASSWORD", /does not open tls\.pfx/],
      [{ pfx: "client.p12" }, "ERR_TLS", /PKCS#12 file's bytes/],
      [{ pfx: client.pfx, cert: client.certPem }, "ERR_INVALID_ARGUMENT", /either tls\.pfx or tls\.cert/],
    ];
    for (const [tls, code, message] of cases) {
      const error = await failure(connect(tls));
      expect(error.code, JSON.stringify(Object.keys(tls))).toBe(code);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain(client.keyPem.split("\n")[1]);
      expect(error.message).not.toContain(client.certPem.split("\n")[1]);
      expect(error.message).not.toContain(client.passphrase);
    }
  });
});

describe("hosts", () => {
  it("accepts bare IPv6 addresses and keeps a gateway's base path", () => {
    expect(normalizeBaseUrl("::1")).toBe("https://[::1]");
    expect(normalizeBaseUrl("fd00::10")).toBe("https://[fd00::10]");
    expect(normalizeBaseUrl("[fd00::10]:8443")).toBe("https://[fd00::10]:8443");
    expect(() => normalizeBaseUrl("fe80::1%eth0")).toThrow(/zone/);
    expect(normalizeBaseUrl("https://gw.example.com/fa1/")).toBe("https://gw.example.com/fa1");
    expect(normalizeBaseUrl("https://gw.example.com/arrays/fa1")).toBe("https://gw.example.com/arrays/fa1");
    expect(normalizeBaseUrl("array:8443")).toBe("https://array:8443");
    expect(() => normalizeBaseUrl("https://::1:8443")).toThrow(/IPv6 address with a port goes in brackets/);
    expect(() => normalizeBaseUrl("https://gw/fa1?x=1")).toThrow(/query or fragment/);
    expect(() => normalizeBaseUrl("https://u:p@gw/fa1")).toThrow(/credentials/);
    expect(() => normalizeBaseUrl(42 as unknown as string)).toThrow(/must be a string/);
  });

  it("an array behind a gateway path: api_version, login, data calls and logout all keep the path", async () => {
    clearProxyEnv();
    const gateway = await startHttpsServer((request) => {
      const url = new URL(request.url);
      if (!url.pathname.startsWith("/fa1/")) return new Response("not under /fa1", { status: 404 });
      return array.fetch(new Request(`${array.baseUrl}${url.pathname.slice(4)}${url.search}`, request));
    }, certs);
    try {
      const fa = await createFlashArrayClient({
        host: `${gateway.url}/fa1/`,
        auth,
        tls: { ca: certs.caPem },
        ...fast,
      });
      expect(fa.baseUrl).toBe(`${gateway.url}/fa1`);
      expect(fa.origin).toBe(gateway.url);
      await fa.getVolumes({ limit: 1 });
      const { data } = await fa.GET("/arrays");
      expect(data?.items?.length).toBe(1);
      await fa.close();
      const paths = gateway.seen.map((s) => s.path);
      expect(paths[0]).toBe("/fa1/api/api_version");
      expect(paths.some((p) => /^\/fa1\/api\/2\.\d+\/login$/.test(p))).toBe(true);
      expect(paths.some((p) => /^\/fa1\/api\/2\.\d+\/logout$/.test(p))).toBe(true);
      expect(paths.every((p) => p.startsWith("/fa1/"))).toBe(true);
    } finally {
      await gateway.close();
    }
  });

  it("connects to an IPv6 loopback address", async () => {
    clearProxyEnv();
    const v6 = await startHttpsServer(
      (request) => {
        const url = new URL(request.url);
        return array.fetch(new Request(`${array.baseUrl}${url.pathname}${url.search}`, request));
      },
      certs,
      { host: "::1" },
    );
    try {
      const fa = await createFlashArrayClient({
        host: `[::1]:${v6.port}`,
        auth,
        tls: { ca: certs.caPem },
        ...fast,
      });
      expect(fa.origin).toBe(`https://[::1]:${v6.port}`);
      await fa.getVolumes({ limit: 1 });
      await fa.close();
    } finally {
      await v6.close();
    }
  });
});

describe("per-call timeoutMs", () => {
  it("overrides the client's for one call, on friendly methods, typed calls and paginate; bad values are typed errors", async () => {
    const slow = createFlashArrayMock({ version: "2.56" });
    const fa = await createFlashArrayClient({
      host: slow.baseUrl,
      auth: { apiToken: slow.apiToken },
      fetch: slow.fetch,
      timeoutMs: 60_000,
      ...fast,
      retry: { retries: 0 },
    });
    const fault = slow.faults.add({ method: "GET", path: "/volumes", latencyMs: 2_000 });
    const friendly = await failure(fa.getVolumes({ limit: 1 }, { timeoutMs: 100 }));
    expect(friendly.code).toBe("ERR_TIMEOUT");
    expect(friendly.message).toMatch(/after 100 ms/);
    const typed = await failure(fa.unwrap(fa.GET("/volumes", { timeoutMs: 150 })));
    expect(typed.message).toMatch(/after 150 ms/);
    const listing = await failure(
      (async () => {
        for await (const _ of fa.paginate("/volumes", { timeoutMs: 120 })) break;
      })(),
    );
    expect(listing.message).toMatch(/after 120 ms/);
    fault.remove();
    expect((await fa.getVolumes({ limit: 1 }, { timeoutMs: 5_000 })).items).toHaveLength(1);
    const bad = await failure(fa.getVolumes({ limit: 1 }, { timeoutMs: -1 }));
    expect(bad.code).toBe("ERR_INVALID_ARGUMENT");
    expect(bad.message).toMatch(/timeoutMs must be a positive number/);
    await fa.close();
  });
});

describe("no secret in any error or log line", () => {
  it("scans everything the tests above saw", () => {
    const text = seen.join("\n");
    expect(text).not.toContain("pr0xy-s3cret-pw");
    expect(text).not.toContain(btoa("proxy-user:pr0xy-s3cret-pw"));
    expect(text).not.toContain(array.apiToken);
    expect(text).not.toContain("client-key-pass!");
    expect(text).not.toContain("pfx-pass-1234");
    // Guidance may name the PEM header; a key's body must never follow it.
    expect(text).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----\s*[A-Za-z0-9+/]{16}/);
  });
});

describe("on Deno (proxy and client certificate code differs there)", () => {
  it("tunnels, honours NO_PROXY and proxy: false, names refusing proxies, presents client certificates", {
    timeout: 120_000,
  }, async () => {
    clearProxyEnv();
    const client = createClientCertificates();
    const mtls = await startHttpsServer(
      (request) => {
        const url = new URL(request.url);
        return array.fetch(new Request(`${array.baseUrl}${url.pathname}${url.search}`, request));
      },
      certs,
      { clientCa: client.caPem },
    );
    const credentials = { username: "deno-proxy-user", password: "deno-pr0xy-pw" };
    const [option, env, noProxy, off, guarded, deny] = await Promise.all([
      startConnectProxy(),
      startConnectProxy(),
      startConnectProxy(),
      startConnectProxy(),
      startConnectProxy({ credentials }),
      startConnectProxy({ denyWith: 403 }),
    ]);
    const dir = mkdtempSync(join(tmpdir(), "purekit-deno-net-"));
    try {
      const configPath = join(dir, "config.json");
      writeFileSync(
        configPath,
        JSON.stringify({
          server: server.url,
          mtls: mtls.url,
          ca: certs.caPem,
          apiToken: array.apiToken,
          proxies: {
            option: option.url,
            env: env.url,
            noProxy: noProxy.url,
            off: off.url,
            guarded: guarded.url,
            closed: `http://127.0.0.1:${await closedPort()}`,
            deny: deny.url,
          },
          guardedCredentials: credentials,
          client,
          pfxBase64: Buffer.from(client.pfx).toString("base64"),
        }),
      );
      const output = await new Promise<string>((resolve, reject) => {
        execFile(
          join(root, "node_modules", ".bin", "deno"),
          ["run", "-A", "test/deno/network.deno.ts", configPath],
          { cwd: root, env: { ...process.env, NO_COLOR: "1" }, timeout: 100_000, killSignal: "SIGKILL" },
          (error, stdout, stderr) =>
            error ? reject(new Error(`${error.message}\n${stdout}\n${stderr}`)) : resolve(stdout),
        );
      });
      const r = JSON.parse(output.trim().split("\n").at(-1) ?? "{}");
      const context = JSON.stringify(r, null, 1);
      expect(r.proxyOption, context).toEqual({ ok: true, volumes: 1 });
      expect(option.tunnels.filter((t) => t === target).length, context).toBeGreaterThanOrEqual(1);
      expect(r.proxyEnv, context).toEqual({ ok: true, volumes: 1 });
      expect(env.tunnels.length, context).toBeGreaterThanOrEqual(1);
      expect(r.noProxy, context).toEqual({ ok: true, volumes: 1 });
      expect(noProxy.tunnels, context).toEqual([]);
      expect(r.proxyFalse, context).toEqual({ ok: true, volumes: 1 });
      expect(r.proxyFalseNoCa.code, context).toBe("ERR_TLS");
      expect(r.mtlsDirectWithEnvProxy, context).toEqual({ ok: true, volumes: 1 });
      expect(off.tunnels, context).toEqual([]);
      expect(r.proxy407.code, context).toBe("ERR_PROXY");
      expect(r.proxy407.message, context).toContain(guarded.url);
      expect(r.proxy407.message, context).toMatch(/407/);
      expect(r.proxyCredentials, context).toEqual({ ok: true, volumes: 1 });
      expect(guarded.authorizations, context).toContain(
        `Basic ${btoa(`${credentials.username}:${credentials.password}`)}`,
      );
      expect(r.proxyClosed.code, context).toBe("ERR_PROXY");
      expect(r.proxyClosed.message, context).toMatch(
        /^The proxy http:\/\/127\.0\.0\.1:\d+ \(from the proxy option\) could not be reached/,
      );
      expect(r.proxyBad.code, context).toBe("ERR_INVALID_ARGUMENT");
      expect(r.proxyDenied.code, context).toBe("ERR_PROXY");
      expect(r.proxyDenied.message, context).toContain(
        `${deny.url} (from the proxy option) refused a tunnel`,
      );
      expect(r.mtlsPem, context).toEqual({ ok: true, volumes: 1 });
      expect(r.mtlsEncrypted, context).toEqual({ ok: true, volumes: 1 });
      expect(r.mtlsWrongPassphrase.code, context).toBe("ERR_KEY_WRONG_PASSWORD");
      expect(r.mtlsNone.code, context).toBe("ERR_TLS");
      expect(r.mtlsNone.message, context).toMatch(/requires a client certificate/);
      expect(r.mtlsMismatch.code, context).toBe("ERR_TLS");
      expect(r.mtlsMismatch.message, context).toMatch(/not the private key of the certificate/);
      expect(r.mtlsPfx.code, context).toBe("ERR_TLS");
      expect(r.mtlsPfx.message, context).toMatch(/not supported on Deno/);
      expect(r.mtlsThroughProxy, context).toEqual({ ok: true, volumes: 1 });
      expect(option.tunnels, context).toContain(`127.0.0.1:${mtls.port}`);
      expect(output).not.toContain(credentials.password);
      expect(output).not.toContain(client.passphrase);
    } finally {
      await Promise.all([option, env, noProxy, off, guarded, deny, mtls].map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
      client.remove();
    }
  });
});

describe("the CLI honours HTTPS_PROXY too", () => {
  it("purekit token api goes through the proxy, and names a dead one", { timeout: 60_000 }, async () => {
    const user = { username: "cli-user", password: "cli-user-pw-123" };
    const cliArray = createFlashArrayMock({ version: "2.56", users: [user] });
    const cliServer = await startNodeMockServer(cliArray, {
      port: 0,
      tls: { cert: certs.certPem, key: certs.keyPem },
    });
    const proxy = await startConnectProxy();
    const dir = mkdtempSync(join(tmpdir(), "purekit-cli-proxy-"));
    try {
      const caFile = join(dir, "ca.pem");
      writeFileSync(caFile, certs.caPem);
      const args = [
        "token",
        "api",
        "--host",
        cliServer.url,
        "--username",
        user.username,
        "--password-stdin",
        "--ca",
        caFile,
      ];
      const ok = await purekit(args, { env: { HTTPS_PROXY: proxy.url }, input: `${user.password}\n` });
      expect(ok.stderr).toBe("");
      expect(ok.code).toBe(0);
      expect(proxy.tunnels).toContain(`127.0.0.1:${cliServer.port}`);
      const dead = `http://127.0.0.1:${await closedPort()}`;
      const refused = await purekit(args, { env: { HTTPS_PROXY: dead }, input: `${user.password}\n` });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`The proxy ${dead} (from HTTPS_PROXY) could not be reached`);
    } finally {
      await proxy.close();
      await cliServer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
