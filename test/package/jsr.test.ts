/**
 * JSR for Deno users (issue 8): `deno publish --dry-run` of jsr.json passes (no slow
 * types), and the published file list is what a Deno user needs: the runtime and mock
 * sources, every version's generated tables and declarations, the mock's recorded answers
 * with their notice; no vendor spec, no build leftovers.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../spec/index.ts";

const exec = promisify(execFile);

describe("JSR", () => {
  it("deno publish --dry-run passes and publishes the runtime, every version and the recorded answers", async () => {
    await exec(process.execPath, [join(REPO_ROOT, "scripts", "jsr-fixtures.mjs")], { cwd: REPO_ROOT });
    const deno = join(REPO_ROOT, "node_modules", ".bin", "deno");
    const { stdout, stderr } = await exec(
      deno,
      ["publish", "--config", "jsr.json", "--dry-run", "--allow-dirty"],
      { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 64 * 1024 * 1024 },
    );
    const out = `${stdout}\n${stderr}`;
    expect(out).toContain("Dry run complete");
    expect(out).not.toMatch(/error\[/);
    const files = [...out.matchAll(/^\s+file:\/\/(\S+) \(/gm)].map((m) =>
      (m[1] ?? "").slice(REPO_ROOT.length + 1),
    );
    for (const file of [
      "runtime/index.ts",
      "runtime/flasharray.ts",
      "mock/index.ts",
      "spec/table.ts",
      "generated/flasharray/index.js",
      "generated/flasharray/tables/2.56.js",
      "generated/flasharray/types/2.0.d.ts",
      "generated/pure1/schemas/1.6.js",
      "fixtures/recorded/fa/volumes.json",
      "fixtures/recorded/README.md",
      "LICENSE",
      "NOTICE",
    ]) {
      expect(files, file).toContain(file);
    }
    // No vendor spec (never published by us), no raw generator output, no stamps.
    expect(files.filter((f) => /\.ya?ml$|\/\.raw\/|\.stamp/.test(f))).toEqual([]);
  }, 300_000);
});
