import type { ProductProfile } from "./profile.js";
import type { ArrayMockOptions, MockArray } from "./types.js";
export declare const flashBladeProfile: ProductProfile;
/**
 * A stateful FlashBlade that speaks the real REST protocol, in-process.
 *
 * @example
 * ```ts
 * import { createFlashBladeMock } from "purekit/mock";
 *
 * const blade = createFlashBladeMock({ seed: { "file-systems": 50 } });
 * const login = await blade.fetch(`${blade.baseUrl}/api/login`, {
 *   method: "POST",
 *   headers: { "api-token": blade.apiToken },
 * });
 * const res = await blade.fetch(`${blade.baseUrl}/api/2.28/file-systems?limit=5`, {
 *   headers: { "x-auth-token": login.headers.get("x-auth-token")! },
 * });
 * ```
 */
export declare function createFlashBladeMock(options?: ArrayMockOptions): MockArray;
//# sourceMappingURL=flashblade.d.ts.map