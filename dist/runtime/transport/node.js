/**
 * Node adapter: undici's fetch with an Agent that carries the CA / skips
 * verification, returning Node's *global* Response. undici's own Response is
 * another class, so `instanceof Response` (openapi-fetch, user code) would fail.
 */
import { Agent, fetch as undiciFetch } from "undici";
import { withTlsErrors } from "./tls.js";
export function createNodeFetch(tls) {
  const agent = new Agent({
    connect: {
      ...(tls.ca.length > 0 ? { ca: tls.ca } : {}),
      rejectUnauthorized: !tls.insecure,
    },
  });
  const nodeFetch = async (input, init) => {
    // A global Request normalises every input form (openapi-fetch passes a Request,
    // users pass url + init with FormData, URLSearchParams, …) into one shape.
    const request = new Request(input, init);
    // Buffered: API bodies are small, and a buffered body survives a 307/308 redirect.
    const body = request.body === null ? undefined : await request.arrayBuffer();
    const response = await undiciFetch(request.url, {
      method: request.method,
      headers: [...request.headers],
      ...(body === undefined ? {} : { body }),
      signal: request.signal,
      redirect: request.redirect,
      dispatcher: agent,
    });
    return toGlobalResponse(response);
  };
  return Object.assign(withTlsErrors(nodeFetch, tls), { close: () => agent.close() });
}
/** Statuses whose Response must have a null body (Fetch standard), or `new Response` throws. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
async function toGlobalResponse(response) {
  const headers = new Headers();
  for (const [name, value] of response.headers) headers.append(name, value);
  const nullBody = NULL_BODY_STATUSES.has(response.status);
  if (nullBody) await response.body?.cancel();
  const converted = new Response(nullBody ? null : response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
  // `url` and `redirected` are read-only getters the constructor cannot set; keep them for error messages.
  Object.defineProperties(converted, {
    url: { value: response.url },
    redirected: { value: response.redirected },
  });
  return converted;
}
//# sourceMappingURL=node.js.map
