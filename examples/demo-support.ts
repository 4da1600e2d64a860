// What the demo imports from purekit, as an application would ("purekit" → ../runtime/index.ts here).

export { createFlashArrayClient } from "../runtime/flasharray.ts";
export { f, PureApiError, sort } from "../runtime/index.ts";
export { generateRsaKeyPair as generateDemoKeys } from "../runtime/keys/index.ts";
