/**
 * `purekit/pure1`: the Pure1 client, typed by the newest Pure1 REST version purekit
 * ships. Importing it type-checks Pure1's types only.
 *
 * @example
 * ```ts
 * import { createPure1Client } from "purekit/pure1";
 * const p1 = await createPure1Client({ auth: { appId: "pure1:apikey:…", privateKeyFile: "private.pem" } });
 * for await (const a of p1.paginate("/arrays")) console.log(a.name);
 * ```
 */
import {
  generated,
  type LatestComponents,
  type LatestOperations,
  type LatestPaths,
  type Version,
} from "../generated/pure1/index.js";
import type { GeneratedProduct } from "../spec/table.ts";
import type { PureClient } from "./client.ts";
import { createPure1ClientFrom, type Pure1ClientOptions, type WithGenerated } from "./products.ts";

export type { Pure1ClientOptions, WithGenerated } from "./products.ts";
/** Pure1 REST versions purekit ships types and tables for. */
export type Pure1Version = Version;
/**
 * Data paths of the newest shipped version (`/arrays`, …). An interface rather than an
 * alias, like Pure1LatestOperations and Pure1Generated: a type your code infers from them (a
 * function that returns a client) is then written with names `purekit/pure1` exports, so
 * `declaration: true` can emit it.
 */
export interface Pure1LatestPaths extends LatestPaths {}
/** Operations of the newest shipped version by `operationId` (what the friendly methods take). */
export interface Pure1LatestOperations extends LatestOperations {}
/** `components` of the newest shipped version. */
export type Pure1Components = LatestComponents;
/** A schema of the newest shipped version: `Pure1Schema<"Array">`. */
export type Pure1Schema<N extends keyof LatestComponents["schemas"]> = LatestComponents["schemas"][N];

/** A Pure1 client; `Paths`/`Ops` default to the newest shipped version. */
export type Pure1Client<Paths extends {} = Pure1LatestPaths, Ops = Pure1LatestOperations> = PureClient<
  Paths,
  Ops
>;

/** What `pure1` is: the shipped versions, loaders and the newest version's types. */
export interface Pure1Generated
  extends GeneratedProduct<"pure1", Pure1LatestPaths, Pure1LatestOperations, Version> {}
/** The Pure1 versions and tables purekit ships (pass your own as `generated`). */
export const pure1: Pure1Generated = generated;

/**
 * A Pure1 client (OAuth2 application JWT exchange; a 403 means re-authenticate).
 *
 * @example
 * ```ts
 * const p1 = await createPure1Client({ auth: { appId: "pure1:apikey:…", privateKeyFile: "private.pem" } });
 * const arrays = await p1.getArrays();
 * ```
 */
export function createPure1Client<Paths extends {}, Ops, V extends string>(
  options: Pure1ClientOptions<V> & WithGenerated<"pure1", Paths, Ops, V>,
): Promise<Pure1Client<Paths, Ops>>;
export function createPure1Client<Paths extends {} = Pure1LatestPaths, Ops = Pure1LatestOperations>(
  options?: Pure1ClientOptions<Version>,
): Promise<Pure1Client<Paths, Ops>>;
export function createPure1Client(options: Pure1ClientOptions = {}): Promise<Pure1Client> {
  return createPure1ClientFrom(generated, options);
}
