/**
 * The network side of `purekit token`: the array's address (the runtime's host parsing,
 * with the command line's stricter rules), and an auth context whose `send` is the
 * runtime's request pipeline (same-origin redirects, retries, bounded answers) over the
 * runtime's transport (CA, insecure, proxies). What changes is the wording: failures are
 * told in flags (`--ca`, `--timeout`) and as "Cannot reach …", from the runtime's
 * network-error classification.
 */
import { readFile } from "node:fs/promises";
import type { AuthContext } from "../runtime/auth/types.ts";
import { normalizeBaseUrl } from "../runtime/client.ts";
import { PurekitError } from "../runtime/errors.ts";
import { createPipeline, readText } from "../runtime/http.ts";
import { describeNetworkError } from "../runtime/network-errors.ts";
import type { SecretSet } from "../runtime/redact.ts";
import { createTransportFetch, proxyFor } from "../runtime/transport/index.ts";
import { PUREKIT_VERSION } from "../runtime/version.ts";
import { listedVersions } from "../runtime/versions.ts";
import { usage } from "./args.ts";

/**
 * `array`, `array:8443`, `10.0.0.5`, `::1`, `[::1]:8443` or `https://array` → `https://array[:port]`.
 * The runtime's host parsing (`normalizeBaseUrl`), plus two rules of the command line: HTTPS
 * only, and no path (the token calls go to the array's own origin).
 */
export function originOf(host: string, option = "--host"): string {
  if (/^http:\/\//i.test(host.trim())) {
    throw usage(
      `${option} ${host}: plain http would send credentials in the clear; purekit speaks https only`,
    );
  }
  let base: URL;
  try {
    base = new URL(normalizeBaseUrl(host));
  } catch (e) {
    if (!(e instanceof PurekitError)) throw e;
    throw usage(hostProblem(e.message, host, option));
  }
  if (base.pathname !== "/" && base.pathname !== "") throw usage(hasPath(host, option));
  return base.origin;
}

const hasPath = (host: string, option: string) =>
  `${option} "${host}" has a path; give only the host (and port), e.g. array.example.com:443`;

/** The runtime's refusal of a host, said in the option's name (its advice is the library's). */
function hostProblem(message: string, host: string, option: string): string {
  if (/carries credentials/.test(message)) return `${option} must not carry credentials`;
  if (/carries a query or fragment/.test(message)) return hasPath(host, option);
  return `${option} "${host}" is not a host name, address or https URL`;
}

export interface NetworkOptions {
  ca?: string | undefined;
  insecure?: boolean | undefined;
  /** Request timeout in seconds. */
  timeoutSeconds: number;
  secrets: SecretSet;
  product: AuthContext["product"];
  origin: string;
}

/** Reads the `--ca` file (PEM). */
async function readCa(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (cause) {
    throw new PurekitError(
      "ERR_TLS",
      `Cannot read the CA file ${file} (--ca / PURE_CA_FILE): ${(cause as Error).message?.split("\n")[0]}`,
      { cause },
    );
  }
}

/** Library TLS hints name the library options; on the command line they are flags. */
export function cliTlsMessage(message: string): string {
  return message
    .replaceAll("tls.ca", "--ca <file>")
    .replaceAll("tls.insecure", "--insecure")
    .replace(/-----BEGIN ([A-Z0-9 ]+)-----/g, '"BEGIN $1"'); // else redaction takes a PEM label for a key
}

/** The pipeline's failures in the command line's words; anything else as it is. */
function cliError(error: unknown, options: NetworkOptions): unknown {
  if (!(error instanceof PurekitError)) return error;
  switch (error.code) {
    case "ERR_TLS":
      return new PurekitError("ERR_TLS", cliTlsMessage(error.message), { cause: error });
    case "ERR_TIMEOUT":
      return new PurekitError(
        "ERR_TIMEOUT",
        `${options.origin} did not answer within ${options.timeoutSeconds} s; check the address, or raise --timeout`,
        { cause: error },
      );
    case "ERR_NETWORK": {
      // The pipeline's ERR_NETWORK carries the transport's error as its cause.
      const failure = error.cause ?? error;
      const { code, message, words } = describeNetworkError(failure);
      return new PurekitError(
        "ERR_NETWORK",
        `Cannot reach ${options.origin}: ${words ?? options.secrets.redact(message)}${code ? ` [${code}]` : ""}. Check the address and port.`,
        { cause: failure },
      );
    }
    default:
      return error;
  }
}

/**
 * `response` with the errors of its body (a timeout while it streams in) mapped by `map`;
 * other failures of the body pass as they are.
 */
function mapBodyErrors(response: Response, map: (error: unknown) => unknown): Response {
  if (response.body === null) return response;
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(map(error));
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * A minimal {@link AuthContext} for one token call, sending through the runtime's pipeline:
 * the transport (CA, insecure, proxy), same-origin redirects, retries of refused connections
 * and busy answers within `--timeout`, bounded answers; errors in the command line's words,
 * secrets redacted. `apiVersions` is empty until {@link loadApiVersions}.
 */
export async function authContext(options: NetworkOptions): Promise<AuthContext & { versions: string[] }> {
  const ca = options.ca === undefined ? undefined : await readCa(options.ca);
  let transport: typeof fetch;
  try {
    // HTTPS_PROXY / NO_PROXY as curl reads them, like the library's clients.
    const proxy = proxyFor(options.origin, undefined, (name) => process.env[name]);
    for (const secret of proxy?.secrets ?? []) options.secrets.add(secret);
    transport = await createTransportFetch({
      proxy,
      direct:
        !proxy && ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"].some((n) => process.env[n]),
      tls: { ...(ca === undefined ? {} : { ca }), ...(options.insecure ? { insecure: true } : {}) },
      onInsecure: (message) => process.stderr.write(`purekit: warning: ${cliTlsMessage(message)}\n`),
    });
  } catch (e) {
    if (e instanceof PurekitError && e.code === "ERR_TLS") {
      throw new PurekitError("ERR_TLS", cliTlsMessage(e.message.replace(/^tls\.ca\b/, `--ca ${options.ca}`)));
    }
    throw e;
  }
  const logger = {
    warn: (m: string) => process.stderr.write(`purekit: warning: ${options.secrets.redact(m)}\n`),
    error: (m: string) => process.stderr.write(`purekit: ${options.secrets.redact(m)}\n`),
  };
  const timeoutMs = options.timeoutSeconds * 1000;
  const send = createPipeline({
    fetch: (r) => transport(r),
    userAgent: `purekit/${PUREKIT_VERSION}`,
    timeoutMs,
    // --timeout bounds the whole call, retries and their waits included, as it did one attempt.
    deadlineMs: timeoutMs,
    logger,
    secrets: options.secrets,
    // Token calls carry no credentials to renew; the status is the product's all the same.
    reauthStatus: options.product === "pure1" ? 403 : 401,
  });
  const inCliWords = (error: unknown) => cliError(error, options);
  const ctx: AuthContext & { versions: string[] } = {
    product: options.product,
    origin: options.origin,
    version: () => "2.x",
    versions: [],
    apiVersions: () => ctx.versions,
    send: async (request) => {
      try {
        return mapBodyErrors(await send(request), inCliWords);
      } catch (e) {
        throw inCliWords(e);
      }
    },
    secrets: options.secrets,
    logger,
    now: Date.now,
  };
  return ctx;
}

/**
 * `GET /api/api_version` (no auth): what the array speaks (FA key `version`, FB `versions`).
 * Network and TLS failures are thrown (it is the first contact); an answer that is not the
 * list leaves it empty, and the callers fall back to their defaults.
 */
export async function loadApiVersions(ctx: AuthContext & { versions: string[] }): Promise<string[]> {
  const res = await ctx.send(
    new Request(`${ctx.origin}/api/api_version`, { headers: { accept: "application/json" } }),
  );
  const text = await readText(res, `GET ${ctx.origin}/api/api_version`);
  if (res.ok) {
    try {
      ctx.versions = listedVersions(JSON.parse(text));
    } catch {
      ctx.versions = [];
    }
  }
  return ctx.versions;
}
