/**
 * The runtime's client tests on Deno: runs test/deno/runtime.deno.ts with
 * `deno test` (Deno's own runner, sanitizers on) and checks that it exits by
 * itself, with status 0, having run and passed every test it declares. A run
 * that passes nothing (a broken import, a filter) fails here.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const deno = join(root, "node_modules", ".bin", "deno");
const SCRIPT = "test/deno/runtime.deno.ts";
/** How many `Deno.test`s the script declares; update it with the script. */
const EXPECTED_TESTS = 36;
const TIMEOUT_MS = 180_000;

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

describe("the runtime on Deno", () => {
  it(`passes all ${EXPECTED_TESTS} tests of ${SCRIPT} under deno test and exits by itself`, {
    timeout: TIMEOUT_MS + 20_000,
  }, async () => {
    const { code, output } = await runDeno(["test", "-A", SCRIPT]);
    const context = `deno test output:\n${output}`;
    expect(code, context).toBe(0);
    expect(output, context).toMatch(new RegExp(`running ${EXPECTED_TESTS} tests from \\./${SCRIPT}`));
    expect(output, context).toMatch(new RegExp(`^ok \\| ${EXPECTED_TESTS} passed \\| 0 failed`, "m"));
    expect(output.match(/ \.\.\. ok \(/g)?.length, context).toBe(EXPECTED_TESTS);
    expect(output, context).not.toMatch(/\bignored\b|\bfiltered out\b/);
  });
});
