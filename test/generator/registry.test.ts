import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PurekitError } from "../../runtime/errors.ts";
import {
  addSpecToManifest,
  candidatePaths,
  compareVersions,
  findSpec,
  listSpecs,
  MANIFEST_PATH,
  manifest,
  resolveSpec,
  sha256Hex,
} from "../../spec/index.ts";

const shared = join(import.meta.dirname, "..", "..", "..", "shared", "specs");
const tmp = () => mkdtempSync(join(tmpdir(), "purekit-spec-"));
const noFetch = (() => {
  throw new Error("network used");
}) as unknown as typeof fetch;

async function rejection(p: Promise<unknown>): Promise<PurekitError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PurekitError);
    return e as PurekitError;
  }
  throw new Error("expected a rejection");
}

describe("manifest", () => {
  it("lists all 91 published specs with checksums and upstream URLs", () => {
    expect(manifest.specs).toHaveLength(91);
    const fa = listSpecs("flasharray").map((s) => s.version);
    expect(fa).toHaveLength(55);
    expect(fa[0]).toBe("2.0");
    expect(fa.at(-1)).toBe("2.56");
    expect(fa).not.toContain("2.12");
    expect(fa).not.toContain("2.18");
    expect(listSpecs("flashblade").map((s) => s.version)).toEqual(
      Array.from({ length: 29 }, (_, i) => `2.${i}`),
    );
    expect(listSpecs("pure1").map((s) => s.version)).toEqual(Array.from({ length: 7 }, (_, i) => `1.${i}`));
    const sums = readFileSync(join(shared, "SHA256SUMS"), "utf8");
    for (const s of manifest.specs) {
      expect(sums).toContain(`${s.sha256}  ${s.file}`);
      expect(s.url).toBe(
        `https://raw.githubusercontent.com/PureStorage-OpenConnect/swagger/7521ff6ceb19b5ad592488651f2fdb8262ae1dd0/definitions/oas3.x/${s.file}`,
      );
    }
  });

  it("orders versions numerically and finds latest", () => {
    expect(compareVersions("2.9", "2.10")).toBeLessThan(0);
    expect(findSpec("flasharray", "latest").version).toBe("2.56");
    expect(findSpec("pure1", "latest").file).toBe("Pure1-1.6.spec.yaml");
  });

  it("rejects an unknown version, listing the known ones", () => {
    expect(() => findSpec("flasharray", "2.12")).toThrowError(
      /Unknown flasharray REST version "2.12".*2\.11, 2\.13/,
    );
  });
});

describe("resolver", () => {
  const entry = findSpec("pure1", "1.0");

  it("prefers PURE_SPECS_DIR, then ../shared/specs, verifying the checksum", async () => {
    const dir = tmp();
    writeFileSync(join(dir, entry.file), readFileSync(join(shared, entry.file)));
    const a = await resolveSpec(entry, { specsDir: dir, fetch: noFetch });
    expect(a.source).toBe("PURE_SPECS_DIR");
    const b = await resolveSpec(entry, { specsDir: tmp(), fetch: noFetch, cacheDir: tmp() });
    expect(b.source).toBe("shared");
    expect(sha256Hex(b.bytes)).toBe(entry.sha256);
  });

  it("never uses a file whose checksum does not match", async () => {
    const dir = tmp();
    writeFileSync(join(dir, entry.file), "openapi: 3.0.1\n# tampered\n");
    const e = await rejection(resolveSpec(entry, { specsDir: dir, fetch: noFetch }));
    expect(e.code).toBe("ERR_SPEC_CHECKSUM");
    expect(e.message).toContain(entry.sha256);
    expect(e.message).toContain(join(dir, entry.file));
  });

  it("downloads into the cache when no local copy exists, verifying it", async () => {
    const missing = { ...entry, file: "Pure1-9.9.spec.yaml" };
    const bytes = readFileSync(join(shared, entry.file));
    const cacheDir = tmp();
    const urls: string[] = [];
    const fakeFetch = (async (url: string) => {
      urls.push(url);
      return new Response(bytes);
    }) as unknown as typeof fetch;
    const got = await resolveSpec(missing, { specsDir: tmp(), cacheDir, fetch: fakeFetch });
    expect(got.source).toBe("download");
    expect(urls).toEqual([missing.url]);
    expect(readFileSync(join(cacheDir, missing.file))).toEqual(bytes);
    // Second time, from the cache without the network.
    expect((await resolveSpec(missing, { specsDir: tmp(), cacheDir, fetch: noFetch })).source).toBe("cache");

    const evil = (async () => new Response("not the spec")) as unknown as typeof fetch;
    const e = await rejection(resolveSpec(missing, { specsDir: tmp(), cacheDir: tmp(), fetch: evil }));
    expect(e.code).toBe("ERR_SPEC_CHECKSUM");
  });

  it("offline with no local copy: names the version, the places looked at, and PURE_SPECS_DIR", async () => {
    const missing = { ...entry, version: "1.99", file: "Pure1-1.99.spec.yaml" };
    const opts = { specsDir: tmp(), cacheDir: tmp(), offline: true };
    const e = await rejection(resolveSpec(missing, opts));
    expect(e.code).toBe("ERR_SPEC_NOT_FOUND");
    expect(e.message).toContain("pure1 1.99");
    for (const p of candidatePaths(missing, opts)) expect(e.message).toContain(p.path);
    expect(e.message).toContain("PURE_SPECS_DIR");
    const failing = (async () => {
      throw new TypeError("fetch failed");
    }) as unknown as typeof fetch;
    const e2 = await rejection(resolveSpec(missing, { ...opts, offline: false, fetch: failing }));
    expect(e2.message).toContain("download from https://raw.githubusercontent.com/");
    expect(e2.message).toContain("fetch failed");
  });

  it("adds a new version to a manifest with one call", async () => {
    const dir = tmp();
    const path = join(dir, "manifest.json");
    writeFileSync(path, readFileSync(MANIFEST_PATH));
    const file = join(dir, "FA2.57.spec.yaml");
    writeFileSync(file, "openapi: 3.0.1\n");
    const added = await addSpecToManifest(file, { manifestPath: path });
    expect(added).toMatchObject({ product: "flasharray", version: "2.57", file: "FA2.57.spec.yaml" });
    const m = JSON.parse(readFileSync(path, "utf8"));
    expect(m.specs).toHaveLength(92);
    expect(findSpec("flasharray", "latest", m).version).toBe("2.57");
    await expect(addSpecToManifest(join(dir, "weird.yaml"), { manifestPath: path })).rejects.toThrow(
      /Cannot tell product/,
    );
  });
});
