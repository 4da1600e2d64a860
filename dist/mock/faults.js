/**
 * Failure injection. A fault is scoped by method and path, fires a number of
 * times or with a probability, and answers instead of the array (any status and
 * body, an HTML error page), delays the real answer, truncates it, or drops the
 * connection. Probabilities use a seeded PRNG, so a test run is reproducible.
 */
import { hash32, prng } from "./state/random.js";
const DEFAULT_MESSAGES = {
    400: "Bad request.",
    401: "Authentication failed: the session is not valid. Log in again.",
    403: "Forbidden.",
    404: "Not found.",
    429: "Too many requests.",
    500: "Server is busy",
    502: "Bad gateway.",
    503: "Service unavailable.",
    504: "Gateway timeout.",
};
function htmlPage(status) {
    const title = `${status} ${DEFAULT_MESSAGES[status]?.replace(/\.$/, "") ?? "Error"}`;
    return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}
function delay(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const timer = setTimeout(() => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
    });
}
function globToRegExp(glob) {
    return new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^?]*")}$`);
}
/** The path test of {@link FaultSpec.path}, built once when the fault is added. */
function pathScope(want) {
    if (want === undefined)
        return () => true;
    if (typeof want !== "string")
        return (path) => want.test(path);
    if (!want.includes("*"))
        return (path, versionFreePath) => want === path || want === versionFreePath;
    const glob = globToRegExp(want);
    return (path, versionFreePath) => glob.test(path) || glob.test(versionFreePath);
}
/**
 * The fault list of one mock array.
 *
 * @example
 * ```ts
 * array.faults.add({ method: "GET", path: "/volumes", times: 2, status: 503 });
 * array.faults.add({ path: "/volumes", status: 429, headers: { "retry-after": "1" } });
 * array.faults.add({ path: "/volumes", latencyMs: 200 });
 * array.faults.add({ path: "/volumes", truncate: true, times: 1 });
 * array.faults.clear();
 * ```
 */
export class FaultInjector {
    #faults = [];
    #nextId = 1;
    #random;
    #errorBody;
    /** `errorBody` makes the default body for a status in the product's error shape. */
    constructor(errorBody, seed = "faults") {
        this.#errorBody = errorBody;
        this.#random = prng(hash32(seed));
    }
    /** Faults in force, oldest first. */
    get active() {
        return [...this.#faults];
    }
    /** Puts a fault in force; the first matching fault in order of addition fires. */
    add(spec) {
        if (spec.rate !== undefined && !(spec.rate >= 0 && spec.rate <= 1)) {
            throw new RangeError(`fault rate must be between 0 and 1, got ${spec.rate}`);
        }
        if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times > 0)) {
            throw new RangeError(`fault times must be a positive integer, got ${spec.times}`);
        }
        const fault = {
            id: this.#nextId++,
            spec: { ...spec },
            hits: 0,
            remaining: spec.times ?? Number.POSITIVE_INFINITY,
            inScope: pathScope(spec.path),
            remove: () => {
                this.#faults = this.#faults.filter((f) => f !== fault);
            },
        };
        this.#faults.push(fault);
        return fault;
    }
    /** Takes every fault out of force. */
    clear() {
        this.#faults = [];
    }
    /**
     * Runs `next` (the array) unless a fault fires for this request.
     * `versionFreePath` is the path without `/api/<version>` (equal to `path` for auth endpoints).
     */
    async apply(request, versionFreePath, next) {
        const fault = this.#match(request, versionFreePath);
        if (!fault)
            return next();
        const spec = fault.spec;
        if (spec.latencyMs)
            await delay(spec.latencyMs, request.signal);
        if (spec.drop)
            return Response.error();
        const status = spec.status ?? (spec.html ? 502 : undefined);
        let response;
        if (spec.html) {
            response = new Response(htmlPage(status ?? 502), {
                status: status ?? 502,
                headers: { "content-type": "text/html", ...spec.headers },
            });
        }
        else if (status !== undefined) {
            const body = spec.body ?? this.#errorBody(status, DEFAULT_MESSAGES[status] ?? "Injected fault.");
            const text = typeof body === "string" ? body : JSON.stringify(body);
            response = new Response(status === 204 || status === 304 ? null : text, {
                status,
                headers: { "content-type": "application/json", ...spec.headers },
            });
        }
        else {
            response = await next();
            if (spec.headers) {
                const headers = new Headers(response.headers);
                for (const [k, v] of Object.entries(spec.headers))
                    headers.set(k, v);
                response = new Response(response.body, { status: response.status, headers });
            }
        }
        if (spec.truncate) {
            const text = await response.text();
            const headers = new Headers(response.headers);
            headers.delete("content-length");
            response = new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), {
                status: response.status,
                headers,
            });
        }
        return response;
    }
    #match(request, versionFreePath) {
        const path = new URL(request.url).pathname;
        for (const fault of this.#faults) {
            const { method, rate } = fault.spec;
            if (method && method.toUpperCase() !== request.method.toUpperCase())
                continue;
            if (!fault.inScope(path, versionFreePath))
                continue;
            if (rate !== undefined && this.#random() >= rate)
                continue;
            fault.hits++;
            fault.remaining--;
            if (fault.remaining <= 0)
                fault.remove();
            return fault;
        }
        return undefined;
    }
}
//# sourceMappingURL=faults.js.map