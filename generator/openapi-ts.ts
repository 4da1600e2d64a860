/**
 * openapi-typescript, loaded with `require` (its CommonJS build) rather than `import`.
 * From a checkout, purekit runs through tsx, whose loader hooks see every imported
 * module's source on Node 20: through `import`, openapi-typescript and the TypeScript
 * compiler it imports (9 MB of JavaScript) cost ~58 MB more resident memory than through
 * `require` (measured: +127 MB vs +69 MB), most of the generator's fixed cost. Both builds
 * are the same code; every generator module takes openapi-typescript from here, so one
 * copy loads. See docs/decisions/019-generator-incremental-types.md.
 */
import { createRequire } from "node:module";
import type * as OpenapiTS from "openapi-typescript";

export type { GlobalContext, OpenAPI3 } from "openapi-typescript";

/**
 * openapi-typescript's exports.
 *
 * @example
 * ```ts
 * const text = ots.astToString(await ots.default(doc, { silent: true }));
 * ```
 */
export const ots = createRequire(import.meta.url)("openapi-typescript") as typeof OpenapiTS;
