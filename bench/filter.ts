/**
 * The mock's filter evaluation (`compileFilter`, mock/filter.ts) on 100k items against a
 * hand-written JavaScript predicate doing the same test, interleaved rounds, medians with
 * min–max and the paired ratio. (This replaced a timed assertion in the unit tests; the
 * test now checks that both keep exactly the same items.)
 *
 *   node --import tsx bench/filter.ts [--items 100000] [--rounds 9]
 */
import { parseArgs } from "node:util";
import { compileFilter } from "../mock/filter.ts";
import { filterFor } from "../runtime/filter.ts";
import { ms, pairedRatio, show, showRatio, summarize } from "./stats.ts";

const { values } = parseArgs({
  options: { items: { type: "string", default: "100000" }, rounds: { type: "string", default: "9" } },
});
interface Item {
  name: string;
  space: { total_physical: number };
  connection_count: number;
  pod: { name: string | null };
  tags: { key: string; value: string }[];
}
const count = Number(values.items);
const items: Item[] = Array.from({ length: count }, (_, n) => ({
  name: `${n % 3 === 0 ? "z-" : "vol"}${n}`,
  space: { total_physical: n % 7 },
  connection_count: n % 6,
  pod: { name: n % 11 === 0 ? "z-RoCEpod" : null },
  tags: [{ key: "n", value: String(n % 10) }],
}));
const v = filterFor<Item>();
const expression = String(
  v.and(
    v.like("name", "z-*"),
    v.or(v.gt("space.total_physical", 0), v.in("connection_count", [0, 5])),
    v.not(v.tags("n", "3")),
    v.ne("pod.name", "z-RoCEpod"),
  ),
);
const hand = (i: Item) =>
  i.name.startsWith("z-") &&
  (i.space.total_physical > 0 || i.connection_count === 0 || i.connection_count === 5) &&
  !i.tags.some((t) => t.key === "n" && t.value === "3") &&
  i.pod.name !== "z-RoCEpod";

const time = (f: () => number) => {
  const t = performance.now();
  const kept = f();
  return { ms: performance.now() - t, kept };
};
const compiled: number[] = [];
const baseline: number[] = [];
for (let r = 0; r < Number(values.rounds); r++) {
  const ours = () => time(() => items.filter(compileFilter(expression)).length);
  const theirs = () => time(() => items.filter(hand).length);
  const [a, b] = r % 2 === 0 ? [ours(), theirs()] : [theirs(), ours()].reverse();
  if (a === undefined || b === undefined || a.kept !== b.kept)
    throw new Error(`the compiled filter kept ${a?.kept}, the hand-written one ${b?.kept}`);
  compiled.push(a.ms);
  baseline.push(b.ms);
}
console.log(`filter ${count.toLocaleString("en-US")} items: ${expression}`);
console.log(`compiled (parse + compile + filter): ${show(summarize(compiled), ms)}`);
console.log(`hand-written predicate:              ${show(summarize(baseline), ms)}`);
console.log(`ratio: ${showRatio(pairedRatio(compiled, baseline))}`);
