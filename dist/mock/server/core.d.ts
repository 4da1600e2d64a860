import { type RequestHandler } from "../msw.js";
/** An answer, or `null` when an injected `drop` fault wants the connection destroyed. */
export type ServeHandler = (request: Request) => Promise<Response | null>;
/**
 * @example
 * ```ts
 * const serve = createServeHandler(array.handlers);
 * const response = await serve(new Request(`${array.baseUrl}/api/api_version`));
 * ```
 */
export declare function createServeHandler(handlers: RequestHandler[]): ServeHandler;
//# sourceMappingURL=core.d.ts.map