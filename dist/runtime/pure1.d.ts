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
import { type LatestComponents, type LatestOperations, type LatestPaths, type Version } from "../generated/pure1/index.js";
import type { GeneratedProduct } from "../spec/table.js";
import type { PureClient } from "./client.js";
import { type Pure1ClientOptions, type WithGenerated } from "./products.js";
export type { Pure1ClientOptions, WithGenerated } from "./products.js";
/** Pure1 REST versions purekit ships types and tables for. */
export type Pure1Version = Version;
/** Data paths of the newest shipped version (`/arrays`, …). */
export type Pure1LatestPaths = LatestPaths;
/** `components` of the newest shipped version. */
export type Pure1Components = LatestComponents;
/** A schema of the newest shipped version: `Pure1Schema<"Array">`. */
export type Pure1Schema<N extends keyof LatestComponents["schemas"]> = LatestComponents["schemas"][N];
/** A Pure1 client; `Paths`/`Ops` default to the newest shipped version. */
export type Pure1Client<Paths extends {} = LatestPaths, Ops = LatestOperations> = PureClient<Paths, Ops>;
/** The Pure1 versions and tables purekit ships (pass your own as `generated`). */
export declare const pure1: GeneratedProduct<"pure1", LatestPaths, LatestOperations, Version>;
/**
 * A Pure1 client (OAuth2 application JWT exchange; a 403 means re-authenticate).
 *
 * @example
 * ```ts
 * const p1 = await createPure1Client({ auth: { appId: "pure1:apikey:…", privateKeyFile: "private.pem" } });
 * const arrays = await p1.getArrays();
 * ```
 */
export declare function createPure1Client<Paths extends {}, Ops, V extends string>(options: Pure1ClientOptions<V> & WithGenerated<"pure1", Paths, Ops, V>): Promise<Pure1Client<Paths, Ops>>;
export declare function createPure1Client<Paths extends {} = LatestPaths, Ops = LatestOperations>(options?: Pure1ClientOptions<Version>): Promise<Pure1Client<Paths, Ops>>;
//# sourceMappingURL=pure1.d.ts.map