/**
 * The little the core needs from the platform beyond web globals: reading a
 * key file and an environment variable. Node and Deno differ here, so each
 * has an adapter, loaded only where it runs.
 */

export interface Platform {
  /** A file's bytes, by path or `file:` URL (both runtimes read either). */
  readFile(path: string | URL): Promise<Uint8Array>;
  env(name: string): string | undefined;
}

let platform: Promise<Platform> | undefined;

/** The adapter for the platform this runs on. */
export function getPlatform(): Promise<Platform> {
  platform ??=
    "Deno" in globalThis
      ? import("./deno.ts").then((m) => m.denoPlatform)
      : import("./node.ts").then((m) => m.nodePlatform);
  return platform;
}
