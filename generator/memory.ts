/**
 * Keeps the generator's heap near its live size. V8 lets a heap grow far past what is
 * live before it collects (to a limit of a quarter of the machine's memory by default),
 * and the generator makes tens of MB of garbage per version; so after each version the
 * orchestrator asks for a full collection when the heap, plus as much again as the last
 * step added, would exceed its live size by more than `headroom`. A large version
 * (FlashArray's last ones make 100-150 MB of garbage each) is then always followed by a
 * collection, and small ones share one. Node only offers `gc` behind a flag, set here at
 * run time. See docs/decisions/019-generator-incremental-types.md for the figures.
 */
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

const MB = 1024 * 1024;
let gc: (() => void) | null | undefined;
/** Heap in use after the last collection, and at the last call. */
let lastLive = 0;
let lastUsed = 0;

function collector(): (() => void) | null {
  if (gc !== undefined) return gc;
  try {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  } catch {
    gc = null;
  }
  return gc;
}

/**
 * Collects when the heap, grown again by what it grew since the last call, would exceed
 * its size after the last collection by more than `headroomMb`.
 *
 * @example
 * ```ts
 * for (const version of versions) { generateOne(version); collectGarbage(); }
 * ```
 */
export function collectGarbage(headroomMb = 64): void {
  const used = getHeapStatistics().used_heap_size;
  // What the next step is likely to add: what the last one did (V8's own collections in
  // between can make this negative).
  const next = Math.max(0, used - lastUsed);
  lastUsed = used;
  if (used + next - lastLive < headroomMb * MB) return;
  const run = collector();
  if (!run) return;
  run();
  lastLive = lastUsed = getHeapStatistics().used_heap_size;
}

/**
 * A copy of `s` that does not keep alive the string it was cut from. V8 represents a
 * slice (and each piece of a `split`) as a view into the whole string, so a short member
 * text kept from a version's printed types (4 MB for FlashArray) kept all of that text.
 *
 * @example
 * ```ts
 * cache.set(hash, detach(lines[i]!)); // not a view into the file `lines` came from
 * ```
 */
export function detach(s: string): string {
  // The concatenation is flattened into a new string of s.length + 1 characters; the
  // slice is a view into that one only.
  return ` ${s}`.slice(1);
}
