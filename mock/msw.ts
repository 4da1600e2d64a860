/**
 * The msw adapter, and the one place the mocks import msw: `array.handlers` for
 * `setupServer(...array.handlers)` or `setupWorker`, answered by the array's core; and
 * so the product factories, whose arrays carry those handlers. The products' profiles
 * (flasharray.ts, flashblade.ts, pure1.ts) import no msw: the standalone server
 * (`purekit mock`) serves their cores without it.
 * The Deno adapter must run first (module evaluation follows import order), so a Deno
 * process that imports the mocks can still exit; see platform/deno.ts.
 */
import "./platform/deno.ts";

import { getResponse, http, type RequestHandler } from "msw";
import { untilAborted } from "../runtime/abort.ts";
import { createMockCore } from "./array.ts";
import { droppedConnection } from "./fetch.ts";
import { flashArrayProfile } from "./flasharray.ts";
import { flashBladeProfile } from "./flashblade.ts";
import type { ProductProfile } from "./profile.ts";
import { pure1Profile } from "./pure1.ts";
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

/**
 * A stateful FlashArray that speaks the real REST protocol, in-process.
 *
 * @example
 * ```ts
 * import { createFlashArrayMock } from "purekit/mock";
 *
 * const array = createFlashArrayMock({ version: "2.56", seed: { volumes: 1000 } });
 * const login = await array.fetch(`${array.baseUrl}/api/2.56/login`, {
 *   method: "POST",
 *   headers: { "api-token": array.apiToken },
 * });
 * const session = login.headers.get("x-auth-token")!;
 * const page = await array.fetch(`${array.baseUrl}/api/2.56/volumes?limit=10`, {
 *   headers: { "x-auth-token": session },
 * });
 * (await page.json()).items.length; // 10
 * ```
 */
export function createFlashArrayMock(options: ArrayMockOptions = {}): MockArray {
  return createMockArray(flashArrayProfile, options);
}

/**
 * A stateful FlashBlade that speaks the real REST protocol, in-process.
 *
 * @example
 * ```ts
 * import { createFlashBladeMock } from "purekit/mock";
 *
 * const blade = createFlashBladeMock({ seed: { "file-systems": 50 } });
 * const login = await blade.fetch(`${blade.baseUrl}/api/login`, {
 *   method: "POST",
 *   headers: { "api-token": blade.apiToken },
 * });
 * const res = await blade.fetch(`${blade.baseUrl}/api/2.28/file-systems?limit=5`, {
 *   headers: { "x-auth-token": login.headers.get("x-auth-token")! },
 * });
 * ```
 */
export function createFlashBladeMock(options: ArrayMockOptions = {}): MockArray {
  return createMockArray(flashBladeProfile, options);
}

/**
 * A Pure1 REST API mock.
 *
 * @example
 * ```ts
 * import { createPure1Mock } from "purekit/mock";
 * import { SignJWT, generateKeyPair, exportSPKI } from "jose";
 *
 * const { publicKey, privateKey } = await generateKeyPair("RS256");
 * const pure1 = createPure1Mock({ apps: [{ appId: "pure1:apikey:test", publicKey }] });
 * const jwt = await new SignJWT({}).setProtectedHeader({ alg: "RS256", typ: "JWT" })
 *   .setIssuer("pure1:apikey:test").setIssuedAt().setExpirationTime("1h").sign(privateKey);
 * const res = await pure1.fetch(`${pure1.baseUrl}/oauth2/1.0/token`, {
 *   method: "POST",
 *   body: new URLSearchParams({
 *     grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
 *     subject_token: jwt,
 *     subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
 *   }),
 * });
 * const { access_token } = await res.json();
 * ```
 */
export function createPure1Mock(options: Pure1MockOptions = {}): MockArray {
  return createMockArray(pure1Profile, options);
}
