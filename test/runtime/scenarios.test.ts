/**
 * The scenario suite (test/runtime/scenarios/) on both runtimes: vitest runs every scenario
 * here on Node, and the last test runs the same files with `deno test` (Deno's own runner,
 * sanitizers on), started beside the Node run. It checks that Deno exits by itself, with
 * status 0, having run and passed exactly the scenarios registered here: the list is
 * compared, name by name, so a broken import, a filter or a scenario registered on one
 * runtime only fails here.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scenarioNames } from "../helpers/scenario.ts";
import "./scenarios/index.ts";

const root = join(import.meta.dirname, "..", "..");
const deno = join(root, "node_modules", ".bin", "deno");
const ENTRY = "test/runtime/scenarios/index.ts";
const TIMEOUT_MS = 240_000;

interface Run {
  code: number | string | null;
  output: string;
}

/** Runs deno and resolves with its exit code (or the signal) and stdout + stderr, never rejecting. */
function runDeno(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      deno,
      args,
      {
        cwd: root,
        env: { ...process.env, NO_COLOR: "1" },
        timeout: TIMEOUT_MS,
        killSignal: "SIGKILL",
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const failed = error as
          | (Error & { code?: number | string; signal?: string; killed?: boolean })
          | null;
        const code = failed
          ? failed.killed
            ? `killed after ${TIMEOUT_MS} ms: the Deno process did not exit by itself`
            : (failed.code ?? failed.signal ?? failed.message)
          : 0;
        resolve({ code, output: `${stdout}\n${stderr}` });
      },
    );
  });
}

/** The names `deno test` reported as passed, in its order (`<name> ... ok (12ms)`, or `(689µs)`, `(1s)`). */
function passedNames(output: string): string[] {
  return [...output.matchAll(/^(.*) \.\.\. ok \([^)]*\)$/gm)].map((m) => m[1] ?? "");
}

// Started before the first scenario, so Deno works while vitest runs the Node side (and
// not at collection, so `vitest list` starts nothing); awaited by the last test.
let onDeno: Promise<Run> | undefined;
beforeAll(() => {
  onDeno = runDeno(["test", "-A", ENTRY]);
});
afterAll(async () => {
  await onDeno;
});

describe("the scenario suite on Deno", () => {
  it("passes exactly the scenarios registered on Node, under deno test, and exits by itself", {
    timeout: TIMEOUT_MS + 20_000,
  }, async () => {
    if (!onDeno) throw new Error("the Deno run was not started (beforeAll did not run)");
    const { code, output } = await onDeno;
    const context = `deno test output:\n${output}`;
    const expected = scenarioNames.length;
    expect(expected, "no scenario registered on Node").toBeGreaterThan(30);
    expect(code, context).toBe(0);
    expect(output, context).toMatch(new RegExp(`running ${expected} tests from \\./${ENTRY}`));
    expect(output, context).toMatch(new RegExp(`^ok \\| ${expected} passed \\| 0 failed`, "m"));
    expect(passedNames(output).sort(), context).toEqual([...scenarioNames].sort());
    expect(output, context).not.toMatch(/\bignored\b|\bfiltered out\b/);
  });
});
