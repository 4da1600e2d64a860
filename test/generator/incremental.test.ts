/**
 * The incremental printer (generator/incremental.ts) must print exactly what
 * openapi-typescript prints for each document, while reusing what earlier documents
 * shared; and the fast YAML path (generator/spec-parse.ts) must read specs as `yaml` does.
 * All 91 real specs are compared byte for byte by the generator run itself (see
 * docs/decisions/019-generator-incremental-types.md); these tests pin the rules on small
 * documents, including the ones that must defeat reuse.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { parseSpecText } from "../../generator/emit.ts";
import { createTypesPrinter } from "../../generator/incremental.ts";
import { parseSpec } from "../../generator/spec-parse.ts";
import { PurekitError } from "../../runtime/errors.ts";

// biome-ignore lint/suspicious/noExplicitAny: hand-written OpenAPI documents
type Doc = any;

const reference = async (doc: Doc) =>
  astToString(await openapiTS(structuredClone(doc), { silent: true, alphabetize: false }));

function base(): Doc {
  return {
    openapi: "3.0.1",
    info: { title: "t", version: "1" },
    paths: {
      "/volumes": {
        get: {
          summary: "List volumes",
          parameters: [{ $ref: "#/components/parameters/Limit" }],
          responses: {
            "200": {
              description: "OK",
              content: { "application/json": { schema: { $ref: "#/components/schemas/VolumeList" } } },
            },
          },
        },
        post: {
          requestBody: { $ref: "#/components/requestBodies/VolumePost" },
          responses: { "200": { $ref: "#/components/responses/VolumeResponse" } },
        },
      },
      "/hosts": {
        get: {
          parameters: [{ name: "names", in: "query", schema: { type: "array", items: { type: "string" } } }],
          responses: { "200": { description: "OK" } },
        },
      },
    },
    components: {
      schemas: {
        Volume: {
          description: "A volume.",
          type: "object",
          properties: { name: { type: "string" }, size: { type: "integer", default: 0 } },
        },
        VolumeList: {
          type: "object",
          properties: { items: { type: "array", items: { $ref: "#/components/schemas/Volume" } } },
        },
        Host: {
          allOf: [
            { $ref: "#/components/schemas/Volume" },
            { type: "object", properties: { iqn: { type: "string" } } },
          ],
        },
      },
      parameters: { Limit: { name: "limit", in: "query", schema: { type: "integer" } } },
      requestBodies: {
        VolumePost: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/Volume" } } },
        },
      },
      responses: {
        VolumeResponse: {
          description: "OK",
          content: { "application/json": { schema: { $ref: "#/components/schemas/VolumeList" } } },
        },
      },
    },
  };
}

describe("incremental printer", () => {
  it("prints each version as openapi-typescript does, reusing what the previous one shared", async () => {
    const printer = createTypesPrinter();
    const v1 = base();
    expect(await printer.print(v1)).toBe(await reference(v1));
    expect(printer.stats.reused).toBe(0);

    // A path added, a schema changed, a path removed: only those are printed again.
    const v2 = base();
    v2.paths["/pods"] = { get: { responses: { "200": { description: "OK" } } } };
    v2.components.schemas.Volume.properties.provisioned = { type: "integer" };
    delete v2.paths["/hosts"];
    const printed = printer.stats.printed;
    expect(await printer.print(v2)).toBe(await reference(v2));
    // /pods and Volume, and the members whose refs resolve to Volume: VolumeList, Host, VolumePost.
    expect(printer.stats.printed - printed).toBe(5);
    expect(printer.stats.reused).toBeGreaterThan(0);
    expect(printer.stats.whole).toBe(0);
  });

  it("keeps only the last version's members: one that comes back is printed again, as before", async () => {
    const printer = createTypesPrinter();
    await printer.print(base());
    const v2 = base();
    delete v2.paths["/hosts"];
    expect(await printer.print(v2)).toBe(await reference(v2));
    const printed = printer.stats.printed;
    // /hosts was not in v2, so the printer let it go (its memory stays one version's size).
    expect(await printer.print(base())).toBe(await reference(base()));
    expect(printer.stats.printed - printed).toBe(1);
  });

  it("prints a member again when an object its $refs resolve to changes", async () => {
    const printer = createTypesPrinter();
    await printer.print(base());
    // /volumes refers to Limit; openapi-typescript reads the parameter's `in` and `required`.
    const v2 = base();
    v2.components.parameters.Limit = {
      name: "limit",
      in: "header",
      required: true,
      schema: { type: "integer" },
    };
    const out = await printer.print(v2);
    expect(out).toBe(await reference(v2));
    expect(out).not.toBe(await reference(base()));
    // Control: /volumes itself did not change, so without the dependency it would have been reused.
    expect(JSON.stringify(v2.paths["/volumes"])).toBe(JSON.stringify(base().paths["/volumes"]));
    // The request body's `required` makes the operation's requestBody optional or not.
    const v3 = base();
    v3.components.requestBodies.VolumePost.required = false;
    expect(await printer.print(v3)).toBe(await reference(v3));
  });

  it("prints a document with a discriminator whole", async () => {
    const printer = createTypesPrinter();
    await printer.print(base());
    const v2 = base();
    v2.components.schemas.Pet = {
      oneOf: [{ $ref: "#/components/schemas/Volume" }, { $ref: "#/components/schemas/Host" }],
      discriminator: { propertyName: "name" },
    };
    // openapi-typescript rewrites discriminated schemas in place: the reference first, on a copy.
    const want = await reference(v2);
    expect(await printer.print(v2)).toBe(want);
    expect(printer.stats.whole).toBe(1);
  });

  it("empty component sections and a document without components", async () => {
    const printer = createTypesPrinter();
    const v1 = base();
    v1.components.headers = {};
    expect(await printer.print(v1)).toBe(await reference(v1));
    const v2 = base();
    delete v2.components;
    v2.paths = { "/hosts": v2.paths["/hosts"] };
    expect(await printer.print(v2)).toBe(await reference(v2));
  });
});

describe("spec parsing", () => {
  const fixtures = join(import.meta.dirname, "..", "fixtures", "specs");

  it("reads a spec as the yaml package does", () => {
    const text = readFileSync(join(fixtures, "mini-fa.yaml"), "utf8");
    expect(parseSpec(text, "mini-fa.yaml")).toEqual(parseSpecText(text, "mini-fa.yaml"));
  });

  it.each([
    "a: ~\nb: TRUE\nc: 0x1F\nd: 0o17\ne: 1e3\nf: .inf\ng: 2024-01-01\nh: '1'\ni: 12:30:00",
    "a: 0b101",
    "a: !!binary aGVsbG8=",
    "a: -0",
    "? [a, b]\n: c",
    "b: &x {c: 1}\nd: *x",
  ])("scalars and constructs where parsers differ: %j", (text) => {
    expect(parseSpec(text, "t.yaml")).toEqual(parseSpecText(text, "t.yaml"));
  });

  it("invalid YAML names the file", () => {
    const bad = readFileSync(join(fixtures, "invalid.yaml"), "utf8");
    expect(() => parseSpec(bad, "invalid.yaml")).toThrow(PurekitError);
    expect(() => parseSpec(bad, "invalid.yaml")).toThrow(/invalid\.yaml: not valid YAML or JSON/);
    expect(() => parseSpec("a: 1\na: 2", "dup.yaml")).toThrow(/dup\.yaml: not valid YAML or JSON/);
  });
});
