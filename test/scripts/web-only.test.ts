/**
 * The web-only rule for the core, checked by the TypeScript compiler's own name
 * resolution (scripts/web-only.mjs): the core has no Node-only name, and a file that uses
 * one is caught, name by name, while web names pass.
 */
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ESM script without declarations (it runs before any build)
import { coreRules, findNodeOnlyUses } from "../../scripts/web-only.mjs";

interface Use {
  file: string;
  line: number;
  name: string;
}
const check = findNodeOnlyUses as (o?: { files?: string[]; extra?: Record<string, string> }) => Use[];

describe("the web-only core", () => {
  it("the core (runtime/, mock/, spec/table.ts minus biome's adapter list) uses no Node-only name", () => {
    const rules = (coreRules as () => { include: string[]; exclude: string[] })();
    expect(rules.include).toEqual(expect.arrayContaining(["runtime/**", "mock/**"]));
    expect(rules.exclude).toContain("runtime/transport/node.ts");
    expect(check()).toEqual([]);
  }, 120_000);

  it("catches Node-only globals, types and undici in a core file; web names pass", () => {
    const found = check({
      files: [],
      extra: {
        "runtime/__control__.ts": [
          'import type { Dispatcher } from "undici";',
          'export const a = Buffer.from("x");',
          "export const b = globalThis.process?.env;",
          "export let t: NodeJS.Timeout | undefined;",
          "export let d: Dispatcher | undefined;",
          'export const c = new Response("x", { headers: new Headers() });',
          "export const s = setTimeout(() => {}, 1);",
          'export const u = new URL("https://x").href + btoa("x");',
        ].join("\n"),
      },
    });
    const names = found.map((f) => `${f.line}:${f.name}`);
    expect(names).toEqual(
      expect.arrayContaining(["1:Dispatcher", "2:Buffer", "3:process", "4:NodeJS", "5:Dispatcher"]),
    );
    expect(found.filter((f) => f.line >= 6)).toEqual([]);
  }, 120_000);
});
