import type { Logger } from "../../runtime/index.ts";

/** A logger that keeps every line it is given, for a test's secret scan at the end. */
export function capturingLogger(): { seen: string[]; logger: Logger } {
  const seen: string[] = [];
  const keep = (m: string) => void seen.push(m);
  return { seen, logger: { debug: keep, info: keep, warn: keep, error: keep } };
}
