/**
 * Splitting a long metrics window into windows the arrays and Pure1 accept. Pure1
 * refuses a history call whose window holds more than 10,000 samples (7 days at 30 s
 * is 20,160); the way through is several calls over consecutive windows.
 */
import { PurekitError } from "./errors.ts";

/** Samples Pure1 answers in one `GET /metrics/history` call. */
export const PURE1_MAX_POINTS = 10_000;

/** One window: `start_time` and `end_time` of one call, in ms since the epoch. */
export interface TimeWindow {
  start: number;
  end: number;
  /** Aligned samples (multiples of the resolution) the window holds. */
  points: number;
}

/** Options of {@link splitTimeWindow}. */
export interface SplitTimeWindowOptions {
  /** Start of the whole window, ms since the epoch. */
  start: number;
  /** End of the whole window (inclusive), ms since the epoch. */
  end: number;
  /** Milliseconds between samples, e.g. 30000. */
  resolution: number;
  /** Most samples one call may hold (default {@link PURE1_MAX_POINTS}). */
  maxPoints?: number;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new PurekitError("ERR_INVALID_ARGUMENT", message);
}

/**
 * Splits `[start, end]` into consecutive windows of at most `maxPoints` samples each.
 * Samples sit on multiples of `resolution`; each one falls in exactly one window, so
 * the answers of the windows, concatenated, are the whole series with no gap or repeat.
 * A window with no sample in it (shorter than one resolution, between two samples)
 * yields no windows.
 *
 * @example
 * ```ts
 * import { splitTimeWindow } from "purekit";
 * const end = Date.now();
 * for (const w of splitTimeWindow({ start: end - 7 * 86_400_000, end, resolution: 30_000 })) {
 *   const { data } = await pure1.GET("/metrics/history", {
 *     params: { query: { names: ["array_read_iops"], resource_names: ["fa-1"], aggregation: "avg",
 *       start_time: w.start, end_time: w.end, resolution: 30_000 } },
 *   });
 *   // 3 calls of at most 10,000 points each
 * }
 * ```
 */
export function splitTimeWindow(options: SplitTimeWindowOptions): TimeWindow[] {
  const { start, end, resolution } = options;
  const maxPoints = options.maxPoints ?? PURE1_MAX_POINTS;
  check(
    Number.isFinite(start) && Number.isFinite(end),
    "splitTimeWindow: start and end must be finite numbers (ms since the epoch).",
  );
  check(start <= end, `splitTimeWindow: start (${start}) is after end (${end}).`);
  check(
    Number.isInteger(resolution) && resolution > 0,
    `splitTimeWindow: resolution must be a positive whole number of ms, got ${resolution}.`,
  );
  check(
    Number.isInteger(maxPoints) && maxPoints > 0,
    `splitTimeWindow: maxPoints must be a positive whole number, got ${maxPoints}.`,
  );
  const first = Math.ceil(start / resolution) * resolution;
  const last = Math.floor(end / resolution) * resolution;
  const windows: TimeWindow[] = [];
  for (let from = first; from <= last; from += maxPoints * resolution) {
    const to = Math.min(last, from + (maxPoints - 1) * resolution);
    windows.push({ start: from, end: to, points: (to - from) / resolution + 1 });
  }
  return windows;
}
