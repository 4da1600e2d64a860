/**
 * A runner-neutral `describe`/`it` for the scenario suite (test/runtime/scenarios/), which
 * runs from the same source on Node under vitest and on Deno under `deno test`, the way
 * jose runs one suite on several runtimes. Assertions come from `node:assert/strict`,
 * which both runtimes ship, so a scenario imports nothing runner-specific.
 *
 * On Node each `it` is a vitest test; on Deno a `Deno.test` with its op and resource
 * sanitizers on (Deno 2.9 turns them off by default; they prove a scenario leaves no
 * timer, fetch or HTTP client behind). Either way the full name ("outer > inner > it")
 * is recorded in {@link scenarioNames}, which test/runtime/scenarios.test.ts compares
 * with what `deno test` reports: the list is the count, no number is kept by hand.
 */

type Body = () => void | Promise<void>;

export interface ScenarioOptions {
  /** Milliseconds before vitest gives up (Deno has no per-test timeout). */
  timeout?: number;
}

interface DenoTest {
  test(definition: { name: string; fn: Body; sanitizeOps?: boolean; sanitizeResources?: boolean }): void;
}

/** `true` under Deno, where `Deno.test` registers; otherwise vitest does. */
export const onDeno = "Deno" in globalThis;

const vitest = onDeno ? undefined : await import("vitest");
const denoTest = onDeno ? (globalThis as unknown as { Deno: DenoTest }).Deno : undefined;

const path: string[] = [];
const names: string[] = [];

/** Every scenario registered so far, by full name, in registration (and run) order. */
export const scenarioNames: readonly string[] = names;

/** The separator vitest puts between suite and test names; Deno's names use it too. */
export const NAME_SEPARATOR = " > ";

/**
 * Groups scenarios under a name. The body must register synchronously (no `await`):
 * both runners collect before they run.
 *
 * @example
 * ```ts
 * describe("FA apiToken", () => {
 *   it("logs in once", async () => { assert.equal(await logins(), 1); });
 * });
 * ```
 */
export function describe(name: string, body: () => void): void {
  const inside = () => {
    path.push(name);
    try {
      body();
    } finally {
      path.pop();
    }
  };
  if (vitest) vitest.describe(name, inside);
  else inside();
}

/**
 * One scenario. It fails by throwing (an `assert` failure or any error).
 *
 * @example
 * ```ts
 * it("splits a week at 30 s into three windows", () => {
 *   assert.equal(splitTimeWindow({ start, end, resolution: 30_000 }).length, 3);
 * });
 * ```
 */
export function it(name: string, fn: Body, options: ScenarioOptions = {}): void {
  const full = [...path, name].join(NAME_SEPARATOR);
  if (names.includes(full)) throw new Error(`two scenarios are named "${full}": names must be unique`);
  names.push(full);
  if (vitest) vitest.it(name, fn, options.timeout);
  else denoTest?.test({ name: full, fn, sanitizeOps: true, sanitizeResources: true });
}
