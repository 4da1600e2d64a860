/**
 * The little the core needs from the platform beyond web globals: reading a
 * key file and an environment variable. Node and Deno differ here, so each
 * has an adapter, loaded only where it runs.
 */
export interface Platform {
    readFile(path: string): Promise<Uint8Array>;
    env(name: string): string | undefined;
}
/** The adapter for the platform this runs on. */
export declare function getPlatform(): Promise<Platform>;
//# sourceMappingURL=index.d.ts.map