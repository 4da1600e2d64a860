/**
 * The standalone mock server on Deno: `Deno.serve` hands the shared core web
 * `Request`s directly. Deno offers no way to destroy a socket from a handler, so a
 * `drop` fault sends the status line and then aborts the body stream, which the
 * client sees as a broken connection.
 */
import type { MockArray } from "../types.js";
/** Options of {@link startDenoMockServer}. */
export interface DenoMockServerOptions {
    port?: number;
    hostname?: string;
    tls?: {
        cert: string;
        key: string;
    };
}
/**
 * Serves a mock array with `Deno.serve`.
 *
 * @example
 * ```ts
 * // deno run -A serve.ts
 * const array = createFlashArrayMock({ baseUrl: "http://127.0.0.1:8080" });
 * const server = startDenoMockServer(array, { port: 8080 });
 * await server.shutdown();
 * ```
 */
export declare function startDenoMockServer(array: MockArray, options?: DenoMockServerOptions): {
    url: string;
    port: number;
    shutdown(): Promise<void>;
    finished: Promise<void>;
};
//# sourceMappingURL=deno.d.ts.map