/**
 * Failure injection. A fault is scoped by method and path, fires a number of
 * times or with a probability, and answers instead of the array (any status and
 * body, an HTML error page), delays the real answer, truncates it, or drops the
 * connection. Probabilities use a seeded PRNG, so a test run is reproducible.
 */
import { sleep } from "../runtime/retry.ts";
import type { MockAnswer, MockRequest } from "./http.ts";
import { hash32, prng } from "./state/random.ts";

/** What to inject. Everything is optional; `{ status: 503 }` is a complete fault. */
export interface FaultSpec {
  /** Only requests with this method (any case). */
  method?: string;
  /**
   * Only requests to this path: the full path (`/api/2.56/volumes`), the version-free
   * path (`/volumes`), a pattern with `*` (`/api/*\/login`), or a RegExp on the full path.
   */
  path?: string | RegExp;
  /** Fire this many times, then retire (default: until removed). */
  times?: number;
  /** Fire on this fraction of matching requests, 0..1 (default 1). */
  rate?: number;
  /** Answer with this status instead of the array. */
  status?: number;
  /** Body of that answer (JSON-encoded unless a string); default the array's error shape for the status. */
  body?: unknown;
  /** Headers of that answer, e.g. `{ "retry-after": "1", "x-ratelimit-remaining-second": "0" }`. */
  headers?: Record<string, string>;
  /** Wait this long first (then answer `status`, or let the array answer). */
  latencyMs?: number;
  /** Answer an HTML error page (status default 502), as a proxy in front of an array does. */
  html?: boolean;
  /** Cut the JSON body in half (the array's own answer, or `body`). */
  truncate?: boolean;
  /** Drop the connection: the standalone server destroys the socket; in-process `fetch` rejects with a network `TypeError`. */
  drop?: boolean;
}

/** A fault in force. */
export interface Fault {
  readonly id: number;
  readonly spec: Readonly<FaultSpec>;
  /** How often it fired. */
  readonly hits: number;
  /** Takes it out of force. */
  remove(): void;
}

interface ActiveFault extends Fault {
  hits: number;
  remaining: number;
  /** Whether a request's path (as received, and without `/api/<version>`) is in scope. */
  inScope: (path: string, versionFreePath: string) => boolean;
}

const DEFAULT_MESSAGES: Record<number, string> = {
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

function htmlPage(status: number): string {
  const title = `${status} ${DEFAULT_MESSAGES[status]?.replace(/\.$/, "") ?? "Error"}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^?]*")}$`);
}

/** The path test of {@link FaultSpec.path}, built once when the fault is added. */
function pathScope(want: string | RegExp | undefined): ActiveFault["inScope"] {
  if (want === undefined) return () => true;
  if (typeof want !== "string") return (path) => want.test(path);
  if (!want.includes("*")) return (path, versionFreePath) => want === path || want === versionFreePath;
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
  #faults: ActiveFault[] = [];
  #nextId = 1;
  #random: () => number;
  #errorBody: (status: number, message: string) => unknown;

  /** `errorBody` makes the default body for a status in the product's error shape. */
  constructor(errorBody: (status: number, message: string) => unknown, seed = "faults") {
    this.#errorBody = errorBody;
    this.#random = prng(hash32(seed));
  }

  /** Faults in force, oldest first. */
  get active(): readonly Fault[] {
    return [...this.#faults];
  }

  /** Puts a fault in force; the first matching fault in order of addition fires. */
  add(spec: FaultSpec): Fault {
    if (spec.rate !== undefined && !(spec.rate >= 0 && spec.rate <= 1)) {
      throw new RangeError(`fault rate must be between 0 and 1, got ${spec.rate}`);
    }
    if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times > 0)) {
      throw new RangeError(`fault times must be a positive integer, got ${spec.times}`);
    }
    const fault: ActiveFault = {
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
  clear(): void {
    this.#faults = [];
  }

  /**
   * Runs `next` (the array) unless a fault fires for this request; `null` when a
   * `drop` fault wants the connection dropped.
   * `versionPrefix` matches `/api/<version>` at the start of a path: faults match paths
   * with and without it (auth endpoints have none).
   */
  async apply(
    request: MockRequest,
    versionPrefix: RegExp,
    next: () => Promise<MockAnswer>,
  ): Promise<MockAnswer | null> {
    // Most requests meet no fault: nothing to match then.
    if (this.#faults.length === 0) return next();
    const fault = this.#match(request, request.path.replace(versionPrefix, ""));
    if (!fault) return next();
    const spec = fault.spec;
    if (spec.latencyMs) await sleep(spec.latencyMs, request.signal);
    if (spec.drop) return null;
    const status = spec.status ?? (spec.html ? 502 : undefined);
    // Header names as web `Headers` would hold them: one entry per name, any case given.
    const extra: Record<string, string> = {};
    for (const [k, v] of Object.entries(spec.headers ?? {})) extra[k.toLowerCase()] = v;
    let answer: MockAnswer;
    if (spec.html) {
      answer = {
        status: status ?? 502,
        headers: { "content-type": "text/html", ...extra },
        body: htmlPage(status ?? 502),
      };
    } else if (status !== undefined) {
      const body = spec.body ?? this.#errorBody(status, DEFAULT_MESSAGES[status] ?? "Injected fault.");
      const text = typeof body === "string" ? body : JSON.stringify(body);
      answer = {
        status,
        headers: { "content-type": "application/json", ...extra },
        body: status === 204 || status === 304 ? null : text,
      };
    } else {
      answer = await next();
      if (spec.headers) answer = { ...answer, headers: { ...answer.headers, ...extra } };
    }
    if (spec.truncate) {
      const body = answer.body ?? "";
      const { "content-length": _length, ...headers } = answer.headers;
      answer = {
        status: answer.status,
        headers,
        body: body.slice(0, Math.max(1, Math.floor(body.length / 2))),
      };
    }
    return answer;
  }

  #match(request: MockRequest, versionFreePath: string): ActiveFault | undefined {
    const path = request.path;
    for (const fault of this.#faults) {
      const { method, rate } = fault.spec;
      if (method && method.toUpperCase() !== request.method.toUpperCase()) continue;
      if (!fault.inScope(path, versionFreePath)) continue;
      if (rate !== undefined && this.#random() >= rate) continue;
      fault.hits++;
      fault.remaining--;
      if (fault.remaining <= 0) fault.remove();
      return fault;
    }
    return undefined;
  }
}
