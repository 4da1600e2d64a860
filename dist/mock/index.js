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
export { createInProcessFetch } from "./fetch.js";
export { createFlashArrayMock } from "./flasharray.js";
export { createFlashBladeMock } from "./flashblade.js";
export { createPure1Mock } from "./pure1.js";
export { createRecorder, REDACTED } from "./recorder.js";
//# sourceMappingURL=index.js.map