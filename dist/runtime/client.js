/**
 * The client all three products share: openapi-fetch for typed requests over
 * version-free paths, the pipeline for auth/retries/timeouts, the generated
 * operation table for friendly methods and pagination.
 */
import createClient, {} from "openapi-fetch";
import { PureApiError, PurekitError } from "./errors.js";
import { createPipeline, sentHeaders } from "./http.js";
import { consoleLogger } from "./logger.js";
import { serializeQuery } from "./query.js";
import { redactHeaders, redactUrl, SecretSet } from "./redact.js";
import { createTransportFetch } from "./transport/index.js";
import { PUREKIT_VERSION } from "./version.js";
import { chooseVersion, listedVersions } from "./versions.js";

export { PUREKIT_VERSION };
/** `host`, `host:port` or a URL → origin; HTTPS unless the URL says otherwise. */
export function normalizeOrigin(host) {
  const trimmed = host.trim();
  if (!trimmed)
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      "host is empty: give a host name, host:port, or https:// URL.",
    );
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(url.protocol);
    return url.origin;
  } catch {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `host "${trimmed}" is not a host name, host:port, or http(s) URL.`,
    );
  }
}
function errorItems(body) {
  if (body && typeof body === "object") {
    const b = body;
    if (Array.isArray(b.errors)) {
      return b.errors.map((e) => (e && typeof e === "object" ? e : { message: String(e) }));
    }
    const message = b.message ?? b.error_description ?? b.error;
    if (typeof message === "string") return [{ message }];
  }
  return [];
}
/** Turns an error answer into a PureApiError whose message a person can act on. */
export function toApiError(method, requestUrl, response, body, requestId, sent, secrets) {
  const url = redactUrl(requestUrl, secrets);
  const path = (() => {
    try {
      const u = new URL(url);
      return u.pathname + u.search;
    } catch {
      return url;
    }
  })();
  const errors = errorItems(body).map((e) => ({
    ...e,
    message: secrets.redact(String(e.message ?? "")),
    ...(typeof e.context === "string" ? { context: secrets.redact(e.context) } : {}),
  }));
  const text = typeof body === "string" ? secrets.redact(body) : undefined;
  const html = text !== undefined && /^\s*</.test(text);
  const what = errors.length
    ? errors.map((e) => (e.context ? `${e.context}: ${e.message}` : e.message)).join("; ")
    : html
      ? "an HTML page instead of JSON (a proxy, load balancer or web UI may be answering; check the host)"
      : text
        ? text.slice(0, 200)
        : response.statusText || "no details";
  return new PureApiError({
    status: response.status,
    errors,
    requestId,
    request: { method, url, headers: redactHeaders(sent, secrets) },
    ...(text !== undefined ? { body: text.slice(0, 2000) } : {}),
    code: html ? "ERR_BAD_RESPONSE" : "ERR_API",
    message: secrets.redact(
      `${method} ${path} failed with HTTP ${response.status}: ${what} (request id ${requestId})`,
    ),
  });
}
/**
 * Builds a client. Product factories (`createFlashArrayClient`…) call this.
 */
export async function createPureClient(options) {
  const origin = normalizeOrigin(options.host);
  const logger = options.logger ?? consoleLogger;
  const secrets = new SecretSet();
  const transport = await createTransportFetch({
    tls: options.tls,
    fetch: options.fetch,
    // Called once, when the transport is made: the client warns once.
    onInsecure: (m) => logger.warn?.(m),
  });
  const send = createPipeline({
    fetch: (r) => transport(r),
    userAgent: `${options.userAgent ? `${options.userAgent} ` : ""}purekit/${PUREKIT_VERSION}`,
    timeoutMs: options.timeoutMs ?? 30_000,
    deadlineMs: options.deadlineMs,
    retry: options.retry,
    logger,
    secrets,
    reauthStatus: options.product === "pure1" ? 403 : 401,
  });
  let negotiated;
  try {
    negotiated = await negotiate();
  } catch (e) {
    // Nothing else will release the transport's connections (a Deno HttpClient, an undici Agent).
    await transport.close?.();
    throw e;
  }
  const { version, table, auth } = negotiated;
  let closed = false;
  /** Version (Pure1 has no api_version endpoint; arrays say what they speak), table, auth. */
  async function negotiate() {
    let offered = [];
    if (options.product !== "pure1") {
      const res = await send(new Request(`${origin}/api/api_version`));
      const text = await res.text();
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      if (!res.ok || typeof body !== "object" || body === null) {
        throw toApiError("GET", `${origin}/api/api_version`, res, body, "-", new Headers(), secrets);
      }
      offered = listedVersions(body);
    }
    const version = chooseVersion(
      options.product,
      origin,
      options.product === "pure1" ? options.knownVersions : offered,
      options.knownVersions,
      options.version,
    );
    const table = await options.loadTable(version);
    const ctx = {
      product: options.product,
      origin,
      version: () => version,
      apiVersions: () => offered,
      send: (r) => send(r),
      secrets,
      logger,
      now: () => Date.now(),
    };
    return { version, table, auth: await options.makeAuth(ctx) };
  }
  const withAuth = { auth };
  const api = createClient({
    baseUrl: `${origin}${table.prefix}`,
    fetch: (request) => {
      if (closed) {
        return Promise.reject(
          new PurekitError("ERR_CLOSED", `This ${options.product} client was closed; create a new one.`),
        );
      }
      return send(request, withAuth).then((response) => {
        // Checked before openapi-fetch parses: a web UI or proxy answering 200 with HTML
        // deserves a message that says so, not "malformed JSON".
        if (response.ok && /html/i.test(response.headers.get("content-type") ?? "")) {
          void response.body?.cancel();
          const path = new URL(request.url).pathname;
          throw new PurekitError(
            "ERR_BAD_RESPONSE",
            `${request.method} ${path} answered HTTP ${response.status} with an HTML page instead of JSON (request id ${request.headers.get("x-request-id")}); a proxy or the web UI may be answering — check the host.`,
          );
        }
        return response;
      });
    },
    querySerializer: (q) => serializeQuery(q),
  });
  const call = async (method, path, init = {}) => {
    const verb = method.toUpperCase();
    const headers = new Headers(init.headers);
    const requestId = headers.get("x-request-id") ?? crypto.randomUUID();
    headers.set("x-request-id", requestId);
    let result;
    try {
      const fn = api[verb];
      result = await fn(path, { ...init, headers });
    } catch (e) {
      const name = e.name;
      if (name === "TimeoutError" || name === "AbortError") {
        // The body outlived the attempt's timeout (or the caller's signal) after the headers came.
        const byCaller = init.signal?.aborted === true;
        throw new PurekitError(
          byCaller ? "ERR_ABORTED" : "ERR_TIMEOUT",
          byCaller
            ? `${verb} ${path} was aborted by the caller while reading the answer.`
            : `${verb} ${path} timed out while reading the answer (request id ${requestId}); raise timeoutMs.`,
          { cause: e },
        );
      }
      if (e instanceof SyntaxError) {
        throw new PurekitError(
          "ERR_BAD_RESPONSE",
          `${verb} ${path} answered with malformed JSON (cut off, or not JSON at all; request id ${requestId}). The array or a proxy may have dropped the connection; try again.`,
          { cause: e },
        );
      }
      throw e;
    }
    const { response } = result;
    if (response.ok) return { data: result.data, response };
    const query = serializeQuery(init.params?.query);
    const url = `${origin}${table.prefix}${path}${query ? `?${query}` : ""}`;
    return {
      error: toApiError(
        verb,
        url,
        response,
        result.error,
        requestId,
        sentHeaders.get(response) ?? headers,
        secrets,
      ),
      response,
    };
  };
  const unwrap = async (r) => {
    const res = await r;
    if (res.error) throw res.error;
    return res.data;
  };
  const opsByPath = new Map();
  for (const op of table.operations) if (op.method === "get") opsByPath.set(op.path, op);
  async function* pages(path, init = {}) {
    const op = opsByPath.get(path);
    if (!op?.pagination) {
      throw new PurekitError(
        "ERR_INVALID_ARGUMENT",
        `GET ${path} does not paginate in ${options.product} REST ${version}; call GET instead.`,
      );
    }
    const baseQuery = { ...(init.params?.query ?? {}) };
    // One logical call: the same request id on every page (the caller's, if given).
    const headers = new Headers(init.headers);
    if (!headers.has("x-request-id")) headers.set("x-request-id", crypto.randomUUID());
    let token;
    let offset = typeof baseQuery.offset === "number" ? baseQuery.offset : 0;
    for (;;) {
      const query = { ...baseQuery };
      if (token !== undefined) {
        query.continuation_token = token;
        delete query.offset;
      } else if (offset > 0) {
        query.offset = offset;
      }
      const page = await unwrap(
        call("get", path, { params: { query }, headers, ...(init.signal ? { signal: init.signal } : {}) }),
      );
      yield page;
      const count = page.items?.length ?? 0;
      const next = op.pagination.token ? (page.continuation_token ?? undefined) : undefined;
      if (page.more_items_remaining === false || count === 0) return;
      if (next) {
        token = next;
      } else if (op.pagination.offset) {
        if (
          page.more_items_remaining !== true &&
          (page.total_item_count === undefined || offset + count >= page.total_item_count)
        ) {
          return;
        }
        token = undefined;
        offset += count;
      } else {
        return;
      }
    }
  }
  async function* paginate(path, init) {
    for await (const page of pages(path, init)) {
      for (const item of page.items ?? []) yield item;
    }
  }
  const close = async () => {
    if (closed) return;
    closed = true;
    try {
      await auth.close();
    } finally {
      await transport.close?.();
    }
  };
  const client = {
    product: options.product,
    version,
    origin,
    operations: table,
    GET: (p, i) => call("get", p, i),
    POST: (p, i) => call("post", p, i),
    PUT: (p, i) => call("put", p, i),
    PATCH: (p, i) => call("patch", p, i),
    DELETE: (p, i) => call("delete", p, i),
    paginate,
    pages,
    unwrap,
    close,
    [Symbol.asyncDispose]: close,
  };
  for (const op of table.operations) {
    // Arguments: [query] [body] [options], each present only where the operation has it.
    const hasQuery = op.query.length > 0;
    client[op.name] = (...args) => {
      const query = hasQuery ? args.shift() : undefined;
      const body = op.body ? args.shift() : undefined;
      const opts = args.shift();
      return unwrap(
        call(op.method, op.path, {
          params: { query: query ?? {} },
          ...(body !== undefined ? { body } : {}),
          ...(opts?.headers ? { headers: opts.headers } : {}),
          ...(opts?.signal ? { signal: opts.signal } : {}),
        }),
      );
    };
  }
  return client;
}
//# sourceMappingURL=client.js.map
