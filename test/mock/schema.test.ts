/**
 * Every GET collection answer of the newest version of each product validates
 * against the spec's response schema, checked by Ajv (a real JSON-schema
 * validator) — for the recorded lab data and for generated items on every path.
 *
 * One documented relaxation: the vendor specs declare no `nullable` at all, yet real
 * arrays answer `null` for unset fields (the recorded answers are full of them, and
 * `continuation_token: null`, `total_item_count: null` are in every page), so every
 * typed schema is treated as OpenAPI 3.0 `nullable: true`. Types, enums, required
 * fields, array shapes and formats are otherwise enforced.
 */
import { describe, expect, it } from "vitest";
import { latestVersion, loadVersion } from "../../mock/spec.ts";
import { createSchemaValidator } from "../../mock/validate.ts";
import { validateAll } from "./schema-check.ts";

describe("GET answers validate against the spec's response schemas (Ajv)", () => {
  for (const product of ["flasharray", "flashblade"] as const) {
    it(`${product} ${latestVersion(product)}: every GET path, seeded from recorded lab answers`, {
      timeout: 120_000,
    }, async () => {
      const { failures, paths, items } = await validateAll(product, "recorded");
      expect(failures).toEqual([]);
      expect(paths).toBeGreaterThan(200);
      expect(items).toBeGreaterThan(500);
    });
  }
  for (const product of ["flasharray", "flashblade", "pure1"] as const) {
    it(`${product} ${latestVersion(product)}: every GET path, seeded with generated items on every path`, {
      timeout: 120_000,
    }, async () => {
      const { failures, paths, items } = await validateAll(product, "every-path");
      expect(failures).toEqual([]);
      expect(items).toBeGreaterThanOrEqual(paths * 2);
    });
  }

  it("the validator is real: it rejects a wrong type, a wrong item shape and a non-array items", async () => {
    const spec = await loadVersion("flasharray", "2.56");
    const validate = createSchemaValidator(spec.schemas, { nullable: true });
    expect(
      validate("VolumeGetResponse", { items: [{ name: "v", provisioned: 1 }], continuation_token: null }),
    ).toBeNull();
    expect(validate("VolumeGetResponse", { items: [{ name: 5 }] })?.[0]).toMatch(
      /\/items\/0\/name must be string/,
    );
    expect(validate("VolumeGetResponse", { items: [{ space: { total_physical: "big" } }] })?.[0]).toMatch(
      /total_physical/,
    );
    expect(validate("VolumeGetResponse", { items: {} })?.[0]).toMatch(/\/items must be array/);
    expect(validate("VolumeGetResponse", { items: [], total_item_count: 1.5 })?.[0]).toMatch(
      /total_item_count/,
    );
  });
});
