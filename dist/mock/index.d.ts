/**
 * purekit/mock: stateful fakes of FlashArray, FlashBlade and Pure1 built from the
 * generated operation tables, speaking the real wire protocol (PROTOCOL.md), for
 * tests in-process (msw handlers or `array.fetch`) or over the network
 * (`purekit mock`, `mock/server/node.ts`, `mock/server/deno.ts`).
 *
 * @example
 * ```ts
 * import { createFlashArrayMock } from "purekit/mock";
 * import { setupServer } from "msw/node";
 *
 * const array = createFlashArrayMock({ seed: "recorded" });
 * const server = setupServer(...array.handlers); // or use array.fetch directly
 * ```
 */
export type { Fault, FaultInjector, FaultSpec } from "./faults.js";
export { createInProcessFetch } from "./fetch.js";
export { createFlashArrayMock } from "./flasharray.js";
export { createFlashBladeMock } from "./flashblade.js";
export type { Journal, JournalEntry } from "./journal.js";
export { createPure1Mock } from "./pure1.js";
export { createRecorder, REDACTED, type SeedManifest } from "./recorder.js";
export type { Collection, Item } from "./state/collection.js";
export type { MockState } from "./state/store.js";
export type { ArrayMockOptions, MockApiClient, MockArray, MockCommonOptions, MockPure1App, MockSeed, MockUser, Pure1MockOptions, RecordedSeed, } from "./types.js";
//# sourceMappingURL=index.d.ts.map