import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSpecText } from "../../generator/emit.ts";
import { DEFAULT_OUT_DIR, generate } from "../../generator/index.ts";
import { manifest, REPO_ROOT } from "../../spec/index.ts";
import type { OperationTable } from "../../spec/table.ts";

// These tests read the output of `purekit generate`, which `npm test` runs first.
const table = async (product: string, version: string): Promise<OperationTable> =>
  (
    (await import(join(DEFAULT_OUT_DIR, product, "index.js"))) as {
      loadTable: (v: string) => Promise<OperationTable>;
    }
  ).loadTable(version);
const op = (t: OperationTable, method: string, path: string) =>
  t.operations.find((o) => o.method === method && o.path === path);
const tsc7 = join(REPO_ROOT, "node_modules", "ts7", "bin", "tsc");

describe("all 91 real specs", () => {
  it("each has its declarations, table and schemas in the product's pooled output", () => {
    for (const s of manifest.specs) {
      const dir = join(DEFAULT_OUT_DIR, s.product);
      for (const f of [`types/${s.version}.d.ts`, `tables/${s.version}.js`, `schemas/${s.version}.js`]) {
        expect(existsSync(join(dir, f)), `${s.product} ${s.version} ${f}`).toBe(true);
      }
      expect(existsSync(join(DEFAULT_OUT_DIR, ".raw", s.product, s.version, ".stamp.json"))).toBe(true);
    }
  });

  it("an unchanged re-run generates nothing", async () => {
    // `npm test` generates first; if something is stale here, the run regenerates it and the test fails.
    const summary = await generate();
    expect(summary.generated.map((s) => `${s.product} ${s.version}`)).toEqual([]);
    expect(summary.skipped).toBe(91);
  }, 300_000);

  it("--check fails on missing output and names what is stale", () => {
    const out = mkdtempSync(join(tmpdir(), "purekit-gen-"));
    const r = spawnSync(
      process.execPath,
      ["cli/bin.mjs", "generate", "--check", "--product", "pure1", "--out", out],
      {
        cwd: REPO_ROOT,
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("7 of 7 stale or missing: pure1 1.0, pure1 1.1");
  });

  it("type-checks strictly, without skipLibCheck (TypeScript 7)", () => {
    // Throws with the compiler's output on any error.
    execFileSync(process.execPath, [tsc7, "-p", "generated.tsconfig.json"], {
      cwd: REPO_ROOT,
      encoding: "utf8",
    });
    execFileSync(process.execPath, [tsc7, "-p", "test/types/tsconfig.json"], {
      cwd: REPO_ROOT,
      encoding: "utf8",
    });
  }, 120_000);
});

describe("facts of real specs", () => {
  it("FA 2.56: 675 operations, of which 4 auth endpoints are kept apart", async () => {
    const spec = parseSpecText(
      readFileSync(join(REPO_ROOT, "..", "shared", "specs", "FA2.56.spec.yaml"), "utf8"),
      "FA2.56.spec.yaml",
    ) as { paths: Record<string, Record<string, unknown>> };
    const total = Object.values(spec.paths).reduce(
      (n, item) => n + ["get", "put", "post", "patch", "delete"].filter((m) => m in item).length,
      0,
    );
    expect(total).toBe(675);
    const t = await table("flasharray", "2.56");
    expect(t.authOperations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort()).toEqual([
      "GET /api/api_version",
      "POST /api/2.56/login",
      "POST /api/2.56/logout",
      "POST /oauth2/1.0/token",
    ]);
    expect(t.operations).toHaveLength(675 - 4);
    expect(t.operations.every((o) => !o.path.startsWith("/api/"))).toBe(true);
  });

  it("FA 2.56 GET /volumes paginates with continuation_token; names is a list", async () => {
    const get = op(await table("flasharray", "2.56"), "get", "/volumes")!;
    expect(get.name).toBe("getVolumes");
    expect(get.pagination).toMatchObject({ token: true, limit: true });
    expect(get.listParams).toEqual(expect.arrayContaining(["names", "ids", "sort"]));
    expect(get.responseSchema).toBe("VolumeGetResponse");
    const post = op(await table("flasharray", "2.56"), "post", "/volumes")!;
    expect(post.body).toEqual({ required: true, schema: "VolumePost" });
  });

  it("FA 2.0 paginates by offset only", async () => {
    const get = op(await table("flasharray", "2.0"), "get", "/volumes")!;
    expect(get.pagination).toEqual({ token: false, offset: true, limit: true, totalItemCount: true });
  });

  it("FB 2.28 has POST /api/login apart from data paths", async () => {
    const t = await table("flashblade", "2.28");
    expect(t.authOperations.some((o) => o.method === "post" && o.path === "/api/login")).toBe(true);
    expect(t.operations.some((o) => o.path.includes("login") && o.path.startsWith("/api"))).toBe(false);
    expect(op(t, "get", "/file-systems")?.pagination?.token).toBe(true);
  });

  it("Pure1 1.6 GET /arrays paginates", async () => {
    const get = op(await table("pure1", "1.6"), "get", "/arrays")!;
    expect(get.name).toBe("getArrays");
    expect(get.pagination).toMatchObject({ token: true, offset: true, limit: true });
  });

  it("friendly names are unique and follow the py-pure-client style", async () => {
    const t = await table("flasharray", "2.56");
    expect(op(t, "get", "/volumes/performance")?.name).toBe("getVolumesPerformance");
    expect(op(t, "post", "/hosts/protection-groups")?.name).toBe("postHostsProtectionGroups");
    const names = t.operations.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
