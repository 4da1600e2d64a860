/**
 * The msw adapter, and the one place the mocks import msw: `array.handlers` for
 * `setupServer(...array.handlers)` or `setupWorker`, answered by the array's core.
 * The Deno adapter must run first (module evaluation follows import order), so a Deno
 * process that imports the mocks can still exit; see platform/deno.ts.
 */
import "./platform/deno.ts";

import { getResponse, http, type RequestHandler } from "msw";
import { untilAborted } from "../runtime/abort.ts";
import { createMockCore } from "./array.ts";
import { droppedConnection } from "./fetch.ts";
import type { ProductProfile } from "./profile.ts";
import type { ArrayMockOptions, MockArray, MockCore, Pure1MockOptions } from "./types.ts";

export type { RequestHandler } from "msw";

/**
 * msw handlers for a mock core: everything under its `baseUrl`.
 *
 * @example
 * ```ts
 * const server = setupServer(...mswHandlers(array));
 * ```
 */
export function mswHandlers(core: MockCore): RequestHandler[] {
  return [http.all(`${core.baseUrl}/*`, ({ request }) => core.handle(request))];
}

/** A mock array for a product profile: the core plus its msw handlers. Use the product factories instead. */
export function createMockArray(
  profile: ProductProfile,
  options: ArrayMockOptions & Pure1MockOptions,
): MockArray {
  const core = createMockCore(profile, options);
  return { ...core, handlers: mswHandlers(core) };
}

/**
 * Builds a fetch over any msw `handlers`, answered in-process through msw's
 * `getResponse`. Requests no handler answers reject like a network failure, naming
 * `baseUrl`; an injected `drop` fault rejects the same way. (`array.fetch` is the
 * faster route for one mock array: it calls the core directly.)
 *
 * @example
 * ```ts
 * const fetch = createInProcessFetch(array.handlers, array.baseUrl);
 * const res = await fetch(`${array.baseUrl}/api/api_version`);
 * ```
 */
export function createInProcessFetch(handlers: RequestHandler[], baseUrl: string): typeof fetch {
  const mockFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const response = await untilAborted(getResponse(handlers, request), request.signal);
    if (!response) {
      throw new TypeError(
        `fetch failed: no mock answers ${request.method} ${request.url}; this mock serves ${baseUrl}`,
      );
    }
    if (response.type === "error") throw droppedConnection();
    return response;
  };
  return mockFetch as typeof fetch;
}
