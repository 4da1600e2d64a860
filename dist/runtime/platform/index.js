/**
 * The little the core needs from the platform beyond web globals: reading a
 * key file and an environment variable. Node and Deno differ here, so each
 * has an adapter, loaded only where it runs.
 */
let platform;
/** The adapter for the platform this runs on. */
export function getPlatform() {
    platform ??=
        "Deno" in globalThis
            ? import("./deno.js").then((m) => m.denoPlatform)
            : import("./node.js").then((m) => m.nodePlatform);
    return platform;
}
//# sourceMappingURL=index.js.map