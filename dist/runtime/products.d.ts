/**
 * What the three product entries (`purekit/flasharray`, `purekit/flashblade`,
 * `purekit/pure1`) share: their options and one factory over a generated product.
 * Each product lives in its own entry so that a FlashArray app type-checks only
 * FlashArray's types (docs/decisions/006-entry-points.md).
 */
import type { GeneratedProduct, Product } from "../spec/table.js";
import { type ArrayAuth, type Pure1Auth } from "./auth/index.js";
import { type BaseClientOptions, type PureClient } from "./client.js";
/** Options of `createFlashArrayClient` and `createFlashBladeClient`. */
export interface ArrayClientOptions<V extends string = string> extends BaseClientOptions {
    /** `array.example.com`, `array.example.com:8443`, or `https://array.example.com`. */
    host: string;
    auth: ArrayAuth;
    /** Pin a REST version; default: the newest both purekit and the array know. */
    version?: V;
}
/** Options of `createPure1Client`. */
export interface Pure1ClientOptions<V extends string = string> extends BaseClientOptions {
    /** Default: `PURE1_APP_ID` + `PURE1_PRIVATE_KEY_FILE`, or `PURE1_ID_TOKEN`. */
    auth?: Pure1Auth;
    /** Default `https://api.pure1.purestorage.com`. */
    baseUrl?: string;
    version?: V;
}
/**
 * Versions you generated yourself (`purekit generate --spec … --out DIR`): pass the
 * `generated` export of `DIR/<product>/index.js`, and the client knows those versions
 * and is typed by the newest of them.
 */
export interface WithGenerated<P extends Product, Paths, Ops, V extends string> {
    generated: GeneratedProduct<P, Paths, Ops, V>;
}
/** @internal The factories of the product entries call this. */
export declare function createArrayClient<Paths extends {}, Ops>(product: "flasharray" | "flashblade", shipped: GeneratedProduct, options: ArrayClientOptions & {
    generated?: GeneratedProduct;
}): Promise<PureClient<Paths, Ops>>;
/** @internal */
export declare function createPure1ClientFrom<Paths extends {}, Ops>(shipped: GeneratedProduct, options: Pure1ClientOptions & {
    generated?: GeneratedProduct;
}): Promise<PureClient<Paths, Ops>>;
//# sourceMappingURL=products.d.ts.map