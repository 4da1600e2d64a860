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
import {
  generated,
  type LatestComponents,
  type LatestOperations,
  type LatestPaths,
  type Version,
} from "../generated/flashblade/index.js";
import type { GeneratedProduct } from "../spec/table.ts";
import type { PureClient } from "./client.ts";
import { type ArrayClientOptions, createArrayClient, type WithGenerated } from "./products.ts";

export type { ArrayClientOptions, WithGenerated } from "./products.ts";
/** REST versions of FlashBlade that purekit ships types and tables for. */
export type FlashBladeVersion = Version;
/**
 * Data paths of the newest shipped version (`/volumes`, …). An interface rather than an
 * alias, like FlashBladeLatestOperations and FlashBladeGenerated: a type your code infers from them (a
 * function that returns a client) is then written with names `purekit/flashblade` exports, so
 * `declaration: true` can emit it.
 */
export interface FlashBladeLatestPaths extends LatestPaths {}
/** Operations of the newest shipped version by `operationId` (what the friendly methods take). */
export interface FlashBladeLatestOperations extends LatestOperations {}
/** `components` (schemas, responses, parameters) of the newest shipped version. */
export type FlashBladeComponents = LatestComponents;
/** A schema of the newest shipped version: `FlashBladeSchema<"FileSystem">`. */
export type FlashBladeSchema<N extends keyof LatestComponents["schemas"]> = LatestComponents["schemas"][N];

/** A FlashBlade client; `Paths`/`Ops` default to the newest shipped version. */
export type FlashBladeClient<
  Paths extends {} = FlashBladeLatestPaths,
  Ops = FlashBladeLatestOperations,
> = PureClient<Paths, Ops>;

/** What `flashblade` is: the shipped versions, loaders and the newest version's types. */
export interface FlashBladeGenerated
  extends GeneratedProduct<"flashblade", FlashBladeLatestPaths, FlashBladeLatestOperations, Version> {}
/** The FlashBlade versions and tables purekit ships (pass your own as `generated`). */
export const flashblade: FlashBladeGenerated = generated;

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
export function createFlashBladeClient<Paths extends {}, Ops, V extends string>(
  options: ArrayClientOptions<V> & WithGenerated<"flashblade", Paths, Ops, V>,
): Promise<FlashBladeClient<Paths, Ops>>;
export function createFlashBladeClient<
  Paths extends {} = FlashBladeLatestPaths,
  Ops = FlashBladeLatestOperations,
>(options: ArrayClientOptions<Version>): Promise<FlashBladeClient<Paths, Ops>>;
export function createFlashBladeClient(options: ArrayClientOptions): Promise<FlashBladeClient> {
  return createArrayClient("flashblade", generated, options);
}
