/**
 * `tls.insecure` on Deno: a small fetch over Deno's `node:https` with
 * `rejectUnauthorized: false`, the one per-connection way Deno offers to skip
 * verification (Deno's own HttpClient has none; see `deno.ts`). Loaded only then.
 * Also, verifying, the way to connect directly while HTTPS_PROXY is set (`proxy: false`):
 * Deno's fetch reads that variable itself, its `node:https` does not.
 *
 * It keeps fetch's contract where a client relies on it: a global Response,
 * redirects followed (credentials dropped across origins), abort via `signal`,
 * and network failures as `TypeError("fetch failed", { cause })` like undici's.
 */

import { request as httpRequest, type IncomingMessage } from "node:http";
import { Agent, request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import { hasNullBody } from "../body-status.ts";

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Dropped on a redirect to another origin (fetch drops `authorization`; the arrays' tokens too). */
const CREDENTIAL_HEADERS = ["authorization", "x-auth-token", "api-token", "cookie"];
const MAX_REDIRECTS = 20;

export function createInsecureFetch(
  tls: { rejectUnauthorized: boolean; ca?: string[]; cert?: string; key?: string } = {
    rejectUnauthorized: false,
  },
): typeof fetch & { close: () => Promise<void> } {
  const agent = new Agent({ keepAlive: true, ...tls });
  const close = async () => agent.destroy();
  const insecureFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const headers = new Headers(request.headers);
    // No content decoding here: ask for none.
    if (!headers.has("accept-encoding")) headers.set("accept-encoding", "identity");
    let body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
    let method = request.method;
    let url = new URL(request.url);
    for (let redirects = 0; ; redirects++) {
      const answer = await send(url, method, headers, body, agent, request.signal);
      const status = answer.statusCode ?? 0;
      const location = answer.headers.location;
      if (!REDIRECT_STATUSES.has(status) || location === undefined || request.redirect === "manual") {
        return toResponse(answer, url, method, redirects > 0);
      }
      answer.resume();
      if (request.redirect === "error" || redirects >= MAX_REDIRECTS) {
        throw new TypeError("fetch failed", {
          cause: new Error(
            request.redirect === "error"
              ? `redirect to ${location} refused (redirect: "error")`
              : `more than ${MAX_REDIRECTS} redirects`,
          ),
        });
      }
      const next = new URL(location, url);
      if (next.origin !== url.origin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
      if (
        (status === 303 && method !== "HEAD") ||
        ((status === 301 || status === 302) && method === "POST")
      ) {
        method = "GET";
        body = undefined;
        headers.delete("content-type");
      }
      url = next;
    }
  };
  return Object.assign(insecureFetch, { close });
}

function send(
  url: URL,
  method: string,
  headers: Headers,
  body: Uint8Array | undefined,
  agent: Agent,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const outgoing: Record<string, string> = Object.fromEntries(headers);
    if (body !== undefined) outgoing["content-length"] = String(body.byteLength);
    const options = { method, headers: outgoing };
    const req =
      url.protocol === "https:"
        ? httpsRequest(url, { ...options, agent }, resolve)
        : httpRequest(url, options, resolve);
    const onAbort = () => {
      req.destroy(signal.reason);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    req.on("close", () => signal.removeEventListener("abort", onAbort));
    req.on("error", (error) => reject(new TypeError("fetch failed", { cause: error })));
    req.end(body);
  });
}

function toResponse(answer: IncomingMessage, url: URL, method: string, redirected: boolean): Response {
  const headers = new Headers();
  const raw = answer.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  const status = answer.statusCode ?? 0;
  const nullBody = hasNullBody(status, method);
  if (nullBody) answer.resume();
  const body = nullBody ? null : (Readable.toWeb(answer) as unknown as ReadableStream<Uint8Array>);
  const response = new Response(body, { status, statusText: answer.statusMessage ?? "", headers });
  Object.defineProperties(response, { url: { value: url.href }, redirected: { value: redirected } });
  return response;
}
