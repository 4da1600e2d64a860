/**
 * A `fetch` answered in-process by msw handlers through `getResponse` — no global
 * patching, no interceptors, no `msw/node`: this is what keeps a Deno process that
 * uses the mocks able to exit (msw's Node interception keeps a BroadcastChannel
 * that Deno cannot unref).
 */
import { getResponse } from "./msw.js";
function abortable(pending, signal) {
    if (signal.aborted)
        return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener("abort", onAbort, { once: true });
        pending.then((value) => {
            signal.removeEventListener("abort", onAbort);
            resolve(value);
        }, (error) => {
            signal.removeEventListener("abort", onAbort);
            reject(error);
        });
    });
}
/**
 * Builds a fetch over `handlers`. Requests no handler answers reject like a
 * network failure, naming the origin the mock serves; an injected `drop` fault
 * rejects the same way.
 *
 * @example
 * ```ts
 * const fetch = createInProcessFetch(array.handlers, array.baseUrl);
 * const res = await fetch(`${array.baseUrl}/api/api_version`);
 * ```
 */
export function createInProcessFetch(handlers, baseUrl) {
    const mockFetch = async (input, init) => {
        const request = new Request(input, init);
        const response = await abortable(getResponse(handlers, request), request.signal);
        if (!response) {
            throw new TypeError(`fetch failed: no mock answers ${request.method} ${request.url}; this mock serves ${baseUrl}`);
        }
        if (response.type === "error") {
            throw new TypeError("fetch failed", { cause: new Error("connection dropped by an injected fault") });
        }
        return response;
    };
    return mockFetch;
}
//# sourceMappingURL=fetch.js.map