import assert from "node:assert/strict";
import { type Logger, PurekitError } from "../../runtime/index.ts";

/**
 * The PurekitError `p` rejects with; fails when `p` resolves or rejects with anything else.
 * With `record`, what the error shows (message, stack, JSON, cause) is kept there for a
 * secret scan. Runner-neutral (`node:assert`): Node tests and Deno scenarios share it.
 */
export async function failure(p: Promise<unknown>, record?: string[]): Promise<PurekitError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof PurekitError, `expected a PurekitError, got ${String(e)}`);
    record?.push(
      e.message,
      String(e.stack),
      JSON.stringify(e),
      String((e.cause as Error | undefined)?.message ?? ""),
    );
    return e;
  }
  throw new Error("expected a failure, the call succeeded");
}

/**
 * A logger that keeps every line it is given, for a test's secret scan at the end, and a
 * {@link failure} that keeps what each error shows in the same list.
 */
export function capturingLogger(): {
  seen: string[];
  logger: Logger;
  failure: (p: Promise<unknown>) => Promise<PurekitError>;
} {
  const seen: string[] = [];
  const keep = (m: string) => void seen.push(m);
  return {
    seen,
    logger: { debug: keep, info: keep, warn: keep, error: keep },
    failure: (p) => failure(p, seen),
  };
}
