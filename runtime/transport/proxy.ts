/**
 * Which HTTP proxy a client goes through, and what a proxy's refusal becomes.
 * Web globals only: the adapters (`node.ts`, `deno.ts`) get the resolved proxy.
 *
 * The environment is read the way curl and undici's `EnvHttpProxyAgent` read it:
 * for an https target `https_proxy`, `HTTPS_PROXY`, then `http_proxy`, `HTTP_PROXY`
 * (undici's fallback); for an http target `http_proxy`, `HTTP_PROXY`. `no_proxy` /
 * `NO_PROXY` lists hosts that bypass it: `*`, names (`array.lab` also matches
 * `x.array.lab`; a leading `.` or `*.` is ignored), `host:port`, IP addresses, and
 * IPv4 CIDR blocks (`10.0.0.0/8`, as curl ≥ 7.86). A client talks to one origin,
 * so the choice is made once, when the client is made.
 */

import { PurekitError } from "../errors.ts";

/** `proxy` as a client takes it: a URL, `false` for none, or absent for the environment. */
export type ProxyOption = string | false | undefined;

/** A proxy to use, validated; credentials kept apart from the URL so they never print. */
export interface ResolvedProxy {
  /** `http://host:port` (or https://), without credentials. */
  url: string;
  /** `Basic …` for `Proxy-Authorization`, when the URL carried `user:pass@`. */
  authorization?: string | undefined;
  /** The same credentials apart (Deno's HttpClient takes them so). */
  basicAuth?: { username: string; password: string } | undefined;
  /** The credentials themselves, for the client's redaction set. */
  secrets: string[];
  /** Where it came from: `the proxy option` or the environment variable's name. */
  source: string;
}

const HTTPS_VARS = ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"] as const;
const HTTP_VARS = ["http_proxy", "HTTP_PROXY"] as const;

/**
 * The proxy for `target` (an origin or URL), or undefined for a direct connection.
 *
 * @example
 * ```ts
 * proxyFor("https://array.lab", undefined, (n) => process.env[n]);  // HTTPS_PROXY unless NO_PROXY says no
 * proxyFor("https://array.lab", "http://user:pw@proxy:3128", env);  // always this one
 * proxyFor("https://array.lab", false, env);                        // never a proxy
 * ```
 */
export function proxyFor(
  target: string,
  option: ProxyOption,
  env: (name: string) => string | undefined,
): ResolvedProxy | undefined {
  if (option === false) return undefined;
  if (option !== undefined) {
    if (typeof option !== "string") {
      throw new PurekitError(
        "ERR_INVALID_ARGUMENT",
        `proxy must be a URL string ("http://host:port") or false, got ${option === null ? "null" : typeof option}.`,
      );
    }
    return parseProxy(option, "the proxy option", false);
  }
  const url = new URL(target);
  for (const name of url.protocol === "https:" ? HTTPS_VARS : HTTP_VARS) {
    const value = env(name)?.trim();
    if (!value) continue;
    if (bypasses(url, env("no_proxy") ?? env("NO_PROXY") ?? "")) return undefined;
    return parseProxy(value, name, true);
  }
  return undefined;
}

function parseProxy(text: string, source: string, fromEnv: boolean): ResolvedProxy {
  const trimmed = text.trim();
  const fail = (what: string) =>
    new PurekitError("ERR_INVALID_ARGUMENT", `${describeSource(source)} ${what}`);
  if (!trimmed) throw fail('is empty: give "http://host:port", or false for no proxy.');
  // curl takes `host:port` without a scheme from the environment; so do we. The option wants the scheme.
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  let url: URL;
  try {
    url = new URL(hasScheme || !fromEnv ? trimmed : `http://${trimmed}`);
  } catch {
    throw fail(`is not a URL (${shown(trimmed)}): write it as http://host:port.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw fail(
      `must be an http:// or https:// URL, got ${url.protocol.replace(/:$/, "")}:// (${shown(trimmed)}): ` +
        (hasScheme
          ? "purekit speaks HTTP CONNECT proxies only."
          : `write it with its scheme, e.g. http://${shown(trimmed)}.`),
    );
  }
  if (!url.hostname) throw fail(`names no host (${shown(trimmed)}).`);
  const username = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const authorization =
    username || password
      ? `Basic ${btoa(String.fromCharCode(...utf8(`${username}:${password}`)))}`
      : undefined;
  const secrets = [password, url.password, authorization ?? "", authorization?.slice(6) ?? ""].filter(
    (s) => s.length > 0,
  );
  return {
    url: `${url.protocol}//${url.host}`,
    authorization,
    basicAuth: authorization ? { username, password } : undefined,
    secrets,
    source,
  };
}

function describeSource(source: string): string {
  return source === "the proxy option" ? "proxy" : `The ${source} environment variable`;
}

/** The URL as safe to print: scheme, host and port, never credentials. */
function shown(text: string): string {
  return text.replace(/\/\/[^@/]*@/, "//***@").slice(0, 200);
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Whether NO_PROXY says `url` goes direct. */
export function bypasses(url: URL, noProxy: string): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const port = Number(url.port) || (url.protocol === "https:" ? 443 : 80);
  for (const raw of noProxy.split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === "*") return true;
    // `host:port`, `[v6]:port`, `v6` (several colons, no port), `10.0.0.0/8`
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    const withPort = bracketed ? undefined : /^([^:]+):(\d+)$/.exec(entry);
    const name = (bracketed?.[1] ?? withPort?.[1] ?? entry).replace(/^\*?\./, "");
    const wantPort = bracketed?.[2] ?? withPort?.[2];
    if (wantPort !== undefined && Number(wantPort) !== port) continue;
    if (name.includes("/")) {
      if (inCidr(host, name)) return true;
      continue;
    }
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

function inCidr(host: string, cidr: string): boolean {
  const [net, bitsText] = cidr.split("/");
  const bits = Number(bitsText);
  const a = ipv4(host);
  const b = ipv4(net ?? "");
  if (a === undefined || b === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (a & mask) >>> 0 === (b & mask) >>> 0;
}

function ipv4(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** What a failure through a proxy was, when it was the proxy's doing. */
export type ProxyFailure =
  | { kind: "auth"; status: number }
  | { kind: "refused-tunnel"; status: number }
  | { kind: "unreachable"; reason: string };

/**
 * Reads a proxy failure from what undici (`Proxy response (407) !== 200 when HTTP
 * Tunneling`, ECONNREFUSED to the proxy) and Deno (`unsuccessful tunnel`, `Proxy
 * Authentication Required`, `Connection refused`) report. With a proxy in use every
 * connection goes to it, so a refused connection is the proxy refusing.
 */
export function proxyFailureOf(error: unknown): ProxyFailure | undefined {
  const text = chainText(error);
  const status =
    /Proxy response \((\d{3})\)|Proxy Authentication Required \((\d{3})\)|tunnel[^\d]{0,40}(\d{3})/i.exec(
      text,
    );
  const code = Number(status?.[1] ?? status?.[2] ?? status?.[3]);
  if (code === 407 || /proxy authentication required|\b407\b/i.test(text))
    return { kind: "auth", status: 407 };
  if (code) return { kind: "refused-tunnel", status: code };
  if (/unsuccessful tunnel/i.test(text)) return { kind: "refused-tunnel", status: 0 };
  const refused =
    /ECONNREFUSED|connection refused|actively refused|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH/i.exec(
      text,
    );
  if (refused) return { kind: "unreachable", reason: refused[0] };
  return undefined;
}

function chainText(error: unknown): string {
  const parts: string[] = [];
  for (
    let e = error, n = 0;
    e !== undefined && e !== null && n < 8;
    e = (e as { cause?: unknown }).cause, n++
  ) {
    if (typeof e !== "object") {
      parts.push(String(e));
      break;
    }
    parts.push(
      String((e as { code?: unknown }).code ?? ""),
      String((e as { message?: unknown }).message ?? ""),
    );
  }
  return parts.join(" ");
}

/** The one ERR_PROXY a proxy's refusal becomes; names the proxy, never its credentials. */
export function proxyError(
  target: string,
  proxy: ResolvedProxy,
  failure: ProxyFailure,
  cause: unknown,
): PurekitError {
  const via = `the proxy ${proxy.url} (from ${proxy.source})`;
  const to = new URL(target).host;
  let message: string;
  switch (failure.kind) {
    case "auth":
      message = proxy.authorization
        ? `${via} refused the credentials in its URL (HTTP 407 Proxy Authentication Required) for a tunnel to ${to}: check the user name and password.`
        : `${via} asks for credentials (HTTP 407 Proxy Authentication Required) for a tunnel to ${to}: give them in the URL, http://user:password@host:port.`;
      break;
    case "refused-tunnel":
      message =
        `${via} refused a tunnel to ${to}${failure.status ? ` (HTTP ${failure.status})` : ""}: ` +
        "it may not allow CONNECT to this host or port; ask its administrator, or add the host to NO_PROXY.";
      break;
    case "unreachable":
      message =
        `${via} could not be reached (${failure.reason}) for a call to ${to}: ` +
        "check the proxy's host and port, or set proxy: false (or NO_PROXY) to connect directly.";
      break;
  }
  return new PurekitError("ERR_PROXY", message.charAt(0).toUpperCase() + message.slice(1), { cause });
}

/**
 * What a send through `proxy` threw, as the caller should see it: a proxy refusal becomes
 * ERR_PROXY naming the proxy; purekit's own errors, aborts and timeouts pass unchanged.
 *
 * @example
 * ```ts
 * try { return await send(request); } catch (error) { throw asProxyError(error, request.url, proxy); }
 * ```
 */
export function asProxyError(error: unknown, url: string, proxy: ResolvedProxy): unknown {
  if (error instanceof PurekitError) return error;
  const name = (error as { name?: string }).name;
  if (name === "AbortError" || name === "TimeoutError") return error;
  const failure = proxyFailureOf(error);
  return failure ? proxyError(url, proxy, failure, error) : error;
}

/** `fetchFn` with proxy refusals turned into ERR_PROXY; other errors pass unchanged. */
export function withProxyErrors(fetchFn: typeof fetch, proxy: ResolvedProxy): typeof fetch {
  return async (input, init) => {
    try {
      return await fetchFn(input, init);
    } catch (error) {
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      throw asProxyError(error, url, proxy);
    }
  };
}
