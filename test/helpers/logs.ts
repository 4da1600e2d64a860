import assert from "node:assert/strict";
import { type Logger, PurekitError } from "../../runtime/index.ts";

/**
 * A logger that keeps every line it is given, for a test's secret scan at the end, and
 * `failure`, which keeps what an error shows (message, stack, JSON, cause) in the same list.
 * Runner-neutral (`node:assert`), so the Node tests and the Deno scenarios share it.
 */
export function capturingLogger(): {
  seen: string[];
  logger: Logger;
  failure: (p: Promise<unknown>) => Promise<PurekitError>;
} {
  const seen: string[] = [];
  const keep = (m: string) => void seen.push(m);
  /** The PurekitError `p` rejects with (recorded in `seen`); fails when `p` resolves. */
  const failure = async (p: Promise<unknown>): Promise<PurekitError> => {
    try {
      await p;
    } catch (e) {
      assert.ok(e instanceof PurekitError, `expected a PurekitError, got ${String(e)}`);
      seen.push(
        e.message,
        String(e.stack),
        JSON.stringify(e),
        String((e.cause as Error | undefined)?.message ?? ""),
      );
      return e;
    }
    throw new Error("expected a failure, the call succeeded");
  };
  return { seen, logger: { debug: keep, info: keep, warn: keep, error: keep }, failure };
}
