/**
 * generate() in this thread (the default) and in worker threads (`concurrency: 2`) writes
 * the same files, and a version generated alone (openapi-typescript as it is) matches the
 * same version generated after its predecessor (the incremental printer).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GENERATOR_FILES, generate, POOL_FILES, rawDir } from "../../generator/index.ts";
import { findSpec, type Manifest, manifest } from "../../spec/index.ts";

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "purekit-orchestrator-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const small: Manifest = {
  ...manifest,
  specs: [
    findSpec("pure1", "1.0"),
    findSpec("pure1", "1.1"),
    findSpec("pure1", "1.2"),
    findSpec("flashblade", "2.0"),
  ],
};

function files(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(root, { recursive: true, encoding: "utf8" })) {
    if (f.endsWith(".ts") || f.endsWith(".js") || f.endsWith(".json")) {
      try {
        out.set(f, readFileSync(join(root, f), "utf8"));
      } catch {
        // a folder
      }
    }
  }
  return out;
}

describe("generate()", () => {
  it("writes the same files in this thread and in two worker threads", async () => {
    const one = tmp();
    const two = tmp();
    const a = await generate({ manifest: small, offline: true, outDir: one });
    const b = await generate({ manifest: small, offline: true, outDir: two, concurrency: 2 });
    expect(a.failures).toEqual([]);
    expect(b.failures).toEqual([]);
    expect(a.generated).toHaveLength(4);
    expect(b.generated).toHaveLength(4);
    const fa = files(one);
    const fb = files(two);
    expect([...fb.keys()].sort()).toEqual([...fa.keys()].sort());
    for (const [f, text] of fa) expect(fb.get(f), f).toBe(text);
  }, 600_000);

  it("a version generated alone is the same as after its predecessor", async () => {
    const seq = tmp();
    const alone = tmp();
    await generate({ manifest: small, product: "pure1", offline: true, outDir: seq });
    await generate({ manifest: small, product: "pure1", version: "1.2", offline: true, outDir: alone });
    const types = (d: string) => readFileSync(join(rawDir(d, "pure1", "1.2"), "types.ts"), "utf8");
    expect(types(alone)).toBe(types(seq));
  }, 600_000);
});

describe("stamps", () => {
  // Modules the steps import that do not shape what is written: memory.ts frees memory
  // (detach, collect), runtime/errors.ts is the error class.
  const NOT_OUTPUT = ["./memory", "../runtime/errors"];

  it("hash every module the per-version and pooling steps import, so a change to one makes output stale", () => {
    const generator = join(import.meta.dirname, "..", "..", "generator");
    const seen = new Set<string>();
    const visit = (module: string) => {
      if (seen.has(module) || NOT_OUTPUT.includes(module)) return;
      seen.add(module);
      const text = readFileSync(join(generator, `${module}.ts`), "utf8");
      // Import statements only (template literals in product.ts write `.d.ts` imports into output).
      for (const m of text.matchAll(/^import [^;]*? from "(\.\.?\/[^"$]+?)(?<!\.d)\.ts";$/gms)) {
        const path = posix.normalize(posix.join(posix.dirname(module), m[1]!));
        visit(path.startsWith(".") ? path : `./${path}`);
      }
    };
    visit("./worker");
    visit("./product");
    expect([...seen].sort()).toEqual([...GENERATOR_FILES, ...POOL_FILES].sort());
  });
});
