import type { ProductProfile } from "./profile.js";
import type { ArrayMockOptions, MockArray } from "./types.js";
export declare const flashArrayProfile: ProductProfile;
/**
 * A stateful FlashArray that speaks the real REST protocol, in-process.
 *
 * @example
 * ```ts
 * import { createFlashArrayMock } from "purekit/mock";
 *
 * const array = createFlashArrayMock({ version: "2.56", seed: { volumes: 1000 } });
 * const login = await array.fetch(`${array.baseUrl}/api/2.56/login`, {
 *   method: "POST",
 *   headers: { "api-token": array.apiToken },
 * });
 * const session = login.headers.get("x-auth-token")!;
 * const page = await array.fetch(`${array.baseUrl}/api/2.56/volumes?limit=10`, {
 *   headers: { "x-auth-token": session },
 * });
 * (await page.json()).items.length; // 10
 * ```
 */
export declare function createFlashArrayMock(options?: ArrayMockOptions): MockArray;
//# sourceMappingURL=flasharray.d.ts.map