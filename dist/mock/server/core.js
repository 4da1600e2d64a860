/**
 * What the standalone servers share, with no platform code: answering a web
 * `Request` with the same msw handlers the in-process mocks use (through
 * `getResponse`), and telling the adapter when to drop the connection instead.
 */
import { json } from "../http.js";
import { getResponse } from "../msw.js";
/**
 * @example
 * ```ts
 * const serve = createServeHandler(array.handlers);
 * const response = await serve(new Request(`${array.baseUrl}/api/api_version`));
 * ```
 */
export function createServeHandler(handlers) {
    return async (request) => {
        const response = await getResponse(handlers, request);
        if (!response) {
            return json({ errors: [{ message: `No such path: ${new URL(request.url).pathname}.` }] }, 404);
        }
        return response.type === "error" ? null : response;
    };
}
//# sourceMappingURL=core.js.map