/**
 * `purekit/flashblade`: the FlashBlade client, typed by the newest REST version
 * purekit ships. Importing it type-checks FlashBlade's types only.
 *
 * @example
 * ```ts
 * import { createFlashBladeClient } from "purekit/flashblade";
 * await using fb = await createFlashBladeClient({ host: "array.example.com", auth: { apiToken: process.env.FB_API_TOKEN! } });
 * for await (const v of fb.paginate("/file-systems", { params: { query: { limit: 500 } } })) console.log(v.name);
 * ```
 */
import { type LatestComponents, type LatestOperations, type LatestPaths, type Version } from "../generated/flashblade/index.js";
import type { GeneratedProduct } from "../spec/table.js";
import type { PureClient } from "./client.js";
import { type ArrayClientOptions, type WithGenerated } from "./products.js";
export type { ArrayClientOptions, WithGenerated } from "./products.js";
/** REST versions of FlashBlade that purekit ships types and tables for. */
export type FlashBladeVersion = Version;
/** Data paths of the newest shipped version (`/volumes`, …). */
export type FlashBladeLatestPaths = LatestPaths;
/** `components` (schemas, responses, parameters) of the newest shipped version. */
export type FlashBladeComponents = LatestComponents;
/** A schema of the newest shipped version: `FlashBladeSchema<"FileSystem">`. */
export type FlashBladeSchema<N extends keyof LatestComponents["schemas"]> = LatestComponents["schemas"][N];
/** A FlashBlade client; `Paths`/`Ops` default to the newest shipped version. */
export type FlashBladeClient<Paths extends {} = LatestPaths, Ops = LatestOperations> = PureClient<Paths, Ops>;
/** The FlashBlade versions and tables purekit ships (pass your own as `generated`). */
export declare const flashblade: GeneratedProduct<"flashblade", LatestPaths, LatestOperations, Version>;
/**
 * A FlashBlade client: negotiates the REST version, logs in, and exposes typed
 * `GET`/`POST`/…, `paginate`, and friendly methods (`getVolumes`).
 *
 * @example
 * ```ts
 * const fb = await createFlashBladeClient({ host: "array.example.com", auth: { apiToken } });
 * const { data, error } = await fb.GET("/file-systems", { params: { query: { names: ["v1"] } } });
 * ```
 * With versions you generated yourself (`purekit generate --spec FB2.29.spec.yaml --out types`):
 * ```ts
 * import { generated } from "./types/flashblade/index.js";
 * const fb = await createFlashBladeClient({ host, auth, generated, version: "2.29" });
 * ```
 */
export declare function createFlashBladeClient<Paths extends {}, Ops, V extends string>(options: ArrayClientOptions<V> & WithGenerated<"flashblade", Paths, Ops, V>): Promise<FlashBladeClient<Paths, Ops>>;
export declare function createFlashBladeClient<Paths extends {} = LatestPaths, Ops = LatestOperations>(options: ArrayClientOptions<Version>): Promise<FlashBladeClient<Paths, Ops>>;
//# sourceMappingURL=flashblade.d.ts.map