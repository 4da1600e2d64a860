// Stages the mock's recorded answers for JSR into the git-ignored fixtures/recorded/:
// `deno publish` takes files from this folder only (see scripts/fixtures.mjs).
// `npm run jsr:check` runs this first.
import { join } from "node:path";
import { root, stageFixtures } from "./fixtures.mjs";

stageFixtures(join(root, "fixtures", "recorded"), { gzip: false });
