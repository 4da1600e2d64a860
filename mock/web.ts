/**
 * The web adapter of the mock core: a web `Request` in, a web `Response` out. The msw
 * handlers, the in-process fetch and the Deno server use it; the node:http server
 * does not (it never builds either).
 */
import { hasNullBody } from "../runtime/body-status.ts";
import { readBodyBytes, readBodyText } from "./body.ts";
import type { MockAnswer, MockRequest } from "./http.ts";

/**
 * The core's view of a web `Request`; the body stays a stream until the core reads it
 * within its limit.
 *
 * @example
 * ```ts
 * const answer = await array.answer(fromWebRequest(new Request(`${array.baseUrl}/api/api_version`)));
 * ```
 */
export function fromWebRequest(request: Request): MockRequest {
  const url = new URL(request.url);
  return {
    method: request.method.toUpperCase(),
    path: url.pathname,
    search: url.search,
    headers: request.headers,
    text: (limit) => readBodyText(request, limit),
    bytes: (limit) => readBodyBytes(request, limit),
    signal: request.signal,
  };
}

/**
 * A web `Response` for an answer; `null` (a `drop` fault) becomes `Response.error()`,
 * which fetch callers see as a network failure.
 *
 * @example
 * ```ts
 * const response = toResponse(json({ items: [] }));
 * ```
 */
export function toResponse(answer: MockAnswer | null): Response {
  if (!answer) return Response.error();
  return new Response(hasNullBody(answer.status) ? null : (answer.body as BodyInit | null), {
    status: answer.status,
    headers: answer.headers,
  });
}
