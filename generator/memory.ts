/**
 * Keeps the generator's heap near its live size. V8 lets a heap grow far past what is
 * live before it collects (to a limit of a quarter of the machine's memory by default),
 * and the generator makes tens of MB of garbage per version; so after each version the
 * orchestrator asks for a full collection once the heap has grown by `headroom` since the
 * last one. Node only offers `gc` behind a flag, set here at run time.
 */
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | null | undefined;
let lastLive = 0;

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
 * Collects when the heap has grown by more than `headroomMb` since the last collection.
 *
 * @example
 * ```ts
 * for (const version of versions) { generateOne(version); collectGarbage(); }
 * ```
 */
export function collectGarbage(headroomMb = 96): void {
  const used = getHeapStatistics().used_heap_size;
  if (used - lastLive < headroomMb * 1024 * 1024) return;
  const run = collector();
  if (!run) return;
  run();
  lastLive = getHeapStatistics().used_heap_size;
}
