/**
 * The `host` option: a host name, `host:port`, a bare IPv6 address, `[v6]:port` or a URL,
 * turned into the base URL every request is built on, with a clear error for anything else.
 */
import { PurekitError } from "./errors.ts";

/**
 * `host`, `host:port`, a bare IPv6 address (`::1`, `fd00::10`), `[v6]:port` or a URL →
 * base URL: the origin, plus the path when the URL has one (an array behind a gateway,
 * `https://gw.example.com/fa1`), without a trailing slash. HTTPS unless the URL says otherwise.
 *
 * @example
 * ```ts
 * normalizeBaseUrl("array:8443"); // "https://array:8443"
 * normalizeBaseUrl("https://gw.example.com/fa1/"); // "https://gw.example.com/fa1"
 * ```
 */
export function normalizeBaseUrl(host: string): string {
  if (typeof host !== "string") {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `host must be a string, got ${host === null ? "null" : typeof host}.`,
    );
  }
  let trimmed = host.trim();
  if (!trimmed)
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      "host is empty: give a host name, host:port, or https:// URL.",
    );
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  // Two or more colons and no brackets: an IPv6 address without a port (a port needs [v6]:port).
  if (!hasScheme && /^[0-9a-f:.]+$/i.test(trimmed) && (trimmed.match(/:/g)?.length ?? 0) >= 2) {
    trimmed = `[${trimmed}]`;
  }
  if (/^\[?[0-9a-f:.]+%/i.test(trimmed.replace(/^https?:\/\//i, ""))) {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `host "${trimmed}" has an IPv6 zone (%…), which URLs and fetch do not take: use the array's global or unique-local address.`,
    );
  }
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(url.protocol);
  } catch {
    const v6 = /^(https?:\/\/)?[0-9a-f]*:[0-9a-f]*:[0-9a-f:.]*/i.test(trimmed)
      ? " An IPv6 address with a port goes in brackets: [fd00::10]:8443 or https://[fd00::10]:8443."
      : "";
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `host "${trimmed}" is not a host name, host:port, IPv6 address, or http(s) URL.${v6}`,
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `host "${url.origin}${url.pathname}…" carries ${url.username || url.password ? "credentials" : "a query or fragment"}: ` +
        "give only the scheme, host, port and (behind a gateway) a base path; credentials go in auth.",
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/**
 * The origin part of {@link normalizeBaseUrl}.
 *
 * @example
 * ```ts
 * normalizeOrigin("http://127.0.0.1:8080/"); // "http://127.0.0.1:8080"
 * ```
 */
export function normalizeOrigin(host: string): string {
  return new URL(normalizeBaseUrl(host)).origin;
}
