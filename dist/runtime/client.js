/**
 * The client all three products share: openapi-fetch for typed requests over
 * version-free paths, the pipeline for auth/retries/timeouts, the generated
 * operation table for friendly methods and pagination.
 */
import createClient, {} from "openapi-fetch";
import { PureApiError, PurekitError } from "./errors.js";
import { createPipeline, DEFAULT_MAX_RESPONSE_BYTES, readText, sentHeaders, sentSecrets, } from "./http.js";
import { consoleLoggerFor } from "./logger.js";
import { checkMiddleware, createAttemptHook } from "./middleware.js";
import { checkPartialOptions, describeErrors, PartialResultError, partialErrors, } from "./partial.js";
import { getPlatform } from "./platform/index.js";
import { serializeQuery } from "./query.js";
import { redactHeaders, redactUrl, redactValue, SecretSet } from "./redact.js";
import { createTransportFetch, proxyFor } from "./transport/index.js";
import { PUREKIT_VERSION } from "./version.js";
import { chooseVersion, listedVersions } from "./versions.js";
export { PUREKIT_VERSION };
/** Variables a platform's own fetch may read (Deno does): set, they call for an explicitly direct transport. */
const PROXY_VARIABLES = ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"];
/**
 * `host`, `host:port`, a bare IPv6 address (`::1`, `fd00::10`), `[v6]:port` or a URL →
 * base URL: the origin, plus the path when the URL has one (an array behind a gateway,
 * `https://gw.example.com/fa1`), without a trailing slash. HTTPS unless the URL says otherwise.
 */
export function normalizeBaseUrl(host) {
    if (typeof host !== "string") {
        throw new PurekitError("ERR_INVALID_ARGUMENT", `host must be a string, got ${host === null ? "null" : typeof host}.`);
    }
    let trimmed = host.trim();
    if (!trimmed)
        throw new PurekitError("ERR_INVALID_ARGUMENT", "host is empty: give a host name, host:port, or https:// URL.");
    const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
    // Two or more colons and no brackets: an IPv6 address without a port (a port needs [v6]:port).
    if (!hasScheme && /^[0-9a-f:.]+$/i.test(trimmed) && (trimmed.match(/:/g)?.length ?? 0) >= 2) {
        trimmed = `[${trimmed}]`;
    }
    if (/^\[?[0-9a-f:.]+%/i.test(trimmed.replace(/^https?:\/\//i, ""))) {
        throw new PurekitError("ERR_INVALID_ARGUMENT", `host "${trimmed}" has an IPv6 zone (%…), which URLs and fetch do not take: use the array's global or unique-local address.`);
    }
    let url;
    try {
        url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
        if (url.protocol !== "https:" && url.protocol !== "http:")
            throw new Error(url.protocol);
    }
    catch {
        const v6 = /^(https?:\/\/)?[0-9a-f]*:[0-9a-f]*:[0-9a-f:.]*/i.test(trimmed)
            ? " An IPv6 address with a port goes in brackets: [fd00::10]:8443 or https://[fd00::10]:8443."
            : "";
        throw new PurekitError("ERR_INVALID_ARGUMENT", `host "${trimmed}" is not a host name, host:port, IPv6 address, or http(s) URL.${v6}`);
    }
    if (url.search || url.hash || url.username || url.password) {
        throw new PurekitError("ERR_INVALID_ARGUMENT", `host "${url.origin}${url.pathname}…" carries ${url.username || url.password ? "credentials" : "a query or fragment"}: ` +
            "give only the scheme, host, port and (behind a gateway) a base path; credentials go in auth.");
    }
    return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
/** The origin part of {@link normalizeBaseUrl}. */
export function normalizeOrigin(host) {
    return new URL(normalizeBaseUrl(host)).origin;
}
function checkTimeout(value, name) {
    if (value === undefined)
        return undefined;
    if (typeof value !== "number" || Number.isNaN(value) || value <= 0) {
        throw new PurekitError("ERR_INVALID_ARGUMENT", `${name} must be a positive number of milliseconds (Infinity for none), got ${typeof value === "number" ? value : typeof value}.`);
    }
    return value;
}
function errorItems(body) {
    if (body && typeof body === "object") {
        const b = body;
        if (Array.isArray(b.errors)) {
            return b.errors.map((e) => e && typeof e === "object" ? e : { message: String(e) });
        }
        const message = b.message ?? b.error_description ?? b.error;
        if (typeof message === "string")
            return [{ message }];
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
        }
        catch {
            return url;
        }
    })();
    // Every string of every entry (location_context, fields of any name, at any depth): an array
    // may echo a token or the request's body anywhere in it.
    const errors = errorItems(body).map((e) => {
        const item = redactValue(e, secrets);
        return { ...item, message: typeof item.message === "string" ? item.message : String(item.message ?? "") };
    });
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
        message: secrets.redact(`${method} ${path} failed with HTTP ${response.status}: ${what} (request id ${requestId})`),
    });
}
/**
 * Builds a client. Product factories (`createFlashArrayClient`…) call this.
 */
export async function createPureClient(options) {
    const base = normalizeBaseUrl(options.host);
    const origin = new URL(base).origin;
    const platform = await getPlatform();
    const logger = options.logger ?? consoleLoggerFor(platform.env("PUREKIT_LOG"));
    const timeoutMs = checkTimeout(options.timeoutMs, "timeoutMs") ?? 30_000;
    const secrets = new SecretSet();
    const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    if (!(Number.isSafeInteger(maxResponseBytes) && maxResponseBytes > 0)) {
        throw new PurekitError("ERR_INVALID_ARGUMENT", `maxResponseBytes must be a positive whole number of bytes, got ${String(maxResponseBytes)}.`);
    }
    // A given fetch (a mock's) sends as it likes: no proxy is looked up for it.
    const proxy = options.fetch ? undefined : proxyFor(base, options.proxy, (name) => platform.env(name));
    for (const secret of proxy?.secrets ?? [])
        secrets.add(secret);
    if (proxy)
        logger.debug?.(`connecting to ${origin} through the proxy ${proxy.url} (from ${proxy.source})`);
    const transport = await createTransportFetch({
        tls: options.tls,
        fetch: options.fetch,
        proxy,
        direct: !options.fetch && !proxy && PROXY_VARIABLES.some((name) => platform.env(name)),
        // Called once, when the transport is made: the client warns once.
        onInsecure: (m) => logger.warn?.(m),
    });
    const middlewares = [];
    const send = createPipeline({
        maxResponseBytes,
        fetch: (r) => transport(r),
        userAgent: `${options.userAgent ? `${options.userAgent} ` : ""}purekit/${PUREKIT_VERSION}`,
        timeoutMs,
        deadlineMs: options.deadlineMs,
        retry: options.retry,
        logger,
        secrets,
        reauthStatus: options.product === "pure1" ? 403 : 401,
        around: createAttemptHook(middlewares, logger, secrets),
    });
    let negotiated;
    try {
        negotiated = await negotiate();
    }
    catch (e) {
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
            const res = await send(new Request(`${base}/api/api_version`));
            const text = await readText(res, `GET ${base}/api/api_version`);
            let body;
            try {
                body = JSON.parse(text);
            }
            catch {
                body = text;
            }
            if (!res.ok || typeof body !== "object" || body === null) {
                throw toApiError("GET", `${base}/api/api_version`, res, body, "-", new Headers(), secrets);
            }
            offered = listedVersions(body);
        }
        const version = chooseVersion(options.product, origin, options.product === "pure1" ? options.knownVersions : offered, options.knownVersions, options.version);
        const table = await options.loadTable(version);
        const ctx = {
            product: options.product,
            origin: base,
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
    /** What partial answers were asked with, for their PartialResultError. */
    const partialRequests = new WeakMap();
    /** Data calls: closed check, credentials, and HTML answers named for what they are. */
    const dataFetch = (request, sendOptions = withAuth) => {
        if (closed) {
            return Promise.reject(new PurekitError("ERR_CLOSED", `This ${options.product} client was closed; create a new one.`));
        }
        return send(request, sendOptions).then((response) => {
            // Checked before openapi-fetch parses: a web UI or proxy answering 200 with HTML
            // deserves a message that says so, not "malformed JSON".
            if (response.ok && /html/i.test(response.headers.get("content-type") ?? "")) {
                void response.body?.cancel();
                const path = new URL(request.url).pathname;
                throw new PurekitError("ERR_BAD_RESPONSE", `${request.method} ${path} answered HTTP ${response.status} with an HTML page instead of JSON (request id ${request.headers.get("x-request-id")}); a proxy or the web UI may be answering — check the host.`);
            }
            return response;
        });
    };
    const api = createClient({
        baseUrl: `${base}${table.prefix}`,
        fetch: (request) => dataFetch(request),
        querySerializer: (q) => serializeQuery(q),
    });
    const call = async (method, path, init = {}) => {
        const verb = method.toUpperCase();
        const headers = new Headers(init.headers);
        const requestId = headers.get("x-request-id") ?? crypto.randomUUID();
        headers.set("x-request-id", requestId);
        const callTimeout = checkTimeout(init.timeoutMs, "timeoutMs");
        let result;
        try {
            const fn = api[verb];
            const { timeoutMs: _t, allowErrors: _a, onErrors: _o, ...rest } = init;
            result = await fn(path, {
                ...rest,
                headers,
                ...(callTimeout !== undefined
                    ? { fetch: (r) => dataFetch(r, { ...withAuth, timeoutMs: callTimeout }) }
                    : {}),
            });
        }
        catch (e) {
            const name = e.name;
            if (name === "TimeoutError" || name === "AbortError") {
                // The body outlived the attempt's timeout (or the caller's signal) after the headers came.
                const byCaller = init.signal?.aborted === true;
                throw new PurekitError(byCaller ? "ERR_ABORTED" : "ERR_TIMEOUT", byCaller
                    ? `${verb} ${path} was aborted by the caller while reading the answer.`
                    : `${verb} ${path} timed out while reading the answer (request id ${requestId}); raise timeoutMs.`, { cause: e });
            }
            if (e instanceof SyntaxError) {
                throw new PurekitError("ERR_BAD_RESPONSE", `${verb} ${path} answered with malformed JSON (cut off, or not JSON at all; request id ${requestId}). The array or a proxy may have dropped the connection; try again.`, { cause: e });
            }
            if (e instanceof PurekitError)
                throw e;
            // The connection broke while the body streamed in (undici: TypeError "terminated").
            throw new PurekitError("ERR_NETWORK", `${verb} ${path}: the connection broke while the answer was read (request id ${requestId}); try again.`, { cause: e });
        }
        const { response } = result;
        const query = serializeQuery(init.params?.query);
        const url = `${base}${table.prefix}${path}${query ? `?${query}` : ""}`;
        if (response.ok) {
            const errors = partialErrors(result.data, secrets);
            if (!errors)
                return { data: result.data, response };
            partialRequests.set(response, { method: verb, url: redactUrl(url, secrets), requestId });
            return { data: result.data, errors, response };
        }
        return {
            error: toApiError(verb, url, response, result.error, requestId, sentHeaders.get(response) ?? headers, sentSecrets.get(response) ?? secrets),
            response,
        };
    };
    /** The PartialResultError of a result that carried `errors[]`. */
    const partialError = (res, errors, itemCount, data) => {
        const sent = partialRequests.get(res.response);
        const method = sent?.method ?? "-";
        const url = sent?.url ?? redactUrl(res.response.url || base, secrets);
        const path = url.startsWith(base) ? url.slice(base.length) : url;
        const what = data === undefined ? `the listing of ${path.replace(/\?.*$/, "")}` : `${method} ${path}`;
        return new PartialResultError({
            status: res.response.status,
            errors,
            requestId: sent?.requestId,
            request: { method, url, headers: {} },
            data,
            itemCount,
            message: secrets.redact(`${what} succeeded only in part: ${errors.length} error${errors.length === 1 ? "" : "s"} beside the items (${describeErrors(errors)}). ` +
                `The error's data holds what did succeed; pass allowErrors: true (or onErrors) to take partial results without a throw${sent ? ` (request id ${sent.requestId})` : ""}.`),
        });
    };
    const unwrap = async (r, opts) => {
        checkPartialOptions(opts);
        const res = await r;
        if (res.error)
            throw res.error;
        if (res.errors && !opts?.allowErrors) {
            const items = res.data?.items;
            throw partialError(res, res.errors, items?.length ?? 0, res.data);
        }
        return res.data;
    };
    const opsByPath = new Map();
    for (const op of table.operations)
        if (op.method === "get")
            opsByPath.set(op.path, op);
    async function* pages(path, init = {}) {
        const op = opsByPath.get(path);
        if (!op?.pagination) {
            throw new PurekitError("ERR_INVALID_ARGUMENT", `GET ${path} does not paginate in ${options.product} REST ${version}; call GET instead.`);
        }
        checkPartialOptions(init);
        const baseQuery = { ...(init.params?.query ?? {}) };
        // One logical call: the same request id on every page (the caller's, if given).
        const headers = new Headers(init.headers);
        if (!headers.has("x-request-id"))
            headers.set("x-request-id", crypto.randomUUID());
        let token;
        let offset = typeof baseQuery.offset === "number" ? baseQuery.offset : 0;
        // A server that repeats or cycles tokens, or claims more items without letting us get
        // them, would otherwise be paged forever.
        const tokensSeen = new Set();
        let lastPage;
        let pagesRead = 0;
        const endless = (why) => new PurekitError("ERR_BAD_RESPONSE", `GET ${path} cannot be paged to its end: ${why} (request id ${headers.get("x-request-id")}). The array or a proxy answers pages wrongly; ${pagesRead} pages were read.`);
        const pending = [];
        let lastPartial;
        let seenItems = 0;
        for (;;) {
            const query = { ...baseQuery };
            if (token !== undefined) {
                query.continuation_token = token;
                delete query.offset;
            }
            else if (offset > 0) {
                query.offset = offset;
            }
            const result = await call("get", path, {
                params: { query },
                headers,
                ...(init.signal ? { signal: init.signal } : {}),
                ...(init.timeoutMs !== undefined ? { timeoutMs: init.timeoutMs } : {}),
            });
            if (result.error)
                throw result.error;
            if (result.errors) {
                if (init.onErrors)
                    init.onErrors(result.errors, result.data);
                else if (!init.allowErrors) {
                    pending.push(...result.errors);
                    lastPartial = result;
                }
            }
            const page = result.data;
            pagesRead++;
            const count = Array.isArray(page.items) ? page.items.length : 0;
            seenItems += count;
            yield page;
            // The token comes in the body, or in the x-next-token header.
            const next = op.pagination.token
                ? (page.continuation_token ?? result.response.headers.get("x-next-token") ?? undefined)
                : undefined;
            if (page.more_items_remaining === false || count === 0)
                break;
            if (next) {
                if (tokensSeen.has(next))
                    throw endless("it answered a continuation token it had already given");
                tokensSeen.add(next);
                token = next;
            }
            else if (op.pagination.offset) {
                if (page.more_items_remaining !== true &&
                    (page.total_item_count === undefined || offset + count >= page.total_item_count)) {
                    break;
                }
                // An array that ignores `offset` answers the same page again: no progress.
                const fingerprint = `${count}:${JSON.stringify(page.items?.[0])}:${JSON.stringify(page.items?.at(-1))}`;
                if (fingerprint === lastPage)
                    throw endless("the next offset answered the same items again");
                lastPage = fingerprint;
                token = undefined;
                offset += count;
            }
            else if (page.more_items_remaining === true) {
                throw endless("it says more_items_remaining: true but gives no continuation_token");
            }
            else {
                break;
            }
        }
        // After the last page, so every item that did come was yielded first.
        if (lastPartial && pending.length > 0)
            throw partialError(lastPartial, pending, seenItems, undefined);
    }
    async function* paginate(path, init) {
        for await (const page of pages(path, init)) {
            for (const item of page.items ?? [])
                yield item;
        }
    }
    const close = async () => {
        if (closed)
            return;
        closed = true;
        try {
            await auth.close();
        }
        finally {
            await transport.close?.();
        }
    };
    const client = {
        product: options.product,
        version,
        origin,
        baseUrl: base,
        operations: table,
        GET: (p, i) => call("get", p, i),
        POST: (p, i) => call("post", p, i),
        PUT: (p, i) => call("put", p, i),
        PATCH: (p, i) => call("patch", p, i),
        DELETE: (p, i) => call("delete", p, i),
        paginate,
        pages,
        unwrap,
        use: (middleware) => {
            const checked = checkMiddleware(middleware, (m) => new PurekitError("ERR_INVALID_ARGUMENT", m));
            middlewares.push(checked);
            return () => {
                const i = middlewares.indexOf(checked);
                if (i >= 0)
                    middlewares.splice(i, 1);
            };
        },
        close,
        [Symbol.asyncDispose]: close,
    };
    for (const op of table.operations) {
        // Arguments: [query] [body] [options], each present only where the operation has it.
        const hasQuery = op.query.length > 0;
        client[op.name] = (...args) => {
            const query = (hasQuery ? args.shift() : undefined);
            const body = op.body ? args.shift() : undefined;
            const opts = args.shift();
            return unwrap(call(op.method, op.path, {
                params: { query: query ?? {} },
                ...(body !== undefined ? { body } : {}),
                ...(opts?.headers ? { headers: opts.headers } : {}),
                ...(opts?.signal ? { signal: opts.signal } : {}),
                ...(opts?.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
            }), opts);
        };
    }
    return client;
}
//# sourceMappingURL=client.js.map