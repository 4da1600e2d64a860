import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitVersion, parseSpecText } from "../../generator/emit.ts";
import { friendlyName } from "../../generator/names.ts";
import { prepareSpec } from "../../generator/transform.ts";
import { PurekitError } from "../../runtime/errors.ts";

const fixtures = join(import.meta.dirname, "..", "fixtures", "specs");
const load = (name: string) => parseSpecText(readFileSync(join(fixtures, name), "utf8"), name);
const meta = { product: "flasharray", version: "2.9", source: "mini-fa.yaml" } as const;

describe("friendly names", () => {
  it.each([
    ["get", "/volumes", "getVolumes"],
    ["patch", "/hosts/protection-groups", "patchHostsProtectionGroups"],
    ["get", "/volumes/performance", "getVolumesPerformance"],
    ["post", "/arrays/tags/batch", "postArraysTagsBatch"],
    ["get", "/assessment/security/cves", "getAssessmentSecurityCves"],
    ["delete", "/file-systems/locks/nlm-reclaims", "deleteFileSystemsLocksNlmReclaims"],
    ["get", "/support/verification-keys", "getSupportVerificationKeys"],
  ] as const)("%s %s → %s", (method, path, name) => {
    expect(friendlyName(method, path)).toBe(name);
  });
});

describe("prepareSpec on a hand-written spec", () => {
  const { doc, table, authPaths } = prepareSpec(load("mini-fa.yaml"), meta);
  const op = (name: string) => table.operations.find((o) => o.name === name)!;

  it("strips the version prefix from data paths and keeps auth endpoints apart", () => {
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        "/api/2.9/login",
        "/api/api_version",
        "/arrays",
        "/hosts/protection-groups",
        "/oauth2/1.0/token",
        "/volumes",
        "/volumes/performance",
      ].sort(),
    );
    expect(authPaths.sort()).toEqual(["/api/2.9/login", "/api/api_version", "/oauth2/1.0/token"]);
    expect(table.prefix).toBe("/api/2.9");
    expect(table.operations.map((o) => o.path)).not.toContain("/login");
    expect(table.authOperations.map((o) => `${o.method} ${o.path}`).sort()).toEqual([
      "get /api/api_version",
      "post /api/2.9/login",
      "post /oauth2/1.0/token",
    ]);
  });

  it("removes the headers the runtime supplies, keeps other headers", () => {
    const names = (p: string, m: string) =>
      // biome-ignore lint/suspicious/noExplicitAny: inspecting a parsed document
      (doc.paths[p][m].parameters ?? []).map((x: any) => x.name ?? x.$ref);
    expect(names("/volumes", "get")).toEqual([
      "#/components/parameters/Continuation_token",
      "#/components/parameters/Limit",
      "#/components/parameters/Names",
      "X-Custom",
    ]);
    expect(names("/api/2.9/login", "post")).toEqual([]);
    expect(names("/oauth2/1.0/token", "post")).toEqual([]);
  });

  it("detects pagination by token, by offset, and not without items", () => {
    expect(op("getVolumes").pagination).toEqual({
      token: true,
      offset: false,
      limit: true,
      totalItemCount: false,
    });
    expect(op("getVolumesPerformance").pagination).toEqual({
      token: false,
      offset: true,
      limit: true,
      totalItemCount: false,
    });
    expect(op("getArrays").pagination).toBeNull(); // takes limit, but answers no items
    expect(op("postVolumes").pagination).toBeNull();
  });

  it("records list parameters, bodies, response schemas and bounds", () => {
    expect(op("getVolumes").listParams).toEqual(["names"]);
    expect(op("patchHostsProtectionGroups").listParams).toEqual(["member_names"]);
    expect(op("postVolumes").body).toEqual({ required: true, schema: "VolumePost" });
    expect(op("getVolumes").body).toBeNull();
    expect(op("getVolumes").responseSchema).toBe("VolumeGetResponse");
    expect(op("getVolumes").summary).toBe("List volumes");
    expect(op("getVolumesPerformance").query.find((q) => q.name === "resolution")).toEqual({
      name: "resolution",
      type: "integer",
      required: false,
      minimum: 1000,
    });
  });

  it("drops the unpublished x-logo reference without touching the caller's object", () => {
    const parsed = load("mini-fa.yaml") as { info: Record<string, unknown> };
    const prepared = prepareSpec(parsed, meta);
    expect(prepared.doc.info["x-logo"]).toBeUndefined();
    expect(parsed.info["x-logo"]).toBeDefined();
  });

  it("emits types with version-free paths and no runtime headers", async () => {
    const out = await emitVersion(readFileSync(join(fixtures, "mini-fa.yaml"), "utf8"), meta);
    const types = out.raw.types;
    expect(types).toContain(`"/volumes": {`);
    expect(types).not.toContain(`"/api/2.9/volumes"`);
    expect(types).toContain(
      `export type AuthPath = "/api/api_version" | "/oauth2/1.0/token" | "/api/2.9/login";`,
    );
    expect(types).toContain(`getVolumes: { path: "/volumes"; method: "get" };`);
    expect(types).toContain(`"X-Custom"?: string;`);
    // Only the component definitions remain; no operation refers to them.
    expect(types).not.toContain(`components["parameters"]["Authorization"]`);
    expect(types).not.toContain(`components["parameters"]["XRequestId"]`);
    expect(types).not.toContain(`"api-token"?:`);
    expect(out.operations).toBe(5);
    expect(out.authOperations).toBe(3);
  });
});

describe("bad input names the file and the problem", () => {
  const expectSpecError = (fn: () => unknown, ...parts: string[]) => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(PurekitError);
      expect((e as PurekitError).code).toBe("ERR_SPEC_INVALID");
      for (const p of parts) expect((e as Error).message).toContain(p);
      return;
    }
    throw new Error("expected an error");
  };
  it("invalid YAML", () =>
    expectSpecError(() => load("invalid.yaml"), "invalid.yaml", "not valid YAML or JSON"));
  it("not OpenAPI 3", () =>
    expectSpecError(
      () => prepareSpec(load("swagger2.yaml"), { ...meta, source: "swagger2.yaml" }),
      "swagger2.yaml",
      "not an OpenAPI 3 document",
      "Swagger 2.0",
    ));
  it("broken $ref", () =>
    expectSpecError(
      () => prepareSpec(load("broken-ref.yaml"), { ...meta, source: "broken-ref.yaml" }),
      "broken-ref.yaml",
      `broken $ref "#/components/schemas/Missing"`,
    ));
  it("not an object", () =>
    expectSpecError(() => prepareSpec([1, 2], meta), "mini-fa.yaml", "not an OpenAPI document"));
  it("two operations mapping to one friendly name", () => {
    const doc = load("mini-fa.yaml") as { paths: Record<string, unknown> };
    doc.paths["/api/2.9/volumes-performance"] = doc.paths["/api/2.9/volumes/performance"];
    expectSpecError(() => prepareSpec(doc, meta), "both map to the name getVolumesPerformance");
  });
});
