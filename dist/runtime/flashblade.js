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
import { generated, } from "../generated/flashblade/index.js";
import { createArrayClient } from "./products.js";
/** The FlashBlade versions and tables purekit ships (pass your own as `generated`). */
export const flashblade = generated;
export function createFlashBladeClient(options) {
    return createArrayClient("flashblade", generated, options);
}
//# sourceMappingURL=flashblade.js.map