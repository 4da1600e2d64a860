/**
 * A `fetch` answered in-process by msw handlers through `getResponse` — no global
 * patching, no interceptors, no `msw/node`: this is what keeps a Deno process that
 * uses the mocks able to exit (msw's Node interception keeps a BroadcastChannel
 * that Deno cannot unref).
 */
import { type RequestHandler } from "./msw.js";
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
export declare function createInProcessFetch(handlers: RequestHandler[], baseUrl: string): typeof fetch;
//# sourceMappingURL=fetch.d.ts.map