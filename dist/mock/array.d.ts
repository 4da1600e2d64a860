/**
 * One mock array: composes the state store, credentials, fault injector and
 * journal with a router that speaks the wire protocol of PROTOCOL.md, and exposes
 * it as msw handlers and an in-process fetch. Product differences come in as a
 * {@link ProductProfile}.
 */
import type { ProductProfile } from "./profile.js";
import type { ArrayMockOptions, MockArray, Pure1MockOptions } from "./types.js";
/** Builds a mock array for a product profile. Use the product factories instead. */
export declare function createMockArray(profile: ProductProfile, options: ArrayMockOptions & Pure1MockOptions): MockArray;
//# sourceMappingURL=array.d.ts.map