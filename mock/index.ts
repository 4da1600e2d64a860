/**
 * purekit/mock: stateful fakes of FlashArray, FlashBlade and Pure1 built from the
 * generated operation tables, speaking the real wire protocol (docs/protocol.md), for
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

export type { Fault, FaultInjector, FaultSpec } from "./faults.ts";
export type { MockAnswer, MockHeaders, MockRequest } from "./http.ts";
export type { Journal, JournalEntry } from "./journal.ts";
export {
  createFlashArrayMock,
  createFlashBladeMock,
  createInProcessFetch,
  createPure1Mock,
} from "./msw.ts";
export { createRecorder, REDACTED, type SeedManifest } from "./recorder.ts";
export type { Collection, Item } from "./state/collection.ts";
export type { MockState } from "./state/store.ts";
export type {
  ArrayMockOptions,
  MockApiClient,
  MockArray,
  MockCommonOptions,
  MockCore,
  MockPure1App,
  MockSeed,
  MockUser,
  Pure1MockOptions,
  RecordedSeed,
  ServedArray,
} from "./types.ts";
