/**
 * Fidelity across versions: every GET collection answer of the mocks validates against
 * the schema of the version served, not only the newest. The full run (every generated
 * version of FA, FB and Pure1, ~90 versions) takes minutes on a small CI runner, so CI
 * runs a fixed sample: the oldest and newest of each product and the versions where the
 * answers change shape (FA 2.38 context fields, FA 2.49 and FB 2.22 partial success,
 * FB 2.12, Pure1 1.3). `PUREKIT_FIDELITY_ALL=1` runs every version instead.
 */
import { describe, expect, it } from "vitest";
import { generatedVersions } from "../../mock/spec.ts";
import { type Product, validateAll } from "./schema-check.ts";

const SAMPLE: Record<Product, readonly string[]> = {
  flasharray: ["2.0", "2.20", "2.38", "2.49"],
  flashblade: ["2.0", "2.12", "2.22"],
  pure1: ["1.0", "1.3"],
};

const all = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env
  .PUREKIT_FIDELITY_ALL;

describe("GET answers validate against the schema of the version served", () => {
  for (const product of ["flasharray", "flashblade", "pure1"] as const) {
    const versions = all ? generatedVersions(product) : SAMPLE[product];
    for (const version of versions) {
      it(`${product} ${version}: every GET path, generated items on every path`, {
        timeout: 120_000,
      }, async () => {
        expect(generatedVersions(product)).toContain(version);
        const { failures, paths, items } = await validateAll(product, "every-path", version);
        expect(failures).toEqual([]);
        expect(paths).toBeGreaterThan(product === "pure1" ? 5 : 10);
        expect(items).toBeGreaterThanOrEqual(paths * 2);
      });
    }
  }
});
