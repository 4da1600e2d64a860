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
import { generated, } from "../generated/pure1/index.js";
import { createPure1ClientFrom } from "./products.js";
/** The Pure1 versions and tables purekit ships (pass your own as `generated`). */
export const pure1 = generated;
export function createPure1Client(options = {}) {
    return createPure1ClientFrom(generated, options);
}
//# sourceMappingURL=pure1.js.map