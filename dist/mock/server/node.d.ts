/**
 * The standalone mock server on Node: `node:https` (or `node:http`), turning each
 * incoming request into a web `Request` for the shared core and writing the web
 * `Response` back. A `drop` fault destroys the socket.
 */
import { type Server } from "node:http";
import type { MockArray } from "../types.js";
/** Options of {@link startNodeMockServer}. */
export interface NodeMockServerOptions {
    /** Port to listen on; 0 picks a free one (default 8443). */
    port?: number;
    /** Address to bind (default loopback `127.0.0.1`). */
    host?: string;
    /** Certificate and key (PEM) for HTTPS; leave out for plain HTTP. */
    tls?: {
        cert: string;
        key: string;
    };
    /** Largest request body (default the array's `maxRequestBytes`); reading stops there and answers 413. */
    maxRequestBytes?: number;
}
/** A running server. */
export interface NodeMockServer {
    /** `https://127.0.0.1:8443`, the origin clients use. */
    readonly url: string;
    readonly port: number;
    readonly server: Server;
    /** Stops accepting, ends open connections, resolves when closed. */
    close(): Promise<void>;
}
/**
 * Serves a mock array over HTTPS (or HTTP) on Node.
 *
 * @example
 * ```ts
 * const array = createFlashArrayMock({ baseUrl: "https://127.0.0.1:8443" });
 * const { certPem, keyPem } = await createSelfSignedCertificate();
 * const server = await startNodeMockServer(array, { port: 8443, tls: { cert: certPem, key: keyPem } });
 * // … curl --cacert ca.pem https://127.0.0.1:8443/api/api_version
 * await server.close();
 * ```
 */
export declare function startNodeMockServer(array: MockArray, options?: NodeMockServerOptions): Promise<NodeMockServer>;
//# sourceMappingURL=node.d.ts.map