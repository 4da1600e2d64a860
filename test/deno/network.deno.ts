/**
 * Proxies and client certificates on Deno, where the code differs from Node
 * (Deno.createHttpClient's `proxy`, `cert`, `key`; node:https for a direct connection
 * while HTTPS_PROXY is set), against the servers and proxies test/runtime/network.test.ts
 * started. Run by it:
 *
 *   deno run -A test/deno/network.deno.ts <config.json>
 *
 * Prints one JSON line of outcomes; the vitest side asserts on them and on the tunnels
 * each proxy counted.
 */

import { createFlashArrayClient } from "../../runtime/flasharray.ts";
import { PurekitError } from "../../runtime/index.ts";

const Deno = (
  globalThis as unknown as {
    Deno: {
      args: string[];
      readTextFile(path: string): Promise<string>;
      env: { set(name: string, value: string): void; delete(name: string): void };
    };
  }
).Deno;

interface Config {
  server: string;
  mtls: string;
  ca: string;
  apiToken: string;
  proxies: {
    option: string;
    env: string;
    noProxy: string;
    off: string;
    guarded: string;
    closed: string;
    deny: string;
  };
  guardedCredentials: { username: string; password: string };
  client: {
    certPem: string;
    keyPem: string;
    encryptedKeyPem: string;
    passphrase: string;
    strangerKeyPem: string;
  };
  pfxBase64: string;
}

const configPath = Deno.args[0];
if (!configPath) throw new Error("usage: deno run -A network.deno.ts <config.json>");
const config = JSON.parse(await Deno.readTextFile(configPath)) as Config;
const auth = { apiToken: config.apiToken };
const logger = {};

type Outcome = { ok: true; volumes: number } | { ok: false; code: string; message: string };

/** Connects, lists one volume, closes: what happened. */
async function attempt(options: Record<string, unknown>, host = config.server): Promise<Outcome> {
  try {
    const fa = await createFlashArrayClient({ host, auth, logger, retry: { retries: 0 }, ...options });
    try {
      const page = await fa.getVolumes({ limit: 1 });
      return { ok: true, volumes: page.items?.length ?? 0 };
    } finally {
      await fa.close();
    }
  } catch (error) {
    if (error instanceof PurekitError) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: `not a PurekitError: ${String(error)}`, message: String(error) };
  }
}

const PROXY_VARS = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"];
/** Runs `fn` with exactly these proxy variables set, then clears them again. */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  for (const name of PROXY_VARS) Deno.env.delete(name);
  for (const [name, value] of Object.entries(vars)) Deno.env.set(name, value);
  try {
    return await fn();
  } finally {
    for (const name of PROXY_VARS) Deno.env.delete(name);
  }
}

const { proxies, client } = config;
const tls = { ca: config.ca };
const mtlsCert = { ca: config.ca, cert: client.certPem, key: client.keyPem };
const { username, password } = config.guardedCredentials;
const guardedPort = new URL(proxies.guarded).port;

const outcomes = {
  proxyOption: await withEnv({}, () => attempt({ tls, proxy: proxies.option })),
  proxyEnv: await withEnv({ HTTPS_PROXY: proxies.env }, () => attempt({ tls })),
  noProxy: await withEnv({ HTTPS_PROXY: proxies.noProxy, NO_PROXY: "127.0.0.1" }, () => attempt({ tls })),
  proxyFalse: await withEnv({ HTTPS_PROXY: proxies.off }, () => attempt({ tls, proxy: false })),
  proxyFalseNoCa: await withEnv({ HTTPS_PROXY: proxies.off }, () => attempt({ proxy: false })),
  proxy407: await withEnv({}, () => attempt({ tls, proxy: proxies.guarded })),
  proxyCredentials: await withEnv({}, () =>
    attempt({ tls, proxy: `http://${username}:${password}@127.0.0.1:${guardedPort}` }),
  ),
  proxyClosed: await withEnv({}, () => attempt({ tls, proxy: proxies.closed })),
  proxyDenied: await withEnv({}, () => attempt({ tls, proxy: proxies.deny })),
  proxyBad: await withEnv({}, () => attempt({ tls, proxy: "socks5://127.0.0.1:1080" })),
  mtlsPem: await withEnv({}, () => attempt({ tls: mtlsCert }, config.mtls)),
  mtlsEncrypted: await withEnv({}, () =>
    attempt(
      {
        tls: {
          ca: config.ca,
          cert: client.certPem,
          key: client.encryptedKeyPem,
          passphrase: client.passphrase,
        },
      },
      config.mtls,
    ),
  ),
  mtlsWrongPassphrase: await withEnv({}, () =>
    attempt(
      {
        tls: { ca: config.ca, cert: client.certPem, key: client.encryptedKeyPem, passphrase: "wrong-pass-9" },
      },
      config.mtls,
    ),
  ),
  mtlsNone: await withEnv({}, () => attempt({ tls }, config.mtls)),
  mtlsMismatch: await withEnv({}, () =>
    attempt({ tls: { ca: config.ca, cert: client.certPem, key: client.strangerKeyPem } }, config.mtls),
  ),
  mtlsPfx: await withEnv({}, () =>
    attempt(
      { tls: { ca: config.ca, pfx: Uint8Array.from(atob(config.pfxBase64), (c) => c.charCodeAt(0)) } },
      config.mtls,
    ),
  ),
  mtlsThroughProxy: await withEnv({}, () => attempt({ tls: mtlsCert, proxy: proxies.option }, config.mtls)),
  mtlsDirectWithEnvProxy: await withEnv({ HTTPS_PROXY: proxies.off }, () =>
    attempt({ tls: mtlsCert, proxy: false }, config.mtls),
  ),
};
console.log(JSON.stringify(outcomes));
