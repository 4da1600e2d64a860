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
import {
  generated,
  type LatestComponents,
  type LatestOperations,
  type LatestPaths,
  type Version,
} from "../generated/flasharray/index.js";
import type { GeneratedProduct } from "../spec/table.ts";
import type { PureClient } from "./client.ts";
import { type ArrayClientOptions, createArrayClient, type WithGenerated } from "./products.ts";

export type { ArrayClientOptions, WithGenerated } from "./products.ts";
/** REST versions of FlashArray that purekit ships types and tables for. */
export type FlashArrayVersion = Version;
/**
 * Data paths of the newest shipped version (`/volumes`, …). An interface rather than an
 * alias, like FlashArrayLatestOperations and FlashArrayGenerated: a type your code infers from them (a
 * function that returns a client) is then written with names `purekit/flasharray` exports, so
 * `declaration: true` can emit it.
 */
export interface FlashArrayLatestPaths extends LatestPaths {}
/** Operations of the newest shipped version by `operationId` (what the friendly methods take). */
export interface FlashArrayLatestOperations extends LatestOperations {}
/** `components` (schemas, responses, parameters) of the newest shipped version. */
export type FlashArrayComponents = LatestComponents;
/** A schema of the newest shipped version: `FlashArraySchema<"Volume">`. */
export type FlashArraySchema<N extends keyof LatestComponents["schemas"]> = LatestComponents["schemas"][N];

/** A FlashArray client; `Paths`/`Ops` default to the newest shipped version. */
export type FlashArrayClient<
  Paths extends {} = FlashArrayLatestPaths,
  Ops = FlashArrayLatestOperations,
> = PureClient<Paths, Ops>;

/** What `flasharray` is: the shipped versions, loaders and the newest version's types. */
export interface FlashArrayGenerated
  extends GeneratedProduct<"flasharray", FlashArrayLatestPaths, FlashArrayLatestOperations, Version> {}
/** The FlashArray versions and tables purekit ships (pass your own as `generated`). */
export const flasharray: FlashArrayGenerated = generated;

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
export function createFlashArrayClient<Paths extends {}, Ops, V extends string>(
  options: ArrayClientOptions<V> & WithGenerated<"flasharray", Paths, Ops, V>,
): Promise<FlashArrayClient<Paths, Ops>>;
export function createFlashArrayClient<
  Paths extends {} = FlashArrayLatestPaths,
  Ops = FlashArrayLatestOperations,
>(options: ArrayClientOptions<Version>): Promise<FlashArrayClient<Paths, Ops>>;
export function createFlashArrayClient(options: ArrayClientOptions): Promise<FlashArrayClient> {
  return createArrayClient("flasharray", generated, options);
}
