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
import { generated, } from "../generated/flasharray/index.js";
import { createArrayClient } from "./products.js";
/** The FlashArray versions and tables purekit ships (pass your own as `generated`). */
export const flasharray = generated;
export function createFlashArrayClient(options) {
    return createArrayClient("flasharray", generated, options);
}
//# sourceMappingURL=flasharray.js.map