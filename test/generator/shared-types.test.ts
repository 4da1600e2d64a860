/**
 * The pooled declarations (types shared across versions) must be exactly the types
 * openapi-typescript printed for each version: every version's `paths`, `components`
 * and friendly names are compared for identity with the raw output the workers keep
 * in generated/.raw, by the compiler, for all 91 versions. Negative controls prove
 * the comparison can fail.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_OUT_DIR } from "../../generator/index.ts";
import { manifest, REPO_ROOT } from "../../spec/index.ts";

const dir = mkdtempSync(join(tmpdir(), "purekit-shared-types-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const alias = (product: string, version: string) => `${product}_${version.replace(".", "_")}`;

describe("types shared across versions", () => {
  it("are identical to openapi-typescript's output of each version (all 91)", async () => {
    const lines = [
      // Identity, not mutual assignability: all-optional object types would pass the latter.
      "type Eq<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;",
    ];
    for (const { product, version } of manifest.specs) {
      const id = alias(product, version);
      lines.push(
        `import type * as N_${id} from "${join(DEFAULT_OUT_DIR, product, "types", `${version}.js`)}";`,
      );
      lines.push(
        `import type * as O_${id} from "${join(DEFAULT_OUT_DIR, ".raw", product, version, "types.js")}";`,
      );
      // DataPaths and AuthPaths are Omit/Pick of paths: identical paths make them identical.
      for (const t of ["paths", "components", "OperationsByName"]) {
        lines.push(`export const ${t}_${id}: Eq<N_${id}.${t}, O_${id}.${t}> = true;`);
      }
    }
    // Controls: neighbouring versions differ, so these three lines must fail.
    lines.push(
      "export const control1: Eq<N_flasharray_2_37.paths, O_flasharray_2_38.paths> = true;",
      'export const control2: Eq<N_flasharray_2_37.components["schemas"]["Alert"], O_flasharray_2_38.components["schemas"]["Alert"]> = true;',
      'export const control3: Eq<N_flashblade_2_27.paths["/file-systems"], O_flashblade_2_28.paths["/file-systems"]> = true;',
    );
    const file = join(dir, "check.ts");
    writeFileSync(file, `${lines.join("\n")}\n`);
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          lib: ["ES2023"],
          module: "NodeNext",
          moduleResolution: "NodeNext",
          noEmit: true,
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          allowImportingTsExtensions: true,
          skipLibCheck: true,
          types: [],
        },
        files: ["check.ts"],
      }),
    );
    const tsc = join(REPO_ROOT, "node_modules", "ts7", "bin", "tsc");
    // Asynchronously: a compiler run of a minute must not block the test worker.
    const stdout = await promisify(execFile)(process.execPath, [tsc, "-p", dir], { encoding: "utf8" }).then(
      (r) => r.stdout,
      (e: { stdout?: string }) => e.stdout ?? "",
    );
    const errors = stdout.split("\n").filter((l) => l.includes("error TS"));
    const failed = errors.map((l) => /check\.ts\((\d+),/.exec(l)?.[1]).map(Number);
    const total = lines.length;
    // Exactly the three controls fail.
    expect(errors.join("\n")).toMatch(/not assignable/);
    expect(failed).toEqual([total - 2, total - 1, total]);
  }, 300_000);
});
