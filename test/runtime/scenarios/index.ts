/**
 * The scenario suite: every file here runs on Node (vitest, through
 * test/runtime/scenarios.test.ts) and on Deno (`deno test -A test/runtime/scenarios/index.ts`,
 * which that same vitest file spawns), from the same source. Add a scenario file by
 * importing it below; nothing else keeps a list or a count.
 */
import "./keys.scenario.ts";
import "./transport.scenario.ts";
import "./network.scenario.ts";
import "./client.scenario.ts";
