/**
 * The table records media types where an operation is not plain JSON: multipart uploads
 * (with their form fields) and downloads (files, whatever media types they are offered in).
 */
import { describe, expect, it } from "vitest";
import { loadTable } from "../../generated/flashblade/index.js";
import { prepareSpec } from "../../generator/transform.ts";

const binary = { type: "string", format: "binary" };
const ok = (content: Record<string, unknown>) => ({ responses: { "200": { description: "OK", content } } });
const spec = {
  openapi: "3.0.1",
  info: { title: "t", version: "2.28" },
  paths: {
    "/api/2.28/keytabs/upload": {
      post: {
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                required: ["keytab_file"],
                properties: { keytab_file: { type: "string" }, note: binary },
              },
            },
          },
        },
        ...ok({ "application/octet-stream": { schema: binary }, "text/plain": { schema: binary } }),
      },
    },
    "/api/2.28/logs": {
      get: ok({
        "application/octet-stream": { schema: binary },
        "application/json": { schema: { $ref: "#/components/schemas/File" } },
      }),
    },
    "/api/2.28/report": {
      get: ok({
        "application/json": { schema: { type: "string" } },
        "text/csv": { schema: { type: "string" } },
      }),
    },
    "/api/2.28/volumes": {
      get: ok({
        "application/json": { schema: { type: "object", properties: { items: { type: "array" } } } },
      }),
      post: { requestBody: { content: { "application/json": { schema: { type: "object" } } } }, ...ok({}) },
    },
  },
  components: { schemas: { File: binary } },
};

describe("media types in the operation table", () => {
  const { table } = prepareSpec(structuredClone(spec), {
    product: "flashblade",
    version: "2.28",
    source: "t.yaml",
  });
  const op = (method: string, path: string) =>
    table.operations.find((o) => o.method === method && o.path === path);

  it("multipart uploads: the media type and the form fields, required and binary marked", () => {
    expect(op("post", "/keytabs/upload")).toMatchObject({
      requestMediaTypes: ["multipart/form-data"],
      formFields: [
        { name: "keytab_file", required: true },
        { name: "note", required: false, binary: true },
      ],
      responseMediaTypes: ["application/octet-stream", "text/plain"],
      download: true,
    });
    expect(op("post", "/keytabs/upload")?.formFields?.[0]).not.toHaveProperty("binary");
  });

  it("a download offered as JSON too is still a file when every media type is binary (through $ref)", () => {
    expect(op("get", "/logs")).toMatchObject({
      responseMediaTypes: ["application/octet-stream", "application/json"],
      download: true,
    });
  });

  it("JSON beside another media type is not a download; plain JSON operations record nothing new", () => {
    expect(op("get", "/report")?.responseMediaTypes).toEqual(["application/json", "text/csv"]);
    expect(op("get", "/report")).not.toHaveProperty("download");
    for (const o of [op("get", "/volumes"), op("post", "/volumes")]) {
      expect(o).not.toHaveProperty("requestMediaTypes");
      expect(o).not.toHaveProperty("responseMediaTypes");
      expect(o).not.toHaveProperty("download");
      expect(o).not.toHaveProperty("formFields");
    }
  });

  it("the generated FB 2.28 table: the keytab upload and the three downloads, nothing else", async () => {
    const fb = await loadTable("2.28");
    const special = fb.operations
      .filter((o) => o.requestMediaTypes || o.responseMediaTypes || o.download)
      .map((o) => `${o.method} ${o.path}${o.download ? " (download)" : ""}`)
      .sort();
    expect(special).toEqual([
      "get /keytabs/download (download)",
      "get /logs (download)",
      "get /logs-async/download (download)",
      "post /keytabs/upload (download)",
    ]);
    expect(fb.operations.find((o) => o.name === "postKeytabsUpload")?.formFields).toEqual([
      { name: "keytab_file", required: true },
    ]);
  });
});
