/** purekit's version, sent in `User-Agent` (kept equal to package.json's by test/runtime/version.test.ts). */
export const PUREKIT_VERSION = "0.1.0";
