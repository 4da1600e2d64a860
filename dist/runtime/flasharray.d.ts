/**
 * `purekit/flasharray`: the FlashArray client, typed by the newest REST version
 * purekit ships. Importing it type-checks FlashArray's types only.
 *
 * @example
 * ```ts
 * import { createFlashArrayClient } from "purekit/flasharray";
 * await using fa = await createFlashArrayClient({ host: "array.example.com", auth: { apiToken: process.env.FA_API_TOKEN! } });
 * for await (const v of fa.paginate("/volumes", { params: { query: { limit: 500 } } })) console.log(v.name);
 * ```
 */
import { type LatestComponents, type LatestOperations, type LatestPaths, type Version } from "../generated/flasharray/index.js";
import type { GeneratedProduct } from "../spec/table.js";
import type { PureClient } from "./client.js";
import { type ArrayClientOptions, type WithGenerated } from "./products.js";
export type { ArrayClientOptions, WithGenerated } from "./products.js";
/** REST versions of FlashArray that purekit ships types and tables for. */
export type FlashArrayVersion = Version;
/** Data paths of the newest shipped version (`/volumes`, …). */
export type FlashArrayLatestPaths = LatestPaths;
/** `components` (schemas, responses, parameters) of the newest shipped version. */
export type FlashArrayComponents = LatestComponents;
/** A schema of the newest shipped version: `FlashArraySchema<"Volume">`. */
export type FlashArraySchema<N extends keyof LatestComponents["schemas"]> = LatestComponents["schemas"][N];
/** A FlashArray client; `Paths`/`Ops` default to the newest shipped version. */
export type FlashArrayClient<Paths extends {} = LatestPaths, Ops = LatestOperations> = PureClient<Paths, Ops>;
/** The FlashArray versions and tables purekit ships (pass your own as `generated`). */
export declare const flasharray: GeneratedProduct<"flasharray", LatestPaths, LatestOperations, Version>;
/**
 * A FlashArray client: negotiates the REST version, logs in, and exposes typed
 * `GET`/`POST`/…, `paginate`, and friendly methods (`getVolumes`).
 *
 * @example
 * ```ts
 * const fa = await createFlashArrayClient({ host: "array.example.com", auth: { apiToken } });
 * const { data, error } = await fa.GET("/volumes", { params: { query: { names: ["v1"] } } });
 * ```
 * With versions you generated yourself (`purekit generate --spec FA2.57.spec.yaml --out types`):
 * ```ts
 * import { generated } from "./types/flasharray/index.js";
 * const fa = await createFlashArrayClient({ host, auth, generated, version: "2.57" });
 * ```
 */
export declare function createFlashArrayClient<Paths extends {}, Ops, V extends string>(options: ArrayClientOptions<V> & WithGenerated<"flasharray", Paths, Ops, V>): Promise<FlashArrayClient<Paths, Ops>>;
export declare function createFlashArrayClient<Paths extends {} = LatestPaths, Ops = LatestOperations>(options: ArrayClientOptions<Version>): Promise<FlashArrayClient<Paths, Ops>>;
//# sourceMappingURL=flasharray.d.ts.map