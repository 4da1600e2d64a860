/**
 * A `fetch` answered in-process by a mock array's core: no msw, no global patching,
 * no interceptors (what keeps a Deno process that uses the mocks able to exit).
 */
import { untilAborted } from "../runtime/abort.ts";
import type { MockCore } from "./types.ts";
import { fromWebRequest, toResponse } from "./web.ts";

/** The TypeError fetch rejects with on a network failure; an injected `drop` fault looks the same. */
export function droppedConnection(): TypeError {
  return new TypeError("fetch failed", { cause: new Error("connection dropped by an injected fault") });
}

/**
 * Builds a fetch over one mock array. Requests outside the array's `baseUrl` reject
 * like a network failure, naming the origin the mock serves; so does an injected
 * `drop` fault. The caller's signal ends the wait (the mock finishes on its own).
 *
 * @example
 * ```ts
 * const fetch = createArrayFetch(array); // what `array.fetch` is
 * const res = await fetch(`${array.baseUrl}/api/api_version`);
 * ```
 */
export function createArrayFetch(core: Pick<MockCore, "baseUrl" | "answer">): typeof fetch {
  const base = new URL(core.baseUrl);
  // The same scope as the msw handler `${baseUrl}/*`: the origin, under the base's path.
  const basePath = base.pathname.replace(/\/+$/, "");
  const mockFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== base.origin || !url.pathname.startsWith(`${basePath}/`)) {
      throw new TypeError(
        `fetch failed: no mock answers ${request.method} ${request.url}; this mock serves ${core.baseUrl}`,
      );
    }
    const answer = await untilAborted(core.answer(fromWebRequest(request)), request.signal);
    if (!answer) throw droppedConnection();
    return toResponse(answer);
  };
  return mockFetch as typeof fetch;
}
